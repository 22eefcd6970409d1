package dev.tblog.histogram;

import java.util.Arrays;

/**
 * How values are split into buckets: the Python writers' default edges, caller-given edges, or {@code N}
 * equal-width buckets over the data's {@code [min, max]}; what the public {@code dev.tblog.HistogramBins}
 * carries. Validated at construction.
 *
 * <p>Thread contract: immutable, any thread.
 *
 * <p>In every kind, bucket {@code i} is {@code [edge(i), edge(i + 1))} and the last bucket is closed
 * {@code [edge(n - 2), edge(n - 1)]} (numpy's rule). Unlike numpy, values outside
 * {@code [edge(0), edge(n - 1)]} are not dropped but counted in the outermost bucket, so {@code num} always
 * equals the sum of the bucket counts (see {@link HistogramAccumulator}).
 */
public final class Bins {

    /** The three ways to choose edges. */
    public enum Kind {
        /** The 1549 "tensorflow" edges ±1e-12·1.1^k and 0; bucket found in O(1). */
        TENSORFLOW_DEFAULT,
        /** Caller-given, strictly increasing, finite edges; bucket found by binary search. */
        EXPLICIT_EDGES,
        /** {@code N} buckets over {@code linspace(min, max, N + 1)} of the finite values of one call. */
        EQUAL_WIDTH
    }

    /** Most buckets any kind may have: bounds the accumulator's arrays. */
    public static final int MAX_BUCKETS = 1 << 20;

    private static final Bins TENSORFLOW_DEFAULT =
            new Bins(Kind.TENSORFLOW_DEFAULT, TensorFlowEdges.edges(), TensorFlowEdges.EDGE_COUNT - 1);

    private final Kind kind;
    private final double[] edges; // null for EQUAL_WIDTH; never written after construction
    private final int bucketCount;

    private Bins(Kind kind, double[] edges, int bucketCount) {
        this.kind = kind;
        this.edges = edges;
        this.bucketCount = bucketCount;
    }

    /** The Python writers' default ("tensorflow") bins: 1549 edges, 1548 buckets. */
    public static Bins tensorflowDefault() {
        return TENSORFLOW_DEFAULT;
    }

    /**
     * Caller-given edges (copied).
     *
     * @param edges 2 to {@link #MAX_BUCKETS} + 1 finite values, strictly increasing ({@code -0.0} and
     *              {@code 0.0} count as equal)
     * @throws IllegalArgumentException naming the first bad index and value
     */
    public static Bins explicitEdges(double... edges) {
        if (edges.length < 2 || edges.length > MAX_BUCKETS + 1) {
            throw new IllegalArgumentException("edges.length must be in [2, " + (MAX_BUCKETS + 1)
                    + "]: edges.length=" + edges.length);
        }
        double[] copy = edges.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!Double.isFinite(copy[i])) {
                throw new IllegalArgumentException("edges must be finite: edges[" + i + "]=" + copy[i]);
            }
            if (i > 0 && !(copy[i] > copy[i - 1])) {
                throw new IllegalArgumentException("edges must be strictly increasing: edges[" + i + "]="
                        + copy[i] + " <= edges[" + (i - 1) + "]=" + copy[i - 1]);
            }
        }
        return new Bins(Kind.EXPLICIT_EDGES, copy, copy.length - 1);
    }

    /**
     * {@code buckets} equal-width buckets over the finite values' {@code [min, max]}, numpy's
     * {@code histogram(values, bins=buckets)}: edges {@code i * ((max - min) / buckets) + min}, the last edge
     * {@code max}; when {@code min == max}, over {@code [min - 0.5, max + 0.5]}.
     *
     * @param buckets in {@code [1, MAX_BUCKETS]}
     */
    public static Bins equalWidth(int buckets) {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets must be in [1, " + MAX_BUCKETS + "]: buckets=" + buckets);
        }
        return new Bins(Kind.EQUAL_WIDTH, null, buckets);
    }

    public Kind kind() {
        return kind;
    }

    /** Number of buckets; {@link #edgeCount()} - 1. */
    public int bucketCount() {
        return bucketCount;
    }

    public int edgeCount() {
        return bucketCount + 1;
    }

    /**
     * Edge {@code index} of the fixed kinds.
     *
     * @throws IllegalStateException for {@link Kind#EQUAL_WIDTH}, whose edges depend on the data (see
     *                               {@link HistogramAccumulator#edge(int)})
     */
    public double edge(int index) {
        return fixedEdges()[index];
    }

    /** A copy of the edges of the fixed kinds; {@link IllegalStateException} for equal width. */
    public double[] edgesCopy() {
        return fixedEdges().clone();
    }

    /** The edges without a copy, null for equal width: this package only, never written. */
    double[] edgesOrNull() {
        return edges;
    }

    private double[] fixedEdges() {
        if (edges == null) {
            throw new IllegalStateException("equal-width edges depend on the data: ask the accumulator");
        }
        return edges;
    }

    /** What the bins are, for messages: e.g. {@code equalWidth 30}. */
    public String describe() {
        switch (kind) {
            case TENSORFLOW_DEFAULT:
                return "tensorflowDefault, 1549 edges";
            case EXPLICIT_EDGES:
                return "explicitEdges " + edges.length + ": "
                        + (edges.length <= 8 ? Arrays.toString(edges) : "[" + edges[0] + ", ..., " + edges[edges.length - 1] + "]");
            default:
                return "equalWidth " + bucketCount;
        }
    }

    @Override
    public String toString() {
        return "Bins{" + describe() + "}";
    }
}
