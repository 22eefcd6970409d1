package dev.tblog.jmhruns;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one JMH iteration measured: its primary score, its secondary results by label (from the
 * profilers and JMH itself, e.g. {@code gc.alloc.rate.norm}, a SampleTime run's {@code p0.99}),
 * and, for SampleTime, the distribution of its samples.
 *
 * <p>Iterations are counted as JMH counts them, from 1 within each fork and each phase; the step
 * they are logged at continues across forks ({@link #step(int)}), so that the forks of one run
 * follow each other on one line instead of overwriting each other's steps.
 *
 * <p>Thread contract: immutable, any thread.
 *
 * @param fork 0-based index of the measured fork this iteration ran in (warm-up forks are not logged)
 * @param iteration 1-based index within its fork and phase, as JMH prints it
 * @param secondaries label to score, sorted by label
 * @param distribution the samples of a SampleTime iteration, else {@code null}
 */
public record IterationScores(Phase phase, int fork, int iteration, Score primary, Map<String, Score> secondaries,
                              Distribution distribution) {
    /** Warm-up iterations, then the measured ones. */
    public enum Phase {
        WARMUP("warmup"),
        MEASUREMENT("measurement");

        private final String tagPrefix;

        Phase(String tagPrefix) {
            this.tagPrefix = tagPrefix;
        }

        /** The group of its tags in TensorBoard: {@code warmup} or {@code measurement}. */
        public String tagPrefix() {
            return tagPrefix;
        }
    }

    /** @throws IllegalArgumentException a null phase, primary or map, a negative fork, an iteration below 1 */
    public IterationScores {
        if (phase == null || primary == null || secondaries == null) {
            throw new IllegalArgumentException("an iteration needs a phase, a primary score and secondaries");
        }
        if (fork < 0 || iteration < 1) {
            throw new IllegalArgumentException("fork must be >= 0 and iteration >= 1, got fork " + fork + ", iteration "
                + iteration);
        }
        secondaries = Collections.unmodifiableMap(new TreeMap<>(secondaries));
    }

    /** The samples of a SampleTime iteration. */
    public Optional<Distribution> samples() {
        return Optional.ofNullable(distribution);
    }

    /**
     * The step this iteration is logged at: {@code fork * perFork + iteration}, e.g. with 5 measured
     * iterations per fork, fork 0 is at steps 1-5 and fork 1 at 6-10.
     *
     * @param perFork iterations of this phase in each fork, as the run was configured
     */
    public long step(int perFork) {
        return (long) fork * perFork + iteration;
    }
}
