package dev.tblog.jmhruns;

/**
 * One number JMH measured, in its unit: an iteration's primary score (e.g. {@code 12.5 ops/us}) or
 * one of its secondary results ({@code 0.02 B/op} for {@code gc.alloc.rate.norm}).
 *
 * <p>Thread contract: immutable, any thread.
 */
public record Score(double value, String unit) {
    /** @throws IllegalArgumentException a null unit */
    public Score {
        if (unit == null) {
            throw new IllegalArgumentException("unit of a score must not be null");
        }
    }
}
