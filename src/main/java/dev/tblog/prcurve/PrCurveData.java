package dev.tblog.prcurve;

/**
 * What one {@code addPrCurve} call logs, validated when it is made, in one of two forms:
 * <ul>
 *   <li><b>computed</b>: ground-truth labels, predictions meant in [0, 1] ({@code float[]} or
 *       {@code double[]}), optional weights, and the number of thresholds; the counts are made on
 *       the consumer ({@link PrCurveCounts});</li>
 *   <li><b>raw</b>: the six rows (TP, FP, TN, FN, precision, recall) at each threshold, written as
 *       given.</li>
 * </ul>
 * It refers to the caller's arrays and copies nothing; the producer checks the predictions' range
 * and copies them into pooled memory during the call ({@link PrCurveProducer}).
 *
 * <p>Validated here, naming the values: null arrays, no prediction, lengths that differ,
 * {@code thresholds} outside [{@value #MIN_THRESHOLDS}, {@value #MAX_THRESHOLDS}]; raw rows of
 * different lengths or fewer than 2 thresholds, a negative or non-finite count, a precision or
 * recall outside [0, 1]. Checked by the call (a pass over the arrays): predictions in [0, 1] (NaN
 * is not), weights finite and non-negative.
 *
 * <p>Thread contract: immutable, any thread; the caller's arrays must not change until the call
 * that logs it returns.
 */
public final class PrCurveData {
    /** The Python writers' default ({@code add_pr_curve}'s {@code num_thresholds=127}). */
    public static final int DEFAULT_THRESHOLDS = 127;
    /** Fewest thresholds: 0 and 1. */
    public static final int MIN_THRESHOLDS = 2;
    /** Most thresholds; TensorBoard serves every one in each step's JSON. */
    public static final int MAX_THRESHOLDS = 10_000;
    /** Rows of the tensor: TP, FP, TN, FN, precision, recall. */
    public static final int ROWS = 6;

    private final boolean[] labels;
    private final float[] floatPredictions;
    private final double[] doublePredictions;
    private final float[] floatWeights;
    private final double[] doubleWeights;
    private final int thresholds;
    private final double[][] raw;

    private PrCurveData(boolean[] labels, float[] floatPredictions, double[] doublePredictions, float[] floatWeights,
                        double[] doubleWeights, int thresholds, double[][] raw) {
        this.labels = labels;
        this.floatPredictions = floatPredictions;
        this.doublePredictions = doublePredictions;
        this.floatWeights = floatWeights;
        this.doubleWeights = doubleWeights;
        this.thresholds = thresholds;
        this.raw = raw;
    }

    /** Labels and float predictions, {@value #DEFAULT_THRESHOLDS} thresholds, unweighted. */
    public static PrCurveData of(boolean[] labels, float[] predictions) {
        checkPredictions(labels, predictions == null ? -1 : predictions.length);
        return new PrCurveData(labels, predictions, null, null, null, DEFAULT_THRESHOLDS, null);
    }

    /** As {@link #of(boolean[], float[])}, for double predictions (bucketed in double arithmetic). */
    public static PrCurveData of(boolean[] labels, double[] predictions) {
        checkPredictions(labels, predictions == null ? -1 : predictions.length);
        return new PrCurveData(labels, null, predictions, null, null, DEFAULT_THRESHOLDS, null);
    }

    private static void checkPredictions(boolean[] labels, int predictions) {
        if (labels == null) {
            throw new IllegalArgumentException("PR curve labels must not be null");
        }
        if (predictions < 0) {
            throw new IllegalArgumentException("PR curve predictions must not be null");
        }
        if (predictions == 0) {
            throw new IllegalArgumentException("PR curve of no prediction: at least one is needed");
        }
        if (labels.length != predictions) {
            throw new IllegalArgumentException("PR curve of " + labels.length + " labels and " + predictions
                + " predictions: one label per prediction");
        }
    }

    /**
     * The six rows as given, one value per threshold, thresholds {@code i / (n - 1)}.
     *
     * @throws IllegalArgumentException see the class Javadoc
     */
    public static PrCurveData raw(double[] truePositives, double[] falsePositives, double[] trueNegatives,
                                  double[] falseNegatives, double[] precision, double[] recall) {
        String[] names = {"truePositives", "falsePositives", "trueNegatives", "falseNegatives", "precision", "recall"};
        double[][] rows = {truePositives, falsePositives, trueNegatives, falseNegatives, precision, recall};
        for (int r = 0; r < ROWS; r++) {
            if (rows[r] == null) {
                throw new IllegalArgumentException("raw PR curve " + names[r] + " must not be null");
            }
        }
        int n = truePositives.length;
        if (n < MIN_THRESHOLDS || n > MAX_THRESHOLDS) {
            throw new IllegalArgumentException("raw PR curve of " + n + " thresholds: " + MIN_THRESHOLDS + " to "
                + MAX_THRESHOLDS + " are allowed");
        }
        for (int r = 0; r < ROWS; r++) {
            if (rows[r].length != n) {
                throw new IllegalArgumentException("raw PR curve " + names[r] + " has " + rows[r].length
                    + " values, truePositives " + n + ": one per threshold in each row");
            }
            double max = r < 4 ? Double.MAX_VALUE : 1;
            for (int i = 0; i < n; i++) {
                double v = rows[r][i];
                if (!(v >= 0 && v <= max)) {
                    throw new IllegalArgumentException("raw PR curve " + names[r] + "[" + i + "] = " + v
                        + (r < 4 ? ": counts must be finite and >= 0" : ": must be in [0, 1]"));
                }
            }
        }
        return new PrCurveData(null, null, null, null, null, n, rows);
    }

    /**
     * This curve with per-prediction weights (each count adds the weight instead of 1), as
     * {@code float}s; checked finite and non-negative by the call.
     *
     * @throws IllegalArgumentException null weights, or not one per prediction
     * @throws IllegalStateException on a raw curve
     */
    public PrCurveData weighted(float[] weights) {
        checkWeights(weights == null ? -1 : weights.length);
        return new PrCurveData(labels, floatPredictions, doublePredictions, weights, null, thresholds, null);
    }

    /** As {@link #weighted(float[])}, for doubles. */
    public PrCurveData weighted(double[] weights) {
        checkWeights(weights == null ? -1 : weights.length);
        return new PrCurveData(labels, floatPredictions, doublePredictions, null, weights, thresholds, null);
    }

    private void checkWeights(int length) {
        requireComputed("weights");
        if (length < 0) {
            throw new IllegalArgumentException("PR curve weights must not be null");
        }
        if (length != labels.length) {
            throw new IllegalArgumentException("PR curve of " + labels.length + " predictions and " + length
                + " weights: one weight per prediction");
        }
    }

    /**
     * This curve at {@code n} thresholds {@code 0, 1/(n-1), ..., 1}.
     *
     * @throws IllegalArgumentException n outside [{@value #MIN_THRESHOLDS}, {@value #MAX_THRESHOLDS}]
     * @throws IllegalStateException on a raw curve (its thresholds are its rows' length)
     */
    public PrCurveData thresholds(int n) {
        requireComputed("thresholds");
        if (n < MIN_THRESHOLDS || n > MAX_THRESHOLDS) {
            throw new IllegalArgumentException("PR curve thresholds must be " + MIN_THRESHOLDS + " to " + MAX_THRESHOLDS
                + ", got " + n);
        }
        return new PrCurveData(labels, floatPredictions, doublePredictions, floatWeights, doubleWeights, n, null);
    }

    private void requireComputed(String option) {
        if (raw != null) {
            throw new IllegalStateException("a raw PR curve is written as given: it takes no " + option);
        }
    }

    public boolean isRaw() {
        return raw != null;
    }

    /** Thresholds: the tensor's columns. */
    public int thresholds() {
        return thresholds;
    }

    /** Predictions of a computed curve; 0 for a raw one. */
    public int predictions() {
        return labels == null ? 0 : labels.length;
    }

    public boolean isWeighted() {
        return floatWeights != null || doubleWeights != null;
    }

    boolean[] labels() {
        return labels;
    }

    float[] floatPredictions() {
        return floatPredictions;
    }

    double[] doublePredictions() {
        return doublePredictions;
    }

    float[] floatWeights() {
        return floatWeights;
    }

    double[] doubleWeights() {
        return doubleWeights;
    }

    /** Row r of a raw curve. */
    double[] rawRow(int r) {
        return raw[r];
    }

    @Override
    public String toString() {
        return raw != null ? "PrCurve[raw, " + thresholds + " thresholds]"
            : "PrCurve[" + labels.length + " predictions, " + thresholds + " thresholds"
                + (isWeighted() ? ", weighted" : "") + "]";
    }
}
