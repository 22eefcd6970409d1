package dev.tblog.histogram;

/**
 * The per-value loops over {@code double[]}: allocation-free, no checks that the accumulator's entry points
 * already made; whoever owns the accumulator calls it.
 *
 * <p>Non-finite values: {@code x - x} is {@code 0.0} for every finite {@code x} and NaN for NaN and
 * ±Infinity, so one well-predicted branch sends them to {@link HistogramAccumulator#countNonFinite(double)}
 * and keeps them out of min, max, sum, sum of squares and the buckets.
 *
 * <p>Slots: {@code slots[s]} counts the values with {@code #{i : edges[i] <= x} == s}; slot {@code s} in
 * {@code [1, n - 1]} is bucket {@code s - 1}, slots {@code 0} and {@code n} (below the first edge, at or
 * above the last) are folded into the outermost buckets by the accumulator.
 *
 * <p>Thread contract: stateless; it works on the accumulator it is given, on that accumulator's thread.
 */
final class HistogramKernel {

    private HistogramKernel() {
    }

    /**
     * One pass: stats, non-finite counts and default-edge slots (O(1) lookup per value).
     *
     * <p>Values go in pairs with two independent lanes of sums, so that each addition does not wait for
     * the one before (a floating-point add takes several cycles; one chain would bound the loop).
     */
    static void statsAndDefaultSlots(HistogramAccumulator a, double[] v, int from, int to) {
        final long[] slots = a.slots;
        double min = a.min;
        double max = a.max;
        double sum = a.sum;
        double sumSquares = a.sumSquares;
        double sumB = a.sumB;
        double sumSquaresB = a.sumSquaresB;
        long finite = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            double x = v[i];
            double y = v[i + 1];
            if ((x - x) + (y - y) != 0.0) {
                // One of the pair is NaN or infinite: the slow path, one value at a time.
                if (x - x == 0.0) {
                    min = x < min ? x : min;
                    max = x > max ? x : max;
                    sum += x;
                    sumSquares += x * x;
                    slots[TensorFlowEdges.slot(x)]++;
                    finite++;
                } else {
                    a.countNonFinite(x);
                }
                if (y - y == 0.0) {
                    min = y < min ? y : min;
                    max = y > max ? y : max;
                    sumB += y;
                    sumSquaresB += y * y;
                    slots[TensorFlowEdges.slot(y)]++;
                    finite++;
                } else {
                    a.countNonFinite(y);
                }
                continue;
            }
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
            if (y < min) {
                min = y;
            }
            if (y > max) {
                max = y;
            }
            sum += x;
            sumB += y;
            sumSquares += x * x;
            sumSquaresB += y * y;
            slots[TensorFlowEdges.slot(x)]++;
            slots[TensorFlowEdges.slot(y)]++;
            finite += 2;
        }
        if (i < to) {
            double x = v[i];
            if (x - x != 0.0) {
                a.countNonFinite(x);
            } else {
                min = x < min ? x : min;
                max = x > max ? x : max;
                sum += x;
                sumSquares += x * x;
                slots[TensorFlowEdges.slot(x)]++;
                finite++;
            }
        }
        a.storeLaneB(sumB, sumSquaresB);
        a.storeStats(min, max, sum, sumSquares, finite);
    }

    /** One pass: stats, non-finite counts and slots found by binary search over caller-given edges. */
    static void statsAndSearchedSlots(HistogramAccumulator a, double[] edges, double[] v, int from, int to) {
        final long[] slots = a.slots;
        double min = a.min;
        double max = a.max;
        double sum = a.sum;
        double sumSquares = a.sumSquares;
        long finite = 0;
        for (int i = from; i < to; i++) {
            double x = v[i];
            if (x - x != 0.0) {
                a.countNonFinite(x);
                continue;
            }
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
            sum += x;
            sumSquares += x * x;
            slots[searchSlot(edges, x)]++;
            finite++;
        }
        a.storeStats(min, max, sum, sumSquares, finite);
    }

    /** Stats and non-finite counts only: the first of the two equal-width passes. */
    static void statsOnly(HistogramAccumulator a, double[] v, int from, int to) {
        double min = a.min;
        double max = a.max;
        double sum = a.sum;
        double sumSquares = a.sumSquares;
        long finite = 0;
        for (int i = from; i < to; i++) {
            double x = v[i];
            if (x - x != 0.0) {
                a.countNonFinite(x);
                continue;
            }
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
            sum += x;
            sumSquares += x * x;
            finite++;
        }
        a.storeStats(min, max, sum, sumSquares, finite);
    }

    /**
     * The second equal-width pass: slots only (non-finite values skipped, already counted).
     *
     * <p>Estimate: {@code k = (int) ((x - lo) * buckets / (hi - lo))}, computed on halves,
     * {@code (x/2 - lo/2) * (buckets / (hi/2 - lo/2))}, so that {@code hi - lo} cannot overflow for
     * {@code lo = -MAX_VALUE, hi = MAX_VALUE}. The estimate is off by at most an ulp-sized amount of
     * {@code k}, i.e. one bucket when {@code x} sits on an edge; it is then checked exactly against the real
     * edges: {@code edges[k] <= x < edges[k + 1]} (or {@code k} is the last bucket) means {@code k} is the
     * largest bucket whose left edge is {@code <= x}, which is the brute-force answer even with duplicate
     * edges. When that check fails (an off-by-one, or a degenerate range with duplicate edges), a binary
     * search gives the exact slot, so the cost stays bounded by O(log n) whatever the data.
     *
     * @param norm {@code buckets / (hi/2 - lo/2)}; when not finite every value takes the binary search
     */
    static void equalWidthSlots(long[] slots, double[] edges, int buckets, double lo, double norm,
                                double[] v, int from, int to) {
        final int last = buckets - 1;
        final double halfLo = lo * 0.5;
        final boolean estimate = Double.isFinite(norm);
        for (int i = from; i < to; i++) {
            double x = v[i];
            if (x - x != 0.0) {
                continue;
            }
            int slot;
            if (estimate) {
                int k = (int) ((x * 0.5 - halfLo) * norm); // NaN -> 0, too big -> Integer.MAX_VALUE
                k = Math.min(Math.max(k, 0), last);
                boolean exact = x >= edges[k] && (k == last || x < edges[k + 1]);
                slot = exact ? k + 1 : searchSlot(edges, x);
            } else {
                slot = searchSlot(edges, x);
            }
            slots[slot]++;
        }
    }

    /**
     * {@code #{i : edges[i] <= x}} for non-decreasing {@code edges}, in {@code [0, edges.length]}. Primitive
     * {@code <=}, not {@link Double#compare}, so that {@code -0.0} and {@code 0.0} are equal as in numpy.
     */
    static int searchSlot(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length; // the answer is in [lo, hi]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
