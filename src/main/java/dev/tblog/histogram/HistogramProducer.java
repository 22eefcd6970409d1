package dev.tblog.histogram;

import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

/**
 * The producer half of the histogram kind ({@code addHistogram}). For values, it chooses where they
 * are binned ({@code histogram.consumerBinMaxValues}):
 * <ul>
 *   <li><b>small calls</b> ({@code length <= histogram.consumerBinMaxValues}): the values are copied
 *       into pooled memory (an {@code int[]} or {@code long[]} widened to {@code double} on the way)
 *       and the call returns; the consumer bins them. Measured (benchmarks/RESULTS.md, histograms):
 *       the call costs ~2 us for 10,000 doubles and ~0.2 ms for 1,000,000, against ~24 us and
 *       ~2.5 ms to bin them here; end to end both ways cost the same (the consumer bins one call
 *       while the caller copies the next).</li>
 *   <li><b>large calls</b>: binned here, on the caller's thread, into this thread's accumulator, and
 *       only the result (statistics and the stored buckets, a few KB) is published: past 2^20
 *       doubles (the default) a copy would take more than 8 MB of the pending budget and hold the
 *       one consumer thread, shared by every producer, for more than ~2.6 ms.</li>
 * </ul>
 * A histogram the caller binned is copied (limits, then counts, into one pooled array) and only
 * encoded on the consumer. Under {@code drop} a call that finds the payload memory full is dropped
 * and counted under the kind "histogram"; under {@code block} it waits, bounded by the stall timeout.
 *
 * <p>Thread contract: any thread; each thread bins into its own accumulator (a thread-local one for
 * the default bins, 12 KB, kept for the thread's life; a new one per call for other bins).
 */
public final class HistogramProducer {
    private static final ThreadLocal<HistogramAccumulator> DEFAULT_ACCUMULATOR =
        ThreadLocal.withInitial(() -> new HistogramAccumulator(Bins.tensorflowDefault()));

    private final Publisher publisher;
    private final int consumerBinMaxValues;

    /** @param consumerBinMaxValues {@code histogram.consumerBinMaxValues} */
    public HistogramProducer(Publisher publisher, int consumerBinMaxValues) {
        this.publisher = publisher;
        this.consumerBinMaxValues = consumerBinMaxValues;
    }

    /**
     * Logs one histogram at {@code step}.
     *
     * @param tag already validated
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, HistogramData histogram, long step) {
        publisher.ensureOpen();
        if (histogram.isBinned()) {
            addBinned(tag, histogram, step);
            return;
        }
        Object values = histogram.values();
        int offset = histogram.offset();
        int length = histogram.length();
        Bins bins = histogram.bins();
        PayloadPool pool = publisher.pool();
        if (values instanceof float[] floats) {
            if (!binsOnConsumer(length, Float.BYTES)) {
                bin(tag, values, offset, length, step, bins);
                return;
            }
            float[] copy = publisher.floats(length, HistogramEncoder.KIND);
            if (copy != null) {
                System.arraycopy(floats, offset, copy, 0, length);
                publisher.publish(new CopiedHistogramPayload(tag, step, bins, pool, null, copy, length));
            }
            return;
        }
        if (!binsOnConsumer(length, Double.BYTES)) {
            bin(tag, values, offset, length, step, bins);
            return;
        }
        double[] copy = publisher.doubles(length, HistogramEncoder.KIND);
        if (copy == null) {
            return;
        }
        if (values instanceof double[] doubles) {
            System.arraycopy(doubles, offset, copy, 0, length);
        } else if (values instanceof int[] ints) {
            for (int i = 0; i < length; i++) {
                copy[i] = ints[offset + i]; // exact
            }
        } else {
            long[] longs = (long[]) values;
            for (int i = 0; i < length; i++) {
                copy[i] = longs[offset + i]; // rounded to nearest beyond 2^53, as the accumulator does
            }
        }
        publisher.publish(new CopiedHistogramPayload(tag, step, bins, pool, copy, null, length));
    }

    private void addBinned(String tag, HistogramData h, long step) {
        double[] limits = h.limits();
        int n = limits.length;
        double[] data = publisher.doubles(2 * n, HistogramEncoder.KIND);
        if (data == null) {
            return;
        }
        System.arraycopy(limits, 0, data, 0, n);
        System.arraycopy(h.counts(), 0, data, n, n);
        publisher.publish(new BinnedHistogramPayload(tag, step, h.min(), h.max(), h.num(), h.sum(), h.sumSquares(),
            0, publisher.pool(), data, n));
    }

    /** Whether a call of {@code length} values is copied for the consumer (else binned here). */
    private boolean binsOnConsumer(int length, int elementBytes) {
        return length <= consumerBinMaxValues
            // The pool hands out power-of-two arrays; one larger than the budget could never be had.
            && publisher.pool().fits(elementBytes, PayloadPool.sizeClass(length));
    }

    /** Bins on this thread and publishes the small result. {@code values} is one of the four array types. */
    private void bin(String tag, Object values, int offset, int length, long step, Bins bins) {
        HistogramAccumulator acc = bins == Bins.tensorflowDefault()
            ? DEFAULT_ACCUMULATOR.get() : new HistogramAccumulator(bins);
        acc.reset();
        if (values instanceof double[] doubles) {
            acc.add(doubles, offset, length);
        } else if (values instanceof float[] floats) {
            acc.add(floats, offset, length);
        } else if (values instanceof int[] ints) {
            acc.add(ints, offset, length);
        } else {
            acc.add((long[]) values, offset, length);
        }
        double[] data = publisher.doubles(2 * acc.trimmedSize(), HistogramEncoder.KIND);
        if (data == null) {
            return;
        }
        publisher.publish(BinnedHistogramPayload.of(tag, step, acc, publisher.pool(), data));
    }

    @Override
    public String toString() {
        return "HistogramProducer[consumerBinMaxValues " + consumerBinMaxValues + "]";
    }
}
