package dev.tblog.histogram;

import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadWriter;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * A histogram already binned on the caller's thread (or given raw by the caller): its statistics and its
 * stored range, copied into one pooled array ({@code bucketCount} limits, then as many counts). The consumer
 * only encodes it. A few kilobytes at most with the default bins, whatever the number of values.
 *
 * <p>Thread contract: built by one producer and published; {@link #writeTo} and {@link #release} on the
 * consumer thread.
 */
public final class BinnedHistogramPayload implements Payload {
    private final String tag;
    private final long step;
    private final double min;
    private final double max;
    private final double num;
    private final double sum;
    private final double sumSquares;
    private final long nonFinite;
    private final PayloadPool pool;
    private final double[] data;
    private final int bucketCount;

    /**
     * @param data pooled, from {@code pool}: limits at {@code [0, bucketCount)}, counts at
     *     {@code [bucketCount, 2 * bucketCount)}; given back to the pool on {@link #release}
     * @param nonFinite NaN and infinite values left out (written as {@code <tag>/nonfinite} when positive)
     */
    public BinnedHistogramPayload(String tag, long step, double min, double max, double num, double sum,
                                  double sumSquares, long nonFinite, PayloadPool pool, double[] data,
                                  int bucketCount) {
        this.tag = tag;
        this.step = step;
        this.min = min;
        this.max = max;
        this.num = num;
        this.sum = sum;
        this.sumSquares = sumSquares;
        this.nonFinite = nonFinite;
        this.pool = pool;
        this.data = data;
        this.bucketCount = bucketCount;
    }

    /**
     * Copies the accumulator's result into a pooled array. Producer thread.
     *
     * @param data from {@code pool}, at least {@code 2 * acc.trimmedSize()} long
     */
    public static BinnedHistogramPayload of(String tag, long step, HistogramAccumulator acc, PayloadPool pool,
                                            double[] data) {
        int n = acc.trimmedSize();
        int start = acc.trimmedStart();
        for (int i = 0; i < n; i++) {
            data[i] = acc.limitAt(start + i);
            data[n + i] = acc.countAt(start + i);
        }
        return new BinnedHistogramPayload(tag, step, acc.min(), acc.max(), acc.finiteCount(), acc.sum(),
            acc.sumSquares(), acc.nonFiniteCount(), pool, data, n);
    }

    @Override
    public void writeTo(PayloadWriter out, long wallTimeMillis) throws IOException {
        HistogramBody body = out.scratch(HistogramBody.class, HistogramBody::new);
        // No bucket: every value was non-finite, only the companion scalar is written.
        boolean histogram = bucketCount > 0;
        if (histogram) {
            body.of(min, max, num, sum, sumSquares, data, bucketCount);
        }
        HistogramRecords.write(out, tag, step, wallTimeMillis, body, histogram, nonFinite);
    }

    @Override
    public void release() {
        pool.release(data);
    }


    @Override
    public String kind() {
        return "histogram";
    }

    @Override
    public String toString() {
        return "BinnedHistogramPayload[" + tag + ", step " + step + ", num " + num + ", " + bucketCount + " buckets]";
    }
}
