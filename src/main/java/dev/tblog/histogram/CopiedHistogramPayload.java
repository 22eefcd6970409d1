package dev.tblog.histogram;

import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadWriter;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * A histogram's values, copied by the producer into a pooled {@code double[]} or {@code float[]}; the
 * consumer bins them into its reusable accumulator for the bins ({@link ConsumerAccumulators}) and encodes
 * straight from it.
 *
 * <p>Thread contract: built by one producer and published; {@link #writeTo} and {@link #release} on the
 * consumer thread.
 */
public final class CopiedHistogramPayload implements Payload {
    private final String tag;
    private final long step;
    private final HistogramBins bins;
    private final PayloadPool pool;
    private final double[] doubles;
    private final float[] floats;
    private final int length;

    private CopiedHistogramPayload(String tag, long step, HistogramBins bins, PayloadPool pool, double[] doubles,
                                   float[] floats, int length) {
        this.tag = tag;
        this.step = step;
        this.bins = bins;
        this.pool = pool;
        this.doubles = doubles;
        this.floats = floats;
        this.length = length;
    }

    /** @param values pooled, from {@code pool}, the first {@code length} are the values */
    public static CopiedHistogramPayload ofDoubles(String tag, long step, HistogramBins bins, PayloadPool pool,
                                                   double[] values, int length) {
        return new CopiedHistogramPayload(tag, step, bins, pool, values, null, length);
    }

    /** @param values pooled, from {@code pool}, the first {@code length} are the values */
    public static CopiedHistogramPayload ofFloats(String tag, long step, HistogramBins bins, PayloadPool pool,
                                                  float[] values, int length) {
        return new CopiedHistogramPayload(tag, step, bins, pool, null, values, length);
    }

    @Override
    public void writeTo(PayloadWriter out, long wallTimeMillis) throws IOException {
        HistogramAccumulator acc = out.scratch(ConsumerAccumulators.class, ConsumerAccumulators::new).forBins(bins);
        if (doubles != null) {
            acc.add(doubles, 0, length);
        } else {
            acc.add(floats, 0, length);
        }
        HistogramBody body = out.scratch(HistogramBody.class, HistogramBody::new);
        boolean histogram = acc.finiteCount() > 0;
        if (histogram) {
            body.of(acc);
        }
        HistogramRecords.write(out, tag, step, wallTimeMillis, body, histogram, acc.nonFiniteCount());
    }

    @Override
    public void release() {
        if (doubles != null) {
            pool.release(doubles);
        } else {
            pool.release(floats);
        }
    }


    @Override
    public String kind() {
        return "histogram";
    }

    @Override
    public String toString() {
        return "CopiedHistogramPayload[" + tag + ", step " + step + ", " + length + " values, " + bins + "]";
    }
}
