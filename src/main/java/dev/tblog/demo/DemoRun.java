package dev.tblog.demo;

import dev.tblog.Image;
import dev.tblog.Images;
import dev.tblog.JFreeChartFigure;
import dev.tblog.Logger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * One run of the demo sweep: a population learns the input patterns for a number of trials at one
 * learning rate, logging everything TensorBoard can show (the map's graph first; the receptive
 * fields as an embedding at the first and last trial; the firing rate as a 3-D surface with the
 * pictures), and ends with its parameters and final metrics.
 *
 * <p>Thread contract: not thread-safe; each run on its own thread (runs of a sweep go in parallel).
 */
final class DemoRun {
    static final double NOISE = 0.6;
    private static final int SAMPLES_PER_PATTERN = 10;
    private static final int PICTURE_EVERY = 5;
    private static final int FIGURE_EVERY = 20;

    private final Path sweepDir;
    private final double learningRate;
    private final int trials;
    private final Random random;
    private final Patterns patterns = new Patterns(NOISE);
    private final Population population;
    private final int[] labels = new int[Population.NEURONS];
    private final double[] sample = new double[Patterns.PIXELS];
    private final float[] allFields = new float[Population.NEURONS * Patterns.PIXELS];
    private final double[] allWeights = new double[Population.NEURONS * Patterns.PIXELS];
    private volatile Logger logger;
    private volatile int trial;
    private double accuracy;
    private double error;

    DemoRun(Path sweepDir, double learningRate, int trials, long seed) {
        this.sweepDir = sweepDir;
        this.learningRate = learningRate;
        this.trials = trials;
        this.random = new Random(seed);
        this.population = new Population(random);
    }

    /** The run's folder name in the sweep. */
    String name() {
        return "lr-" + learningRate;
    }

    int trial() {
        return trial;
    }

    double accuracy() {
        return accuracy;
    }

    /** Events written so far by this run's logger (0 before it starts). */
    long eventsWritten() {
        Logger log = logger;
        return log == null ? 0 : log.stats().written();
    }

    /** Runs every trial, logging; {@code progress} hears each finished trial. */
    Path run(IntConsumer progress) {
        try (Logger log = Logger.builder().logdir(sweepDir).experiment(name()).build()) {
            logger = log;
            log.addText("Notes", notes());
            log.addGraph(DemoStructure.graph(learningRate, NOISE));
            double sigma0 = Population.SIDE / 3.0;
            for (int t = 0; t < trials; t++) {
                // Both the neighbourhood and the learning rate shrink as the map settles.
                double sigma = 0.5 + sigma0 * Math.exp(-4.0 * t / trials);
                double rate = learningRate * Math.exp(-3.0 * t / trials);
                double trainAccuracy = train(sigma, rate);
                accuracy = test();
                log.addScalar("Accuracy", accuracy, t);
                log.addScalars("Accuracy/Split", Map.of("train", trainAccuracy, "test", accuracy), t);
                log.addScalar("Quantization error", error, t);
                log.addScalar("Plasticity/Neighbourhood", sigma, t);
                log.addScalar("Plasticity/Learning rate", rate, t);
                if (t % PICTURE_EVERY == 0 || t == trials - 1) {
                    logPictures(log, t);
                }
                if (t == 0 || t == trials - 1) {
                    population.copyWeights(allFields); // labels are those test() just computed
                    log.addEmbedding("Receptive fields", DemoStructure.fields(allFields, labels), t);
                }
                if (t % FIGURE_EVERY == 0 || t == trials - 1) {
                    log.addFigure("Activity", JFreeChartFigure.of(activityChart(), 480, 300), t);
                }
                trial = t + 1;
                progress.accept(t);
            }
            log.addText("Notes", String.format("Finished %d trials: accuracy **%.3f**, quantization error %.4f.",
                trials, accuracy, error));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("learning_rate", learningRate);
            params.put("neurons", Population.NEURONS);
            params.put("noise", NOISE);
            params.put("trials", trials);
            params.put("rule", "kohonen-hebbian");
            params.put("plastic", true);
            log.addParameters(params, Map.of("accuracy", accuracy, "quantization_error", error));
            return log.runDir();
        }
    }

    /** One trial of learning; returns the accuracy on the training samples (labels before learning). */
    private double train(double sigma, double rate) {
        relabel();
        int correct = 0;
        double errorSum = 0;
        int n = 0;
        for (int s = 0; s < SAMPLES_PER_PATTERN; s++) {
            for (int k = 0; k < patterns.count(); k++) {
                patterns.sample(k, random, sample);
                correct += labels[population.respond(sample)] == k ? 1 : 0;
                errorSum += population.learn(sample, rate, sigma);
                n++;
            }
        }
        error = errorSum / n;
        return correct / (double) n;
    }

    /** Accuracy of recognizing fresh noisy samples by the winner's label. */
    private double test() {
        relabel();
        int correct = 0;
        int n = 0;
        for (int s = 0; s < SAMPLES_PER_PATTERN; s++) {
            for (int k = 0; k < patterns.count(); k++) {
                patterns.sample(k, random, sample);
                correct += labels[population.respond(sample)] == k ? 1 : 0;
                n++;
            }
        }
        return correct / (double) n;
    }

    /** Labels each neuron with the prototype it fires most for. */
    private void relabel() {
        double[] best = new double[Population.NEURONS];
        for (int k = 0; k < patterns.count(); k++) {
            population.respond(patterns.prototype(k));
            double[] rates = population.rates();
            for (int n = 0; n < Population.NEURONS; n++) {
                if (k == 0 || rates[n] > best[n]) {
                    best[n] = rates[n];
                    labels[n] = k;
                }
            }
        }
    }

    private void logPictures(Logger log, int t) {
        population.respond(patterns.prototype(t % patterns.count()));
        float[] rates = new float[Population.NEURONS];
        for (int n = 0; n < rates.length; n++) {
            rates[n] = (float) population.rates()[n];
        }
        log.addImage("Population/Firing rate", Image.gray(rates, Population.SIDE, Population.SIDE).equalized(), t);
        log.addMesh("Population/Firing rate surface", DemoStructure.rateSurface(population.rates()), t);

        float[] winners = new float[patterns.count() * Patterns.PIXELS];
        for (int k = 0; k < patterns.count(); k++) {
            int winner = population.respond(patterns.prototype(k));
            double[] w = population.weights(winner);
            for (int i = 0; i < Patterns.PIXELS; i++) {
                winners[k * Patterns.PIXELS + i] = (float) w[i];
            }
        }
        log.addImages("Projection/Receptive fields",
            Images.gray(winners, patterns.count(), Patterns.SIDE, Patterns.SIDE).equalizedPerImage(), t);
        population.copyWeights(allFields);
        log.addImages("Projection/All receptive fields",
            Images.gray(allFields, Population.NEURONS, Patterns.SIDE, Patterns.SIDE).equalizedPerImage(), t);
        population.copyWeights(allWeights);
        log.addHistogram("Weight distribution", allWeights, t);
    }

    /** The population's firing rates for each prototype: one line per pattern over the neurons. */
    private JFreeChart activityChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> names = DemoStructure.PATTERN_NAMES;
        for (int k = 0; k < patterns.count(); k++) {
            population.respond(patterns.prototype(k));
            XYSeries series = new XYSeries(names.get(k));
            for (int n = 0; n < Population.NEURONS; n++) {
                series.add(n, population.rates()[n]);
            }
            data.addSeries(series);
        }
        return ChartFactory.createXYLineChart("Activity", "neuron", "firing rate", data,
            PlotOrientation.VERTICAL, true, false, false);
    }

    private String notes() {
        return "### " + name() + "\n\n"
            + "A 10x10 sheet of rate neurons learns six 5x5 patterns (noise " + NOISE + ") with a\n"
            + "competitive Hebbian rule (Kohonen map).\n\n"
            + "| parameter | value |\n|---|---|\n"
            + "| learning rate | " + learningRate + " |\n"
            + "| neurons | " + Population.NEURONS + " |\n"
            + "| trials | " + trials + " |\n";
    }
}
