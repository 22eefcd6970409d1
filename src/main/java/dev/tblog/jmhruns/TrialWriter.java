package dev.tblog.jmhruns;

import dev.tblog.Histogram;
import dev.tblog.Logger;
import dev.tblog.jmhruns.IterationScores.Phase;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes one JMH run (one benchmark, mode and parameter combination) through a {@link Logger} on
 * its run folder: the iterations ({@link #iteration}), then, once all forks are in, the results
 * ({@link #results}: the HPARAMS row with the score and its error, and the summary text). Each
 * fork may use a writer of its own on the same folder: every writer adds its own event file, which
 * TensorBoard reads in order as one run, and the steps of fork k follow those of fork k-1.
 *
 * <p>The logger is small (a 1024-slot ring) and closed by {@link #close()}, which writes and
 * fsyncs everything; nothing of it outlives the writer.
 *
 * <p>Thread contract: confined to the thread that opened it.
 */
public final class TrialWriter implements AutoCloseable {
    private final Logger log;
    private long highestStep;

    private TrialWriter(Logger log) {
        this.log = log;
    }

    /** A writer on the run folder {@code runDir} (created if needed). */
    public static TrialWriter open(Path runDir) {
        return new TrialWriter(Logger.builder().runDir(runDir).set("ring.size", "1024").build());
    }

    /**
     * One iteration at its step: its score, each finite secondary result, and a SampleTime
     * iteration's samples as a histogram (a bucket per distinct sample time, exact counts, min,
     * max, sum and sum of squares).
     *
     * @param perFork this phase's iterations per fork, as configured
     */
    public void iteration(IterationScores it, int perFork) {
        long step = it.step(perFork);
        Phase phase = it.phase();
        log.addScalar(JmhTags.score(phase, it.primary().unit()), it.primary().value(), step);
        it.secondaries().forEach((label, score) -> {
            if (Double.isFinite(score.value())) {
                log.addScalar(JmhTags.secondary(phase, label, score.unit()), score.value(), step);
            }
        });
        it.samples().ifPresent(d -> log.addHistogram(JmhTags.distribution(phase, it.primary().unit()), histogram(d), step));
        highestStep = Math.max(highestStep, step);
    }

    static Histogram histogram(Distribution d) {
        int n = d.size();
        double[] limits = new double[n];
        double[] counts = new double[n];
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            limits[i] = d.value(i);
            counts[i] = d.count(i);
            sum += d.value(i) * d.count(i);
            sumSquares += d.value(i) * d.value(i) * d.count(i);
        }
        return Histogram.binned(limits, counts).min(limits[0]).max(limits[n - 1]).num(d.samples()).sum(sum)
            .sumSquares(sumSquares);
    }

    /**
     * The run's results, after its last iteration: the HPARAMS row (the sweep's typed values with
     * the metrics {@value SuiteSweep#SCORE} and {@value SuiteSweep#ERROR}) and the summary text at
     * the run's last step. A row the folder's sweep refuses (another suite's) is logged as the two
     * scalars alone, with a warning.
     */
    public void results(TrialKey key, Estimate primary, Map<String, Estimate> secondaries, TrialSettings settings,
                        String machine, String label, String source, SuiteSweep sweep, Consumer<String> warnings) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(SuiteSweep.SCORE, primary.score());
        metrics.put(SuiteSweep.ERROR, primary.error());
        try {
            log.addParameters(sweep.hparams(key, primary.unit(), warnings), metrics);
        } catch (IllegalArgumentException refused) {
            warnings.accept("the HPARAMS row of " + key + " was refused (" + refused.getMessage()
                + "); its score and error are logged as scalars");
            metrics.forEach((tag, value) -> log.addScalar(tag, value, highestStep));
        }
        log.addText(JmhTags.SUMMARY, TrialSummary.markdown(key, primary, secondaries, settings, machine, label, source),
            highestStep);
    }

    /** Writes everything, fsyncs and closes. */
    @Override
    public void close() {
        log.close();
    }
}
