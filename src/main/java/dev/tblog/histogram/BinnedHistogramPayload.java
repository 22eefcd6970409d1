package dev.tblog.histogram;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * A histogram already binned on the caller's thread (or binned by the caller): its statistics and its
 * stored range, copied into one pooled array ({@code bucketCount} limits, then as many counts). Plain
 * data; the consumer's {@link HistogramEncoder} only encodes it. A few kilobytes at most with the
 * default bins, whatever the number of values.
 *
 * <p>Thread contract: built by one producer and published, immutable; {@link #writeTo} and
 * {@link #release} on the consumer thread (release on the producer's when dropped).
 */
final class BinnedHistogramPayload implements Payload {
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
    BinnedHistogramPayload(String tag, long step, double min, double max, double num, double sum, double sumSquares,
                           long nonFinite, PayloadPool pool, double[] data, int bucketCount) {
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
    static BinnedHistogramPayload of(String tag, long step, HistogramAccumulator acc, PayloadPool pool, double[] data) {
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
    public PayloadKind<HistogramEncoder> kind() {
        return HistogramEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(HistogramEncoder.KIND).write(this, out, wallTimeMillis);
    }

    @Override
    public void release() {
        pool.release(data);
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    long nonFinite() {
        return nonFinite;
    }

    int bucketCount() {
        return bucketCount;
    }

    /** Points {@code body} at this histogram; no bucket means every value was non-finite. */
    void pointAt(HistogramBody body) {
        body.of(min, max, num, sum, sumSquares, data, bucketCount);
    }

    @Override
    public String toString() {
        return "BinnedHistogramPayload[" + tag + ", step " + step + ", num " + num + ", " + bucketCount + " buckets]";
    }
}
