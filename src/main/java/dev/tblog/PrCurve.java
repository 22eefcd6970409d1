package dev.tblog;

import dev.tblog.prcurve.PrCurveData;

/**
 * A precision-recall curve for {@link Logger#addPrCurve(String, PrCurve, long)}, TensorBoard's PR
 * CURVES tab, in one of two forms:
 * <ul>
 *   <li><b>computed</b> ({@link #of(boolean[], float[])}): what a binary classifier said
 *       (predictions meant in [0, 1]) and the truth (labels); tblog counts true and false positives
 *       and negatives at each threshold, on its own thread, exactly as TensorBoard's {@code pr_curve}
 *       summary and the Python writers' {@code add_pr_curve} do;</li>
 *   <li><b>raw</b> ({@link #raw}): counts, precision and recall you computed, one value per
 *       threshold, written as given.</li>
 * </ul>
 * <pre>{@code
 * log.addPrCurve("Pattern/vertical", PrCurve.of(isVertical, scores), step);
 * log.addPrCurve("Pattern/vertical", PrCurve.of(isVertical, scores).thresholds(201).weighted(w), step);
 * }</pre>
 *
 * <p>Thresholds: {@code n} (default 127, as the Python writers; 2 to 10,000), at
 * {@code i / (n - 1)}. A prediction {@code p} counts as positive at every threshold
 * {@code t <= p}, bucketed as {@code floor(p * (n - 1))} in the prediction's own precision. Counts
 * are sums of the weights (1 each when unweighted), exact for unweighted curves up to 2^24
 * predictions; precision is {@code TP / max(1e-7, TP + FP)}, recall {@code TP / max(1e-7, TP + FN)}.
 * TensorBoard shows the curve up to the highest threshold with a prediction above it, and shows the
 * counts truncated to integers.
 *
 * <p>A {@code PrCurve} refers to your arrays until the call that logs it returns, and copies
 * nothing itself; the call checks and copies them, so you may change them as soon as it returns.
 *
 * <p>Validated here, with {@link IllegalArgumentException} naming the values: null arrays, no
 * prediction, not one label (and weight) per prediction, thresholds outside 2..10,000; for a raw
 * curve, rows of different lengths or fewer than 2 values, negative or non-finite counts,
 * precision or recall outside [0, 1]. Checked by the call, naming the index and the value: a
 * prediction outside [0, 1] or NaN, a negative or non-finite weight.
 *
 * <p>Thread contract: immutable, any thread; the arrays must not change while a call logs it.
 */
public final class PrCurve {
    private final PrCurveData data;

    private PrCurve(PrCurveData data) {
        this.data = data;
    }

    /**
     * Labels (the truth) and float predictions in [0, 1], one per label; 127 thresholds, unweighted.
     *
     * @param labels the truth: {@code true} for a positive example; at least one
     * @param predictions the classifier's score of each example, in [0, 1], one per label
     * @return the computed curve; it refers to both arrays
     */
    public static PrCurve of(boolean[] labels, float[] predictions) {
        return new PrCurve(PrCurveData.of(labels, predictions));
    }

    /**
     * As {@link #of(boolean[], float[])}, for double predictions (bucketed in double precision).
     *
     * @param labels the truth: {@code true} for a positive example; at least one
     * @param predictions the classifier's score of each example, in [0, 1], one per label
     * @return the computed curve; it refers to both arrays
     */
    public static PrCurve of(boolean[] labels, double[] predictions) {
        return new PrCurve(PrCurveData.of(labels, predictions));
    }

    /**
     * A curve you computed: one value per threshold {@code i / (n - 1)} in each row, {@code n} from
     * 2 to 10,000, as {@code add_pr_curve_raw} takes it. Stored as float32.
     *
     * @param truePositives the true positives at each threshold, finite and non-negative
     * @param falsePositives the false positives at each threshold, finite and non-negative
     * @param trueNegatives the true negatives at each threshold, finite and non-negative
     * @param falseNegatives the false negatives at each threshold, finite and non-negative
     * @param precision the precision at each threshold, in [0, 1]
     * @param recall the recall at each threshold, in [0, 1]
     * @return the raw curve, written as given; it refers to the six arrays
     */
    public static PrCurve raw(double[] truePositives, double[] falsePositives, double[] trueNegatives,
                              double[] falseNegatives, double[] precision, double[] recall) {
        return new PrCurve(PrCurveData.raw(truePositives, falsePositives, trueNegatives, falseNegatives, precision,
            recall));
    }

    /**
     * This curve at {@code n} thresholds, 2 to 10,000.
     *
     * @param n the number of thresholds, 2 to 10,000
     * @return a new PrCurve of the same arrays at {@code n} thresholds
     * @throws IllegalStateException on a raw curve
     */
    public PrCurve thresholds(int n) {
        return new PrCurve(data.thresholds(n));
    }

    /**
     * This curve with a weight per prediction: each count adds the weight instead of 1.
     *
     * @param weights one weight per prediction, finite and non-negative
     * @return a new PrCurve of the same arrays with these weights; it refers to {@code weights}
     * @throws IllegalStateException on a raw curve
     */
    public PrCurve weighted(float[] weights) {
        return new PrCurve(data.weighted(weights));
    }

    /**
     * As {@link #weighted(float[])}, for doubles.
     *
     * @param weights one weight per prediction, finite and non-negative
     * @return a new PrCurve of the same arrays with these weights; it refers to {@code weights}
     * @throws IllegalStateException on a raw curve
     */
    public PrCurve weighted(double[] weights) {
        return new PrCurve(data.weighted(weights));
    }

    /** {@return the thresholds: 127 unless set; a raw curve's row length} */
    public int thresholds() {
        return data.thresholds();
    }

    /** {@return the predictions of a computed curve, 0 for a raw one} */
    public int predictions() {
        return data.predictions();
    }

    /** {@return whether it is a raw curve, made by {@link #raw}, rather than one tblog computes} */
    public boolean isRaw() {
        return data.isRaw();
    }

    /** {@return whether a weight per prediction was given by {@code weighted}} */
    public boolean isWeighted() {
        return data.isWeighted();
    }

    PrCurveData data() {
        return data;
    }

    @Override
    public String toString() {
        return data.toString();
    }
}
