package dev.tblog.prcurve;

/**
 * The pr_curves tensor computed the slow, direct way, written apart from tblog's kernel: for each
 * threshold i, every prediction whose bucket {@code floor(p * (n - 1))} is at least i is called
 * positive there, so TP, FP, TN and FN are sums over the predictions at each threshold (no
 * cumulative sums); precision and recall divide by {@code max(1e-7, ...)} as TensorBoard's summary
 * does.
 */
public final class PrCurveReference {
    private PrCurveReference() {
    }

    /** Rows TP, FP, TN, FN, precision, recall, each of n values, in double. */
    public static double[][] of(boolean[] labels, float[] predictions, double[] weights, int n) {
        int[] buckets = new int[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            float scaled = predictions[i] * (float) (n - 1);
            buckets[i] = (int) Math.floor(scaled);
        }
        return fromBuckets(labels, buckets, weights, n);
    }

    /** As {@link #of(boolean[], float[], double[], int)}, buckets in double arithmetic. */
    public static double[][] of(boolean[] labels, double[] predictions, double[] weights, int n) {
        int[] buckets = new int[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            buckets[i] = (int) Math.floor(predictions[i] * (n - 1));
        }
        return fromBuckets(labels, buckets, weights, n);
    }

    private static double[][] fromBuckets(boolean[] labels, int[] buckets, double[] weights, int n) {
        double[][] rows = new double[6][n];
        for (int t = 0; t < n; t++) {
            double tp = 0;
            double fp = 0;
            double tn = 0;
            double fn = 0;
            for (int i = 0; i < labels.length; i++) {
                double w = weights == null ? 1 : weights[i];
                boolean saysPositive = buckets[i] >= t;
                if (labels[i]) {
                    if (saysPositive) {
                        tp += w;
                    } else {
                        fn += w;
                    }
                } else if (saysPositive) {
                    fp += w;
                } else {
                    tn += w;
                }
            }
            rows[0][t] = tp;
            rows[1][t] = fp;
            rows[2][t] = tn;
            rows[3][t] = fn;
            rows[4][t] = tp / Math.max(1e-7, tp + fp);
            rows[5][t] = tp / Math.max(1e-7, tp + fn);
        }
        return rows;
    }
}
