package dev.tblog;

import dev.tblog.histogram.Bins;

/**
 * How a {@link Histogram}'s values are split into buckets: the Python writers' default edges,
 * caller-given edges, or {@code N} equal-width buckets over the values' {@code [min, max]}.
 * <pre>{@code
 * log.addHistogram("Spike counts", Histogram.of(counts).bins(HistogramBins.equalWidth(30)), step);
 * log.addHistogram("Delays", Histogram.of(delays).bins(HistogramBins.explicitEdges(0, 1, 2, 5, 10, 20)), step);
 * }</pre>
 *
 * <p>In every kind, bucket {@code i} is {@code [edge(i), edge(i + 1))} and the last bucket is closed
 * {@code [edge(n - 2), edge(n - 1)]} (numpy's rule). Unlike numpy, values outside
 * {@code [edge(0), edge(n - 1)]} are not dropped but counted in the outermost bucket, so {@code num}
 * always equals the sum of the bucket counts.
 *
 * <p>Thread contract: immutable, any thread; validated at construction.
 */
public final class HistogramBins {
    /** Most buckets any kind may have. */
    public static final int MAX_BUCKETS = Bins.MAX_BUCKETS;

    private static final HistogramBins TENSORFLOW_DEFAULT = new HistogramBins(Bins.tensorflowDefault());

    private final Bins bins;

    private HistogramBins(Bins bins) {
        this.bins = bins;
    }

    /**
     * The Python writers' default ("tensorflow") bins: edges {@code ±1e-12 * 1.1^k} up to {@code 1e20}
     * and 0, 1549 edges, 1548 buckets; the bucket of a value is found in O(1).
     *
     * @return the default bins (one shared instance)
     */
    public static HistogramBins tensorflowDefault() {
        return TENSORFLOW_DEFAULT;
    }

    /**
     * Caller-given edges (copied).
     *
     * @param edges 2 to {@link #MAX_BUCKETS} + 1 finite values, strictly increasing ({@code -0.0} and
     *              {@code 0.0} count as equal)
     * @return bins with these edges
     * @throws IllegalArgumentException naming the first bad index and value
     */
    public static HistogramBins explicitEdges(double... edges) {
        if (edges == null) {
            throw new IllegalArgumentException("edges must not be null");
        }
        return new HistogramBins(Bins.explicitEdges(edges));
    }

    /**
     * {@code buckets} equal-width buckets over the finite values' {@code [min, max]}, numpy's
     * {@code histogram(values, bins=buckets)}; when {@code min == max}, over {@code [min - 0.5, max + 0.5]}.
     *
     * @param buckets in {@code [1, MAX_BUCKETS]}
     * @return that many equal-width bins
     * @throws IllegalArgumentException naming the value
     */
    public static HistogramBins equalWidth(int buckets) {
        return new HistogramBins(Bins.equalWidth(buckets));
    }

    Bins bins() {
        return bins;
    }

    @Override
    public String toString() {
        return "HistogramBins{" + bins.describe() + "}";
    }
}
