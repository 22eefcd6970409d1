package dev.tblog.prcurve;

import java.util.Arrays;

/**
 * The pr_curves tensor of labelled predictions, computed as TensorBoard's own {@code pr_curve}
 * summary (and the Python writers' {@code add_pr_curve}) computes it, into reused arrays.
 *
 * <h2>The computation</h2>
 * With {@code n} thresholds {@code t_i = i / (n - 1)}, a classifier at threshold {@code t} says
 * "positive" when {@code p >= t}. Each prediction falls in one bucket,
 * {@code k = floor(p * (n - 1))}, computed in the prediction's own precision (float for
 * {@code float[]}, as numpy does on a float32 array); {@code p = 1} falls in the last bucket.
 * Its weight (1 unweighted) is added to {@code tpBucket[k]} if its label is true, else to
 * {@code fpBucket[k]}. Then, summing from the top bucket down:
 * <pre>
 * TP[i] = sum of tpBucket[j], j &gt;= i       FP[i] = sum of fpBucket[j], j &gt;= i
 * TN[i] = FP[0] - FP[i]                      FN[i] = TP[0] - TP[i]
 * precision[i] = TP[i] / max(1e-7, TP[i] + FP[i])
 * recall[i]    = TP[i] / max(1e-7, TP[i] + FN[i])
 * </pre>
 * all in double arithmetic, each stored as a float32 in the [6, n] tensor, row by row (TP, FP, TN,
 * FN, precision, recall). Unweighted counts are sums of 1.0, exact in double; as float32 they are
 * exact up to 2^24 = 16,777,216 predictions.
 *
 * <p>Worked example, n = 3 (thresholds 0, 0.5, 1), predictions 0.2 (true), 0.6 (false), 0.9 (true):
 * buckets k = 0, 1, 1; tpBucket = [1, 1, 0], fpBucket = [0, 1, 0]; TP = [2, 1, 0], FP = [1, 1, 0],
 * TN = [0, 0, 1], FN = [0, 1, 2], precision = [2/3, 1/2, 0], recall = [1, 1/2, 0].
 *
 * <p>Thread contract: not thread-safe; one per consumer (its arrays are reused from call to call).
 */
final class PrCurveCounts {
    /** The floor of a denominator, so that an empty threshold gives 0 and never a division by 0. */
    static final double MINIMUM_COUNT = 1e-7;

    /**
     * Interleaved buckets: {@code [2k]} true positives, {@code [2k + 1]} false positives of bucket k.
     * One array indexed by {@code 2k + (label ? 0 : 1)} needs no branch on the label, which a
     * classifier's output makes unpredictable (a mispredicted branch per prediction doubled the time).
     */
    private double[] buckets = new double[0];
    private float[] tensor = new float[0];

    /**
     * Computes the tensor of the first {@code m} float predictions.
     *
     * @param weights null for 1 each, else {@code m} finite weights {@code >= 0}
     * @return the tensor, {@code 6 * n} values from 0, valid until the next call
     */
    float[] compute(boolean[] labels, float[] predictions, double[] weights, int m, int n) {
        clearBuckets(n);
        float scale = n - 1;
        double[] b = buckets;
        if (weights == null) {
            for (int i = 0; i < m; i++) {
                // p in [0, 1], so the product is in [0, n - 1] and the cast's truncation is the floor
                b[((int) (predictions[i] * scale) << 1) | (labels[i] ? 0 : 1)] += 1;
            }
        } else {
            for (int i = 0; i < m; i++) {
                b[((int) (predictions[i] * scale) << 1) | (labels[i] ? 0 : 1)] += weights[i];
            }
        }
        return cumulate(n);
    }

    /** As {@link #compute(boolean[], float[], double[], int, int)}, buckets in double arithmetic. */
    float[] compute(boolean[] labels, double[] predictions, double[] weights, int m, int n) {
        clearBuckets(n);
        double scale = n - 1;
        double[] b = buckets;
        if (weights == null) {
            for (int i = 0; i < m; i++) {
                b[((int) (predictions[i] * scale) << 1) | (labels[i] ? 0 : 1)] += 1;
            }
        } else {
            for (int i = 0; i < m; i++) {
                b[((int) (predictions[i] * scale) << 1) | (labels[i] ? 0 : 1)] += weights[i];
            }
        }
        return cumulate(n);
    }

    /**
     * The tensor of a raw curve: six rows of {@code n} values, packed in {@code rows} one after the
     * other, each narrowed to float32.
     */
    float[] raw(double[] rows, int n) {
        float[] t = tensor(n);
        for (int i = 0; i < PrCurveData.ROWS * n; i++) {
            t[i] = (float) rows[i];
        }
        return t;
    }

    private void clearBuckets(int n) {
        if (buckets.length < 2 * n) {
            buckets = new double[2 * n];
        }
        Arrays.fill(buckets, 0, 2 * n, 0);
    }

    private float[] cumulate(int n) {
        float[] t = tensor(n);
        double[] b = buckets;
        // Reverse cumulative sums, in place in the buckets: bucket i becomes TP[i] (FP[i]).
        for (int i = n - 2; i >= 0; i--) {
            b[2 * i] += b[2 * i + 2];
            b[2 * i + 1] += b[2 * i + 3];
        }
        double positives = b[0];
        double negatives = b[1];
        for (int i = 0; i < n; i++) {
            double tp = b[2 * i];
            double fp = b[2 * i + 1];
            double fn = positives - tp;
            t[i] = (float) tp;
            t[n + i] = (float) fp;
            t[2 * n + i] = (float) (negatives - fp);
            t[3 * n + i] = (float) fn;
            t[4 * n + i] = (float) (tp / Math.max(MINIMUM_COUNT, tp + fp));
            t[5 * n + i] = (float) (tp / Math.max(MINIMUM_COUNT, tp + fn));
        }
        return t;
    }

    private float[] tensor(int n) {
        if (tensor.length < PrCurveData.ROWS * n) {
            tensor = new float[PrCurveData.ROWS * n];
        }
        return tensor;
    }
}
