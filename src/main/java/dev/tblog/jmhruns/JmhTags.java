package dev.tblog.jmhruns;

import dev.tblog.jmhruns.IterationScores.Phase;

/**
 * The tags of a JMH run, one chart each in TensorBoard, grouped by phase:
 * <pre>
 * warmup/score (ops/us)                    primary score of each warm-up iteration, over the iteration number
 * warmup/gc.alloc.rate.norm (B/op)         each secondary result of a warm-up iteration
 * warmup/distribution (us/op)              a SampleTime iteration's samples (HISTOGRAMS, DISTRIBUTIONS)
 * measurement/score (ops/us)               the same for the measured iterations
 * measurement/gc.alloc.rate.norm (B/op)
 * measurement/distribution (us/op)
 * result/score, result/error               the final score and its error: HPARAMS's metrics
 * jmh                                      the summary text: results, settings, versions, machine
 * </pre>
 * The unit is part of the tag, so that one chart never mixes units (another {@code -tu} or mode is
 * another chart). Warm-up and measurement are two groups rather than two sub-runs: a sub-run would
 * double the runs of every chart and of the run list, and a benchmark's warm-up line would share a
 * chart with, but not the colour of, its measurement line.
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class JmhTags {
    /** The summary text's tag. */
    public static final String SUMMARY = "jmh";

    private JmhTags() {
    }

    /** An iteration's primary score, e.g. {@code measurement/score (ops/us)}. */
    public static String score(Phase phase, String unit) {
        return phase.tagPrefix() + "/score" + unitSuffix(unit);
    }

    /** A secondary result, e.g. {@code measurement/gc.alloc.rate.norm (B/op)}. */
    public static String secondary(Phase phase, String label, String unit) {
        return phase.tagPrefix() + "/" + secondaryName(label) + unitSuffix(unit);
    }

    /** A SampleTime iteration's samples, e.g. {@code measurement/distribution (us/op)}. */
    public static String distribution(Phase phase, String unit) {
        return phase.tagPrefix() + "/distribution" + unitSuffix(unit);
    }

    /**
     * A secondary result's label as one tag segment: without the {@code ·} older JMH versions put
     * in front ({@code ·gc.alloc.rate.norm} and {@code gc.alloc.rate.norm} are one chart), with
     * {@code /} and {@code \} as {@code _} and control characters dropped.
     */
    public static String secondaryName(String label) {
        String name = label.startsWith("\u00b7") ? label.substring(1) : label;
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                out.append('_');
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.length() == 0 ? "secondary" : out.toString();
    }

    private static String unitSuffix(String unit) {
        return unit.isBlank() ? "" : " (" + unit.replace('\\', '_').replaceAll("\\p{Cntrl}", "") + ")";
    }
}
