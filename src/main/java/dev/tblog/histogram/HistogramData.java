package dev.tblog.histogram;

/**
 * What one histogram call logs, validated when it is made, in one of two forms:
 * <ul>
 *   <li><b>values</b>: the caller's {@code double[]}, {@code float[]}, {@code int[]} or {@code long[]},
 *       a range of it (the whole array by default), and the bins (the Python writers' default
 *       edges by default);</li>
 *   <li><b>binned</b>: a histogram the caller binned, {@code bucketLimits[i]} the right edge of
 *       bucket {@code i} with count {@code bucketCounts[i]}, and its statistics.</li>
 * </ul>
 * It refers to the caller's arrays and copies nothing: the producer copies (or bins) during the
 * call ({@link HistogramProducer}).
 *
 * <p>Thread contract: immutable, any thread; the caller's arrays must not change until the call
 * that logs it returns.
 */
public final class HistogramData {
    private final Object values;
    private final int arrayLength;
    private final int offset;
    private final int length;
    private final Bins bins;
    private final double[] limits;
    private final double[] counts;
    private final double min;
    private final double max;
    private final double num;
    private final double sum;
    private final double sumSquares;

    private HistogramData(Object values, int arrayLength, int offset, int length, Bins bins,
                          double[] limits, double[] counts, double min, double max, double num, double sum,
                          double sumSquares) {
        this.values = values;
        this.arrayLength = arrayLength;
        this.offset = offset;
        this.length = length;
        this.bins = bins;
        this.limits = limits;
        this.counts = counts;
        this.min = min;
        this.max = max;
        this.num = num;
        this.sum = sum;
        this.sumSquares = sumSquares;
    }

    /**
     * The values of a whole array, default bins.
     *
     * @throws IllegalArgumentException a null or empty array
     */
    public static HistogramData of(double[] values) {
        return ofArray(values, values == null ? 0 : values.length);
    }

    /** As {@link #of(double[])}; each {@code float} is widened exactly. */
    public static HistogramData of(float[] values) {
        return ofArray(values, values == null ? 0 : values.length);
    }

    /** As {@link #of(double[])}; each {@code int} is converted exactly. */
    public static HistogramData of(int[] values) {
        return ofArray(values, values == null ? 0 : values.length);
    }

    /** As {@link #of(double[])}; each {@code long} is rounded to the nearest double. */
    public static HistogramData of(long[] values) {
        return ofArray(values, values == null ? 0 : values.length);
    }

    private static HistogramData ofArray(Object array, int arrayLength) {
        if (array == null) {
            throw new IllegalArgumentException("histogram values must not be null");
        }
        checkNotEmpty(arrayLength);
        return new HistogramData(array, arrayLength, 0, arrayLength, Bins.tensorflowDefault(), null, null,
            0, 0, 0, 0, 0);
    }

    private static void checkNotEmpty(int length) {
        if (length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one value: length=0");
        }
    }

    /**
     * Only {@code values[offset, offset + length)}.
     *
     * @throws IllegalArgumentException a range not inside the array, or {@code length == 0}
     * @throws IllegalStateException on a binned histogram
     */
    public HistogramData range(int rangeOffset, int rangeLength) {
        requireValues("range");
        if (rangeOffset < 0 || rangeLength < 0 || rangeOffset > arrayLength - rangeLength) {
            throw new IllegalArgumentException("histogram range must lie in the array: offset=" + rangeOffset
                + ", length=" + rangeLength + ", values.length=" + arrayLength);
        }
        checkNotEmpty(rangeLength);
        return new HistogramData(values, arrayLength, rangeOffset, rangeLength, bins, null, null, 0, 0, 0, 0, 0);
    }

    /**
     * The same values in other bins.
     *
     * @throws IllegalArgumentException null bins
     * @throws IllegalStateException on a binned histogram
     */
    public HistogramData bins(Bins newBins) {
        requireValues("bins");
        if (newBins == null) {
            throw new IllegalArgumentException("histogram bins must not be null");
        }
        return new HistogramData(values, arrayLength, offset, length, newBins, null, null, 0, 0, 0, 0, 0);
    }

    /**
     * A histogram binned by the caller. Until set, {@code num} is the sum of the counts, {@code min}
     * the first limit, {@code max} the last, {@code sum} and {@code sumSquares} 0.
     *
     * @param bucketLimits at least one, strictly increasing (infinities allowed, NaN not)
     * @param bucketCounts as many as limits, each finite and non-negative
     * @throws IllegalArgumentException null arrays, lengths that differ (naming both) or are 0, limits not
     *     strictly increasing, a negative, NaN or infinite count
     */
    public static HistogramData binned(double[] bucketLimits, double[] bucketCounts) {
        if (bucketLimits == null || bucketCounts == null) {
            throw new IllegalArgumentException("bucketLimits and bucketCounts must not be null: bucketLimits="
                + (bucketLimits == null ? "null" : "[...]") + ", bucketCounts=" + (bucketCounts == null ? "null" : "[...]"));
        }
        if (bucketLimits.length != bucketCounts.length) {
            throw new IllegalArgumentException("bucketLimits and bucketCounts must have the same length: "
                + "bucketLimits.length=" + bucketLimits.length + ", bucketCounts.length=" + bucketCounts.length);
        }
        int n = bucketLimits.length;
        if (n == 0) {
            throw new IllegalArgumentException("a binned histogram needs at least one bucket: bucketLimits.length=0");
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(bucketLimits[i]) || i > 0 && !(bucketLimits[i] > bucketLimits[i - 1])) {
                throw new IllegalArgumentException("bucketLimits must be strictly increasing: bucketLimits[" + i + "]="
                    + bucketLimits[i] + (i > 0 ? ", bucketLimits[" + (i - 1) + "]=" + bucketLimits[i - 1] : ""));
            }
            double c = bucketCounts[i];
            if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("bucketCounts must be finite and non-negative: bucketCounts["
                    + i + "]=" + c);
            }
            total += c;
        }
        return new HistogramData(null, 0, 0, 0, null, bucketLimits, bucketCounts, bucketLimits[0],
            bucketLimits[n - 1], total, 0, 0);
    }

    /** A binned histogram with this {@code min}: TensorBoard's left edge of the first bucket. */
    public HistogramData min(double value) {
        requireBinned("min");
        return new HistogramData(null, 0, 0, 0, null, limits, counts, value, max, num, sum, sumSquares);
    }

    /** A binned histogram with this {@code max}: TensorBoard's right edge of the last bucket. */
    public HistogramData max(double value) {
        requireBinned("max");
        return new HistogramData(null, 0, 0, 0, null, limits, counts, min, value, num, sum, sumSquares);
    }

    /** A binned histogram with this number of values (TensorBoard reads it as a double). */
    public HistogramData num(double value) {
        requireBinned("num");
        return new HistogramData(null, 0, 0, 0, null, limits, counts, min, max, value, sum, sumSquares);
    }

    /** A binned histogram with this sum of the values. */
    public HistogramData sum(double value) {
        requireBinned("sum");
        return new HistogramData(null, 0, 0, 0, null, limits, counts, min, max, num, value, sumSquares);
    }

    /** A binned histogram with this sum of the squares of the values. */
    public HistogramData sumSquares(double value) {
        requireBinned("sumSquares");
        return new HistogramData(null, 0, 0, 0, null, limits, counts, min, max, num, sum, value);
    }

    private void requireValues(String what) {
        if (limits != null) {
            throw new IllegalStateException(what + "() applies to a histogram of values, not to a binned one");
        }
    }

    private void requireBinned(String what) {
        if (limits == null) {
            throw new IllegalStateException(what + "() applies to a binned histogram; a histogram of values "
                + "computes it");
        }
    }

    /** Whether the caller binned it. */
    public boolean isBinned() {
        return limits != null;
    }

    Object values() {
        return values;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    Bins bins() {
        return bins;
    }

    double[] limits() {
        return limits;
    }

    double[] counts() {
        return counts;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    double num() {
        return num;
    }

    double sum() {
        return sum;
    }

    double sumSquares() {
        return sumSquares;
    }

    @Override
    public String toString() {
        return isBinned()
            ? "HistogramData[binned, " + limits.length + " buckets, num " + num + "]"
            : "HistogramData[" + values.getClass().getSimpleName() + " [" + offset + ", " + (offset + length) + "), "
                + bins.describe() + "]";
    }
}
