package dev.tblog.demo;

import dev.tblog.Logger;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * The demo: a single rate neuron learning to tell two noisy input patterns apart with a delta
 * rule, logging its accuracy and its train/test error as it learns.
 *
 * <p>Thread contract: not thread-safe; run it on one thread.
 */
public final class DemoSimulation {
    private static final int INPUTS = 64;

    private final Path logdir;
    private final int trials;
    private final Random random;
    private final PrintStream out;

    public DemoSimulation(Path logdir, int trials, long seed, PrintStream out) {
        this.logdir = logdir;
        this.trials = trials;
        this.random = new Random(seed);
        this.out = out;
    }

    /** Runs the simulation; returns the run folder. */
    public Path run() {
        double[][] patterns = {pattern(), pattern()};
        double[] weights = new double[INPUTS];
        double learningRate = 0.01;
        try (Logger log = new Logger(logdir)) {
            for (int trial = 0; trial < trials; trial++) {
                double trainError = 0;
                for (int k = 0; k < 20; k++) {
                    int label = random.nextInt(2);
                    double[] x = noisy(patterns[label]);
                    double y = rate(weights, x);
                    double target = label;
                    trainError += (target - y) * (target - y);
                    for (int i = 0; i < INPUTS; i++) {
                        weights[i] += learningRate * (target - y) * x[i];
                    }
                }
                int correct = 0;
                double testError = 0;
                for (int k = 0; k < 50; k++) {
                    int label = random.nextInt(2);
                    double y = rate(weights, noisy(patterns[label]));
                    testError += (label - y) * (label - y);
                    correct += (y > 0.5) == (label == 1) ? 1 : 0;
                }
                log.addScalar("Accuracy", correct / 50.0, trial);
                log.addScalars("Error", Map.of("train", trainError / 20, "test", testError / 50), trial);
                if (trial % 50 == 0) {
                    out.printf("trial %d/%d accuracy %.2f%n", trial, trials, correct / 50.0);
                }
            }
            return log.runDir();
        }
    }

    private double[] pattern() {
        double[] p = new double[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            p[i] = random.nextDouble() < 0.5 ? 1 : 0;
        }
        return p;
    }

    private double[] noisy(double[] pattern) {
        double[] x = new double[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            x[i] = pattern[i] + 0.5 * random.nextGaussian();
        }
        return x;
    }

    private static double rate(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return 1 / (1 + Math.exp(-s));
    }
}
