package dev.tblog;

import dev.tblog.histogram.BinnedHistogramPayload;
import dev.tblog.histogram.CopiedHistogramPayload;
import dev.tblog.histogram.HistogramAccumulator;
import dev.tblog.histogram.HistogramBins;

/**
 * The producer side of {@code Logger.addHistogram*}: validates the call, then chooses where the values are
 * binned (see {@code histogram.consumerBinMaxValues}):
 * <ul>
 *   <li><b>small calls</b> ({@code length <= histogram.consumerBinMaxValues}): the values are copied into
 *       pooled memory (an {@code int[]} or {@code long[]} widened to {@code double} on the way) and the call
 *       returns; the consumer bins them. Measured (benchmarks/results-histogram.md, "Pipeline"): the call
 *       costs ~1 us for 10,000 doubles and ~0.2 ms for 1,000,000, against ~24 us and ~2.5 ms to bin them
 *       here; end to end both ways cost the same (the consumer bins one call while the caller copies the
 *       next).</li>
 *   <li><b>large calls</b>: binned here, on the caller's thread, into this thread's accumulator, and only the
 *       result (statistics and the stored buckets, a few KB) is published: past 2^20 doubles (the default)
 *       a copy would take more than 8 MB of the pending budget and hold the one consumer thread, shared
 *       by every producer, for more than ~2.6 ms.</li>
 * </ul>
 * Under the {@code drop} overflow policy a call that finds the payload pool full is dropped and counted
 * under the kind "histogram".
 *
 * <p>Thread contract: any thread; each thread bins into its own accumulator (a thread-local one for the
 * default bins, 12 KB, kept for the thread's life; a new one per call for other bins).
 */
final class HistogramCalls {
    private static final String KIND = "histogram";
    private static final ThreadLocal<HistogramAccumulator> DEFAULT_ACCUMULATOR =
        ThreadLocal.withInitial(() -> new HistogramAccumulator(HistogramBins.tensorflowDefault()));

    private HistogramCalls() {
    }

    /** Validates a call on a whole array (the auto-step overloads check before taking a step). */
    static void check(String tag, Object values, int arrayLength, HistogramBins bins) {
        check(tag, values, arrayLength, 0, arrayLength, bins);
    }

    /**
     * Validates the arguments of one call.
     *
     * @throws IllegalArgumentException a bad tag, null values or bins, a range outside the array, no value
     */
    static void check(String tag, Object values, int arrayLength, int offset, int length, HistogramBins bins) {
        TagRules.tag(tag);
        if (values == null) {
            throw new IllegalArgumentException("values of addHistogram('" + tag + "') must not be null");
        }
        if (bins == null) {
            throw new IllegalArgumentException("bins of addHistogram('" + tag + "') must not be null");
        }
        if (offset < 0 || length < 0 || offset > arrayLength - length) {
            throw new IllegalArgumentException("addHistogram('" + tag + "'): offset and length must lie in the "
                + "array: offset=" + offset + ", length=" + length + ", values.length=" + arrayLength);
        }
        if (length == 0) {
            throw new IllegalArgumentException("addHistogram('" + tag + "') needs at least one value: length=0");
        }
    }

    static void add(Logger log, String tag, double[] values, int offset, int length, long step, HistogramBins bins) {
        check(tag, values, values == null ? 0 : values.length, offset, length, bins);
        log.publisher().ensureOpen();
        if (!binsOnConsumer(log, length, Double.BYTES)) {
            bin(log, tag, values, offset, length, step, bins);
            return;
        }
        double[] copy = pooledDoubles(log, length);
        if (copy != null) {
            System.arraycopy(values, offset, copy, 0, length);
            publishDoubles(log, tag, step, bins, copy, length);
        }
    }

    static void add(Logger log, String tag, float[] values, int offset, int length, long step, HistogramBins bins) {
        check(tag, values, values == null ? 0 : values.length, offset, length, bins);
        log.publisher().ensureOpen();
        if (!binsOnConsumer(log, length, Float.BYTES)) {
            bin(log, tag, values, offset, length, step, bins);
            return;
        }
        float[] copy = log.publisher().floats(length, KIND);
        if (copy == null) {
            return;
        }
        System.arraycopy(values, offset, copy, 0, length);
        log.publisher().publish(CopiedHistogramPayload.ofFloats(tag, step, bins, log.publisher().pool(), copy, length));
    }

    static void add(Logger log, String tag, int[] values, int offset, int length, long step, HistogramBins bins) {
        check(tag, values, values == null ? 0 : values.length, offset, length, bins);
        log.publisher().ensureOpen();
        if (!binsOnConsumer(log, length, Double.BYTES)) {
            bin(log, tag, values, offset, length, step, bins);
            return;
        }
        double[] copy = pooledDoubles(log, length);
        if (copy != null) {
            for (int i = 0; i < length; i++) {
                copy[i] = values[offset + i]; // exact
            }
            publishDoubles(log, tag, step, bins, copy, length);
        }
    }

    static void add(Logger log, String tag, long[] values, int offset, int length, long step, HistogramBins bins) {
        check(tag, values, values == null ? 0 : values.length, offset, length, bins);
        log.publisher().ensureOpen();
        if (!binsOnConsumer(log, length, Double.BYTES)) {
            bin(log, tag, values, offset, length, step, bins);
            return;
        }
        double[] copy = pooledDoubles(log, length);
        if (copy != null) {
            for (int i = 0; i < length; i++) {
                copy[i] = values[offset + i]; // rounded to nearest beyond 2^53, as the accumulator does
            }
            publishDoubles(log, tag, step, bins, copy, length);
        }
    }

    /** A pooled array for {@code length} values, or {@code null} when the {@code drop} policy dropped the call (counted). */
    private static double[] pooledDoubles(Logger log, int length) {
        return log.publisher().doubles(length, KIND);
    }

    private static void publishDoubles(Logger log, String tag, long step, HistogramBins bins, double[] copy, int length) {
        log.publisher().publish(CopiedHistogramPayload.ofDoubles(tag, step, bins, log.publisher().pool(), copy, length));
    }

    /**
     * A histogram binned by the caller: validated, copied into pooled memory, encoded as given.
     *
     * @throws IllegalArgumentException a bad tag, null arrays, lengths that differ (naming both) or are 0,
     *     limits not strictly increasing, a negative, NaN or infinite count
     */
    static void addRaw(Logger log, String tag, double min, double max, double num, double sum, double sumSquares,
                       double[] bucketLimits, double[] bucketCounts, long step) {
        TagRules.tag(tag);
        if (bucketLimits == null || bucketCounts == null) {
            throw new IllegalArgumentException("addHistogramRaw('" + tag + "'): bucketLimits and bucketCounts must "
                + "not be null: bucketLimits=" + (bucketLimits == null ? "null" : "[...]") + ", bucketCounts="
                + (bucketCounts == null ? "null" : "[...]"));
        }
        if (bucketLimits.length != bucketCounts.length) {
            throw new IllegalArgumentException("addHistogramRaw('" + tag + "'): bucketLimits and bucketCounts must "
                + "have the same length: bucketLimits.length=" + bucketLimits.length + ", bucketCounts.length="
                + bucketCounts.length);
        }
        int n = bucketLimits.length;
        if (n == 0) {
            throw new IllegalArgumentException("addHistogramRaw('" + tag + "') needs at least one bucket: "
                + "bucketLimits.length=0");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(bucketLimits[i]) || i > 0 && !(bucketLimits[i] > bucketLimits[i - 1])) {
                throw new IllegalArgumentException("addHistogramRaw('" + tag + "'): bucketLimits must be strictly "
                    + "increasing: bucketLimits[" + i + "]=" + bucketLimits[i]
                    + (i > 0 ? ", bucketLimits[" + (i - 1) + "]=" + bucketLimits[i - 1] : ""));
            }
            double c = bucketCounts[i];
            if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("addHistogramRaw('" + tag + "'): bucketCounts must be finite "
                    + "and non-negative: bucketCounts[" + i + "]=" + c);
            }
        }
        log.publisher().ensureOpen();
        double[] data = log.publisher().doubles(2 * n, KIND);
        if (data == null) {
            return;
        }
        System.arraycopy(bucketLimits, 0, data, 0, n);
        System.arraycopy(bucketCounts, 0, data, n, n);
        log.publisher().publish(new BinnedHistogramPayload(tag, step, min, max, num, sum, sumSquares, 0,
            log.publisher().pool(), data, n));
    }

    /** Whether a call of {@code length} values is copied for the consumer (else binned here). */
    private static boolean binsOnConsumer(Logger log, int length, int elementBytes) {
        if (length > log.config().histogramConsumerBinMaxValues()) {
            return false;
        }
        // The pool hands out power-of-two arrays; one larger than the budget could never be had.
        int sizeClass = 32 - Integer.numberOfLeadingZeros(Math.max(length, 2) - 1);
        return ((long) elementBytes << sizeClass) <= log.publisher().pool().budgetBytes();
    }

    /** Bins on this thread and publishes the small result. {@code values} is one of the four array types. */
    private static void bin(Logger log, String tag, Object values, int offset, int length, long step,
                            HistogramBins bins) {
        HistogramAccumulator acc = bins == HistogramBins.tensorflowDefault()
            ? DEFAULT_ACCUMULATOR.get() : new HistogramAccumulator(bins);
        acc.reset();
        if (values instanceof double[]) {
            acc.add((double[]) values, offset, length);
        } else if (values instanceof float[]) {
            acc.add((float[]) values, offset, length);
        } else if (values instanceof int[]) {
            acc.add((int[]) values, offset, length);
        } else {
            acc.add((long[]) values, offset, length);
        }
        double[] data = log.publisher().doubles(2 * acc.trimmedSize(), KIND);
        if (data == null) {
            return;
        }
        log.publisher().publish(BinnedHistogramPayload.of(tag, step, acc, log.publisher().pool(), data));
    }
}
