package dev.tblog.prcurve;

import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

import java.util.function.ToLongFunction;

/**
 * The producer half of the PR curve kind ({@code addPrCurve}): checks the predictions' range and
 * the weights, copies labels, predictions and weights (or the six raw rows) into pooled arrays, and
 * publishes a {@link PrCurvePayload}; the counts are made on the consumer ({@link PrCurveCounts}).
 *
 * <p>Order: the range checks first ({@link IllegalArgumentException} naming the tag, the index and
 * the value; nothing published), then pooled memory (under {@code drop} a full pool drops the call,
 * counted as "pr_curve"), then the copies and the publish. The caller's arrays may be reused once
 * the call returns.
 *
 * <p>The range check is a min/max reduction over the array (NaN carries through {@code Math.min}),
 * so the common case costs one pass that the JIT can vectorize; only a bad array is scanned again
 * to name its first bad value.
 *
 * <p>Thread contract: any thread; stateless.
 */
public final class PrCurveProducer {
    private final Publisher publisher;

    public PrCurveProducer(Publisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Logs one curve at {@code step}.
     *
     * @param tag already validated
     * @throws IllegalArgumentException a prediction outside [0, 1] or NaN, a negative or
     *     non-finite weight, data larger than {@code payload.maxPendingBytes}
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, PrCurveData curve, long step) {
        add(tag, curve, step, null);
    }

    /**
     * Logs one curve at the tag's next automatic step, drawn only once the data are checked and
     * copied: a call that fails, or finds the payload memory full under {@code drop}, uses no step.
     */
    public void addAtNextStep(String tag, PrCurveData curve, ToLongFunction<String> nextStep) {
        add(tag, curve, 0, nextStep);
    }

    private void add(String tag, PrCurveData curve, long explicitStep, ToLongFunction<String> nextStep) {
        if (curve.isRaw()) {
            addRaw(tag, curve, explicitStep, nextStep);
            return;
        }
        checkRanges(tag, curve);
        int m = curve.predictions();
        PayloadPool pool = publisher.pool();
        boolean[] labels = publisher.booleans(m, PrCurveEncoder.KIND);
        if (labels == null) {
            return;
        }
        float[] floats = null;
        double[] doubles = null;
        double[] weights = null;
        try {
            if (curve.floatPredictions() != null) {
                floats = publisher.floats(m, PrCurveEncoder.KIND);
                if (floats == null) {
                    pool.release(labels);
                    return;
                }
                System.arraycopy(curve.floatPredictions(), 0, floats, 0, m);
            } else {
                doubles = publisher.doubles(m, PrCurveEncoder.KIND);
                if (doubles == null) {
                    pool.release(labels);
                    return;
                }
                System.arraycopy(curve.doublePredictions(), 0, doubles, 0, m);
            }
            if (curve.isWeighted()) {
                weights = publisher.doubles(m, PrCurveEncoder.KIND);
                if (weights == null) {
                    new PrCurvePayload(pool, tag, 0, m, curve.thresholds(), labels, floats, doubles, null, null)
                        .release();
                    return;
                }
                copyWeights(curve, weights, m);
            }
        } catch (RuntimeException | Error e) {
            // e.g. closed while waiting for memory: give back what was taken
            new PrCurvePayload(pool, tag, 0, m, curve.thresholds(), labels, floats, doubles, weights, null).release();
            throw e;
        }
        System.arraycopy(curve.labels(), 0, labels, 0, m);
        long step = nextStep == null ? explicitStep : nextStep.applyAsLong(tag);
        publisher.publish(new PrCurvePayload(pool, tag, step, m, curve.thresholds(), labels, floats, doubles, weights,
            null));
    }

    private void addRaw(String tag, PrCurveData curve, long explicitStep, ToLongFunction<String> nextStep) {
        int n = curve.thresholds();
        double[] rows = publisher.doubles(PrCurveData.ROWS * n, PrCurveEncoder.KIND);
        if (rows == null) {
            return;
        }
        for (int r = 0; r < PrCurveData.ROWS; r++) {
            System.arraycopy(curve.rawRow(r), 0, rows, r * n, n);
        }
        long step = nextStep == null ? explicitStep : nextStep.applyAsLong(tag);
        publisher.publish(new PrCurvePayload(publisher.pool(), tag, step, 0, n, null, null, null, null, rows));
    }

    private static void copyWeights(PrCurveData curve, double[] dst, int m) {
        if (curve.doubleWeights() != null) {
            System.arraycopy(curve.doubleWeights(), 0, dst, 0, m);
        } else {
            float[] src = curve.floatWeights();
            for (int i = 0; i < m; i++) {
                dst[i] = src[i]; // exact widening
            }
        }
    }

    /** Predictions in [0, 1], weights finite and {@code >= 0}; else the first bad value, named. */
    static void checkRanges(String tag, PrCurveData curve) {
        int m = curve.predictions();
        if (curve.floatPredictions() != null) {
            float[] p = curve.floatPredictions();
            float min = 0f;
            float max = 0f;
            for (int i = 0; i < m; i++) {
                min = Math.min(min, p[i]);
                max = Math.max(max, p[i]);
            }
            if (!(min >= 0f && max <= 1f)) {
                for (int i = 0; i < m; i++) {
                    if (!(p[i] >= 0f && p[i] <= 1f)) {
                        throw badPrediction(tag, i, p[i]);
                    }
                }
            }
        } else {
            double[] p = curve.doublePredictions();
            double min = 0;
            double max = 0;
            for (int i = 0; i < m; i++) {
                min = Math.min(min, p[i]);
                max = Math.max(max, p[i]);
            }
            if (!(min >= 0 && max <= 1)) {
                for (int i = 0; i < m; i++) {
                    if (!(p[i] >= 0 && p[i] <= 1)) {
                        throw badPrediction(tag, i, p[i]);
                    }
                }
            }
        }
        if (curve.floatWeights() != null) {
            float[] w = curve.floatWeights();
            for (int i = 0; i < m; i++) {
                if (!(w[i] >= 0f && w[i] <= Float.MAX_VALUE)) {
                    throw badWeight(tag, i, w[i]);
                }
            }
        } else if (curve.doubleWeights() != null) {
            double[] w = curve.doubleWeights();
            for (int i = 0; i < m; i++) {
                if (!(w[i] >= 0 && w[i] <= Double.MAX_VALUE)) {
                    throw badWeight(tag, i, w[i]);
                }
            }
        }
    }

    private static IllegalArgumentException badPrediction(String tag, int index, double value) {
        return new IllegalArgumentException("PR curve '" + tag + "': predictions[" + index + "] = " + value
            + " is not in [0, 1]");
    }

    private static IllegalArgumentException badWeight(String tag, int index, double value) {
        return new IllegalArgumentException("PR curve '" + tag + "': weights[" + index + "] = " + value
            + " is not finite and >= 0");
    }
}
