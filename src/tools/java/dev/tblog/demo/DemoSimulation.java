package dev.tblog.demo;

import dev.tblog.record.RunNames;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo: a sweep of K runs of a self-organizing population at different learning rates, in
 * parallel, each logging scalars, pictures, histograms, figures, text and its parameters, into
 * {@code <logdir>/sweep-<MonDD_HH-mm-ss>/lr-<rate>}. The sweep is declared first (its parameters with
 * their domains, its two metrics), so TensorBoard shows every tab, and HPARAMS compares the K runs on
 * exactly the declared columns.
 *
 * <p>Thread contract: run from one thread; it runs the sweep on its own pool.
 */
public final class DemoSimulation {
    /** The learning rates of the sweep, in order; K runs take the first K (then keep halving). */
    private static final double[] RATES = {0.05, 0.2, 0.01, 0.5, 0.1, 0.02};

    private final Path logdir;
    private final int trials;
    private final int runs;
    private final long seed;
    private final PrintStream out;

    public DemoSimulation(Path logdir, int trials, int runs, long seed, PrintStream out) {
        this.logdir = logdir;
        this.trials = trials;
        this.runs = runs;
        this.seed = seed;
        this.out = out;
    }

    /** Runs the sweep; returns the sweep's folder. */
    public Path run() throws InterruptedException {
        Path sweepDir = logdir.resolve("sweep-" + RunNames.timestamp(LocalDateTime.now()));
        List<DemoRun> sweep = new ArrayList<>();
        double minRate = Double.MAX_VALUE;
        double maxRate = 0;
        for (int k = 0; k < runs; k++) {
            double rate = k < RATES.length ? RATES[k] : RATES[RATES.length - 1] / Math.scalb(1.0, k - RATES.length + 1);
            sweep.add(new DemoRun(sweepDir, rate, trials, seed + k));
            minRate = Math.min(minRate, rate);
            maxRate = Math.max(maxRate, rate);
        }
        DemoRun.declareSweep(sweepDir, minRate, maxRate, trials);
        long t0 = System.nanoTime();
        int threads = Math.max(1, Math.min(runs, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> done = new ArrayList<>();
            for (int k = 0; k < runs; k++) {
                int index = k;
                DemoRun run = sweep.get(k);
                done.add(pool.submit(() -> run.run(t -> {
                    if ((t + 1) % 50 == 0 || t + 1 == trials) {
                        progress(sweep, index, run, t0);
                    }
                })));
            }
            for (Future<Path> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run of the demo failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        out.printf("sweep of %d run(s) x %d trials done in %.1f s%n", runs, trials, (System.nanoTime() - t0) / 1e9);
        return sweepDir;
    }

    private void progress(List<DemoRun> sweep, int index, DemoRun run, long t0) {
        long events = 0;
        for (DemoRun r : sweep) {
            events += r.eventsWritten();
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
        synchronized (out) {
            out.printf("run %d/%d %-8s trial %4d/%d  accuracy %.2f  %,8.0f events/s%n", index + 1, sweep.size(),
                run.name(), run.trial(), trials, run.accuracy(), events / seconds);
        }
    }
}
