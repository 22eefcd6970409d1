package dev.tblog.tensorboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The oracle for histograms, written from the formulas (tfevents-format.md section 5, tblog's README,
 * TensorBoard's {@code data_compat} and distribution {@code compressor}), not from tblog's code:
 * the bins, the counting, what TensorBoard makes of a stored histogram, and the percentile bands of
 * the DISTRIBUTIONS tab.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class HistogramRules {
    /** The bands TensorBoard draws, in basis points: the normal CDF at -inf, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, +inf sigma. */
    static final int[] BASIS_POINTS = {0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000};

    private HistogramRules() {
    }

    /** A bucket as TensorBoard's histogram route shows it: [left, right, count], each a float32. */
    record Bucket(float left, float right, float count) {
    }

    /** The Python writers' default edges: +-1e-12 * 1.1^k while below 1e20, and 0. */
    static double[] defaultEdges() {
        List<Double> positive = new ArrayList<>();
        for (double v = 1e-12; v < 1e20; v *= 1.1) {
            positive.add(v);
        }
        int n = positive.size();
        double[] edges = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            edges[n - 1 - i] = -positive.get(i);
            edges[n + 1 + i] = positive.get(i);
        }
        return edges;
    }

    /** {@code k} equal buckets over [min, max] of the values: edges {@code min + i * (max - min) / k}. */
    static double[] equalWidthEdges(double min, double max, int k) {
        double[] edges = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            edges[i] = min + i * (max - min) / k;
        }
        return edges;
    }

    /**
     * Counts per bucket {@code [e_i, e_{i+1})}, the last closed; values outside the edges in the
     * outermost bucket (tblog's documented rule); NaN and infinities not counted.
     */
    static double[] counts(double[] edges, double... values) {
        double[] counts = new double[edges.length - 1];
        for (double x : values) {
            if (!Double.isFinite(x)) {
                continue;
            }
            int bucket = 0;
            while (bucket < counts.length - 1 && x >= edges[bucket + 1]) {
                bucket++;
            }
            counts[bucket]++;
        }
        return counts;
    }

    /** The finite values' min and max. */
    static double[] finiteRange(double... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            if (Double.isFinite(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return new double[] {min, max};
    }

    /**
     * What TensorBoard shows for a stored histogram (min, max, right edges, counts): the empty
     * buckets at both ends dropped, the first bucket's left edge the min, the last one's right edge
     * the max, inner edges as stored; all as float32.
     */
    static List<Bucket> shown(double min, double max, double[] rightEdges, double[] counts) {
        int first = 0;
        while (first < counts.length && counts[first] == 0) {
            first++;
        }
        int last = counts.length - 1;
        while (last >= 0 && counts[last] == 0) {
            last--;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            double left = i == first ? min : rightEdges[i - 1];
            double right = i == last ? max : rightEdges[i];
            buckets.add(new Bucket((float) left, (float) right, (float) counts[i]));
        }
        return buckets;
    }

    /** {@link #shown} for values counted over {@code edges}: the right edges are {@code edges[1..]}. */
    static List<Bucket> shownForValues(double[] edges, double... values) {
        double[] range = finiteRange(values);
        double[] rightEdges = new double[edges.length - 1];
        System.arraycopy(edges, 1, rightEdges, 0, rightEdges.length);
        return shown(range[0], range[1], rightEdges, counts(edges, values));
    }

    /**
     * The DISTRIBUTIONS tab's value at each basis point b: where the cumulative count, spread
     * evenly inside each bucket, reaches {@code b / 10000} of the total. Found in the first bucket
     * whose cumulative share passes it (empty buckets skipped), interpolated linearly between that
     * bucket's edges (its left edge the overall min when nothing lies before it); the max once the
     * share is reached.
     */
    static double[] distribution(List<Bucket> buckets) {
        double total = 0;
        for (Bucket b : buckets) {
            total += b.count();
        }
        double min = buckets.get(0).left();
        double max = buckets.get(buckets.size() - 1).right();
        double[] cumulative = new double[buckets.size()];
        double running = 0;
        for (int i = 0; i < buckets.size(); i++) {
            running += buckets.get(i).count() * 10000 / total;
            cumulative[i] = running;
        }
        double[] values = new double[BASIS_POINTS.length];
        for (int j = 0; j < BASIS_POINTS.length; j++) {
            int bp = BASIS_POINTS[j];
            values[j] = max;
            for (int i = 0; i < buckets.size(); i++) {
                double before = i == 0 ? 0 : cumulative[i - 1];
                if (cumulative[i] <= bp || cumulative[i] == before) {
                    continue;
                }
                double left = before == 0 ? min : Math.max(buckets.get(i - 1).right(), min);
                double right = Math.min(buckets.get(i).right(), max);
                values[j] = left + (bp - before) * (right - left) / (cumulative[i] - before);
                break;
            }
        }
        return values;
    }
}
