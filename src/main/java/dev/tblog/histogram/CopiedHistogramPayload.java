package dev.tblog.histogram;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * A histogram's values, copied by the producer into a pooled {@code double[]} or {@code float[]}:
 * plain data; the consumer's {@link HistogramEncoder} bins and encodes them.
 *
 * <p>Thread contract: built by one producer and published, immutable; {@link #writeTo} and
 * {@link #release} on the consumer thread (release on the producer's when dropped).
 */
final class CopiedHistogramPayload implements Payload {
    private final String tag;
    private final long step;
    private final Bins bins;
    private final PayloadPool pool;
    private final double[] doubles;
    private final float[] floats;
    private final int length;

    /** @param doubles, floats exactly one not null: pooled, from {@code pool}, the first {@code length} are the values */
    CopiedHistogramPayload(String tag, long step, Bins bins, PayloadPool pool, double[] doubles,
                           float[] floats, int length) {
        this.tag = tag;
        this.step = step;
        this.bins = bins;
        this.pool = pool;
        this.doubles = doubles;
        this.floats = floats;
        this.length = length;
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
        if (doubles != null) {
            pool.release(doubles);
        } else {
            pool.release(floats);
        }
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    Bins bins() {
        return bins;
    }

    /** Adds the values to {@code acc}. */
    void addTo(HistogramAccumulator acc) {
        if (doubles != null) {
            acc.add(doubles, 0, length);
        } else {
            acc.add(floats, 0, length);
        }
    }

    @Override
    public String toString() {
        return "CopiedHistogramPayload[" + tag + ", step " + step + ", " + length + " values, " + bins + "]";
    }
}
