package dev.tblog.jmhruns;

/**
 * A result over all measured iterations of every fork, as JMH reports it: the score, the half-width
 * of its 99.9% confidence interval ({@code NaN} when JMH cannot tell, e.g. from one iteration) and
 * the unit.
 *
 * <p>Thread contract: immutable, any thread.
 */
public record Estimate(double score, double error, String unit) {
    /** @throws IllegalArgumentException a null unit */
    public Estimate {
        if (unit == null) {
            throw new IllegalArgumentException("unit of an estimate must not be null");
        }
    }
}
