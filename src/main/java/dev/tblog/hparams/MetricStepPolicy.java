package dev.tblog.hparams;

import java.util.OptionalLong;

/**
 * Which step to give the metric scalars that {@code addParameters} writes.
 *
 * <p>TensorBoard's Rust loader treats a record at step {@code s} for a tag as a restart and drops
 * the stored records of that tag with step &ge; {@code s}. The HPARAMS tab shows the LAST value of
 * the metric's tag in the session's run. So:
 * <ul>
 *   <li>if the run already logged this tag (last step {@code t}): use {@code t + 1} — the training
 *       curve stays whole and the metric is the last point (at {@code Long.MAX_VALUE} it stays
 *       {@code t}, replacing only that one point);</li>
 *   <li>else, if the run logged other steps (highest {@code h}): use {@code h}, so the table's
 *       "step" column says when training ended;</li>
 *   <li>else {@code 0}.</li>
 * </ul>
 * Example: training logged {@code accuracy} at steps 0..999 and {@code loss} up to 1200;
 * metric {@code accuracy} → 1000, metric {@code error} (never logged) → 1200.
 *
 * <p>Thread contract: a pure function, any thread. The consumer, which sees every record, tracks the two inputs.
 */
final class MetricStepPolicy {

    private MetricStepPolicy() {
    }

    /**
     * @param lastStepOfTag    the step of the last record of this tag in the target run, if any
     * @param highestStepOfRun the highest step of any record in the target run, if any
     * @return the step for the metric scalar, &ge; 0 when the inputs are
     */
    public static long metricStep(OptionalLong lastStepOfTag, OptionalLong highestStepOfRun) {
        if (lastStepOfTag.isPresent()) {
            long t = lastStepOfTag.getAsLong();
            return t == Long.MAX_VALUE ? t : t + 1;
        }
        if (highestStepOfRun.isPresent()) {
            return highestStepOfRun.getAsLong();
        }
        return 0L;
    }
}
