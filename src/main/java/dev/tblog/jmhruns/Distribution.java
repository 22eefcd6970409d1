package dev.tblog.jmhruns;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of a SampleTime iteration as JMH keeps them: each distinct time with how many
 * samples took it, values ascending. JMH's sample buffer already rounds times to a few significant
 * digits, so an iteration of millions of samples is a few hundred pairs.
 *
 * <p>Thread contract: immutable, any thread (the arrays are copies, never handed out).
 */
public final class Distribution {
    private final double[] values;
    private final long[] counts;

    private Distribution(double[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
    }

    /**
     * The distribution of these (value, count) pairs, in any order; equal values are merged.
     *
     * @throws IllegalArgumentException arrays of different lengths or empty, a value not finite, a
     *     count below 1
     */
    public static Distribution of(double[] values, long[] counts) {
        if (values == null || counts == null || values.length != counts.length || values.length == 0) {
            throw new IllegalArgumentException("a distribution needs as many counts as values, at least one; got "
                + (values == null ? "null" : values.length) + " values and " + (counts == null ? "null" : counts.length)
                + " counts");
        }
        TreeMap<Double, Long> merged = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || counts[i] < 1) {
                throw new IllegalArgumentException("sample " + i + " of a distribution: value " + values[i]
                    + " with count " + counts[i] + " (values must be finite, counts at least 1)");
            }
            merged.merge(values[i] == 0.0 ? 0.0 : values[i], counts[i], Long::sum);
        }
        double[] v = new double[merged.size()];
        long[] c = new long[merged.size()];
        int i = 0;
        for (Map.Entry<Double, Long> e : merged.entrySet()) {
            v[i] = e.getKey();
            c[i++] = e.getValue();
        }
        return new Distribution(v, c);
    }

    /** How many distinct values. */
    public int size() {
        return values.length;
    }

    /** The {@code i}-th smallest distinct value. */
    public double value(int i) {
        return values[i];
    }

    /** How many samples took the {@code i}-th value. */
    public long count(int i) {
        return counts[i];
    }

    /** The number of samples. */
    public long samples() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && Arrays.equals(values, d.values) && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Distribution[" + values.length + " values, " + samples() + " samples, " + values[0] + " to "
            + values[values.length - 1] + "]";
    }
}
