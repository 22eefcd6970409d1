package dev.tblog.prcurve;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * One {@code addPrCurve} call as it travels through the ring: pooled copies of the labels, the
 * predictions (float or double) and the weights (widened to double; null when unweighted), or of
 * the six raw rows. Plain data; {@link PrCurveEncoder} computes and writes the tensor.
 *
 * <p>Thread contract: built by one producer, immutable from then on. The pooled arrays go back
 * exactly once, in {@link #release}.
 */
final class PrCurvePayload implements Payload {
    private final PayloadPool pool;
    private final String tag;
    private final long step;
    private final int predictions;
    private final int thresholds;
    private final boolean[] labels;
    private final float[] floats;
    private final double[] doubles;
    private final double[] weights;
    private final double[] rawRows;

    /**
     * @param predictions how many labels, predictions and weights are held; 0 for a raw curve
     * @param rawRows a raw curve's six rows, {@code thresholds} values each, one after the other;
     *     null for a computed curve
     */
    PrCurvePayload(PayloadPool pool, String tag, long step, int predictions, int thresholds, boolean[] labels,
                   float[] floats, double[] doubles, double[] weights, double[] rawRows) {
        this.pool = pool;
        this.tag = tag;
        this.step = step;
        this.predictions = predictions;
        this.thresholds = thresholds;
        this.labels = labels;
        this.floats = floats;
        this.doubles = doubles;
        this.weights = weights;
        this.rawRows = rawRows;
    }

    @Override
    public PayloadKind<PrCurveEncoder> kind() {
        return PrCurveEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(PrCurveEncoder.KIND).write(this, out, wallTimeMillis);
    }

    @Override
    public void release() {
        if (labels != null) {
            pool.release(labels);
        }
        if (floats != null) {
            pool.release(floats);
        }
        if (doubles != null) {
            pool.release(doubles);
        }
        if (weights != null) {
            pool.release(weights);
        }
        if (rawRows != null) {
            pool.release(rawRows);
        }
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    int predictions() {
        return predictions;
    }

    int thresholds() {
        return thresholds;
    }

    boolean[] labels() {
        return labels;
    }

    float[] floats() {
        return floats;
    }

    double[] doubles() {
        return doubles;
    }

    double[] weights() {
        return weights;
    }

    double[] rawRows() {
        return rawRows;
    }

    @Override
    public String toString() {
        return "PrCurvePayload[" + tag + ", step " + step + ", " + (rawRows != null ? "raw" : predictions + " predictions")
            + ", " + thresholds + " thresholds]";
    }
}
