package dev.tblog;

import dev.tblog.histogram.HistogramData;

/**
 * A histogram for {@link Logger#addHistogram(String, Histogram, long)}, in one of two forms:
 * <ul>
 *   <li><b>values</b> ({@link #of(double[])} and its overloads), binned by tblog: min, max, count,
 *       sum and sum of squares exact over the values, the buckets trimmed as the Python writers do;
 *       optionally only a {@link #range} of the array, and other {@link #bins};</li>
 *   <li><b>binned</b> by you ({@link #binned}), written as given, with its statistics set by name.</li>
 * </ul>
 * <pre>{@code
 * log.addHistogram("Weight distribution/layer 2", Histogram.of(weights).range(1024, 512), step);
 * log.addHistogram("Spike counts", Histogram.of(counts).bins(HistogramBins.equalWidth(30)), step);
 * log.addHistogram("Latency", Histogram.binned(new double[] {1, 5, 10}, new double[] {3, 3, 1})
 *     .min(0.2).max(9.5).sum(21.1).sumSquares(110.3), step);
 * }</pre>
 *
 * <p>A {@code Histogram} refers to your array until the call that logs it returns, and copies
 * nothing itself; the call copies the values (or bins them on your thread, for large calls), so you
 * may change the array as soon as it returns.
 *
 * <p>NaN and infinite values are left out of the histogram and counted in the scalar
 * {@code <tag>/nonfinite} at the same step (written only when there were any); when every value is
 * non-finite only that scalar is written.
 *
 * <p>Validated here, with {@link IllegalArgumentException} naming the values: a null or empty array,
 * a range outside the array or of length 0, null bins; for a binned histogram, null arrays, lengths
 * that differ or are 0, limits not strictly increasing, a negative, NaN or infinite count.
 *
 * <p>Thread contract: immutable, any thread; the arrays must not change while a call logs it.
 */
public final class Histogram {
    private final HistogramData data;

    private Histogram(HistogramData data) {
        this.data = data;
    }

    /**
     * A histogram of {@code values} with {@link HistogramBins#tensorflowDefault()} bins.
     *
     * @param values at least one value
     * @return the histogram; it refers to {@code values}
     */
    public static Histogram of(double[] values) {
        return new Histogram(HistogramData.of(values));
    }

    /**
     * As {@link #of(double[])}; each {@code float} is widened exactly.
     *
     * @param values at least one value
     * @return the histogram; it refers to {@code values}
     */
    public static Histogram of(float[] values) {
        return new Histogram(HistogramData.of(values));
    }

    /**
     * As {@link #of(double[])}; each {@code int} is converted exactly.
     *
     * @param values at least one value
     * @return the histogram; it refers to {@code values}
     */
    public static Histogram of(int[] values) {
        return new Histogram(HistogramData.of(values));
    }

    /**
     * As {@link #of(double[])}; each {@code long} is rounded to the nearest double.
     *
     * @param values at least one value
     * @return the histogram; it refers to {@code values}
     */
    public static Histogram of(long[] values) {
        return new Histogram(HistogramData.of(values));
    }

    /**
     * Only {@code values[offset, offset + length)}.
     *
     * @param offset the first value's index
     * @param length how many values, at least 1
     * @return a histogram of that part of the array
     * @throws IllegalArgumentException a range not inside the array, or {@code length == 0}
     * @throws IllegalStateException on a {@linkplain #binned binned} histogram
     */
    public Histogram range(int offset, int length) {
        return new Histogram(data.range(offset, length));
    }

    /**
     * The same values in other bins: {@link HistogramBins#equalWidth(int)},
     * {@link HistogramBins#explicitEdges(double...)}.
     *
     * @param bins how to split the values into buckets
     * @return a histogram of the same values in those bins
     * @throws IllegalArgumentException null bins
     * @throws IllegalStateException on a {@linkplain #binned binned} histogram
     */
    public Histogram bins(HistogramBins bins) {
        return new Histogram(data.bins(bins == null ? null : bins.bins()));
    }

    /**
     * A histogram you binned: {@code bucketLimits[i]} is the right edge of bucket {@code i}, whose
     * count is {@code bucketCounts[i]}. Set the statistics by name; until set, {@code num} is the sum
     * of the counts, {@code min} the first limit and {@code max} the last (TensorBoard draws the first
     * bucket from {@code min} and the last up to {@code max}), {@code sum} and {@code sumSquares} 0.
     *
     * @param bucketLimits at least one, strictly increasing (infinities allowed, NaN not)
     * @param bucketCounts as many as limits, each finite and non-negative
     * @return the histogram; it refers to both arrays
     * @throws IllegalArgumentException see the class Javadoc; the message names both lengths or the bad index
     */
    public static Histogram binned(double[] bucketLimits, double[] bucketCounts) {
        return new Histogram(HistogramData.binned(bucketLimits, bucketCounts));
    }

    /**
     * A binned histogram with this smallest value.
     *
     * @param min the smallest value
     * @return a copy of this binned histogram with it set
     * @throws IllegalStateException on a histogram of values (tblog computes its statistics)
     */
    public Histogram min(double min) {
        return new Histogram(data.min(min));
    }

    /**
     * A binned histogram with this largest value.
     *
     * @param max the largest value
     * @return a copy of this binned histogram with it set
     * @throws IllegalStateException on a histogram of values (tblog computes its statistics)
     */
    public Histogram max(double max) {
        return new Histogram(data.max(max));
    }

    /**
     * A binned histogram with this number of values.
     *
     * @param num the number of values
     * @return a copy of this binned histogram with it set
     * @throws IllegalStateException on a histogram of values (tblog computes its statistics)
     */
    public Histogram num(double num) {
        return new Histogram(data.num(num));
    }

    /**
     * A binned histogram with this sum of the values.
     *
     * @param sum the sum of the values
     * @return a copy of this binned histogram with it set
     * @throws IllegalStateException on a histogram of values (tblog computes its statistics)
     */
    public Histogram sum(double sum) {
        return new Histogram(data.sum(sum));
    }

    /**
     * A binned histogram with this sum of the squares of the values.
     *
     * @param sumSquares the sum of the squares of the values
     * @return a copy of this binned histogram with it set
     * @throws IllegalStateException on a histogram of values (tblog computes its statistics)
     */
    public Histogram sumSquares(double sumSquares) {
        return new Histogram(data.sumSquares(sumSquares));
    }

    /** {@return whether you binned it ({@link #binned})} */
    public boolean isBinned() {
        return data.isBinned();
    }

    HistogramData data() {
        return data;
    }

    @Override
    public String toString() {
        return "Histogram[" + data + "]";
    }
}
