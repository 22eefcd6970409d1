package dev.tblog.histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test oracle written from the Python writers' formulas, not from the code under test: the edge list, a
 * linear brute-force bucket search with numpy's rule, and PyTorch's trimming, step by step.
 */
final class HistogramReference {

    private HistogramReference() {
    }

    /** {@code v = 1e-12; while v < 1e20: pos.append(v); v *= 1.1}; edges = reverse(-pos) + [0] + pos. */
    static double[] pythonDefaultEdges() {
        List<Double> pos = new ArrayList<>();
        double v = 1e-12;
        while (v < 1e20) {
            pos.add(v);
            v *= 1.1;
        }
        double[] edges = new double[2 * pos.size() + 1];
        for (int i = 0; i < pos.size(); i++) {
            edges[pos.size() - 1 - i] = -pos.get(i);
            edges[pos.size() + 1 + i] = pos.get(i);
        }
        edges[pos.size()] = 0.0;
        return edges;
    }

    /**
     * numpy's bucket of {@code x}: {@code [e[i], e[i+1])}, the last closed; values outside the edges go to
     * the outermost bucket (tblog's documented clamp; numpy would drop them).
     */
    static int bruteForceBucket(double[] e, double x) {
        int last = e.length - 2;
        for (int i = 0; i <= last; i++) {
            if (e[i] <= x && x < e[i + 1]) {
                return i;
            }
        }
        if (x == e[last + 1]) {
            return last;
        }
        if (x < e[0]) {
            return 0;
        }
        if (x > e[last + 1]) {
            return last;
        }
        // duplicate edges (degenerate equal-width ranges): the largest i with e[i] <= x
        for (int i = last; i >= 0; i--) {
            if (e[i] <= x) {
                return i;
            }
        }
        throw new AssertionError("no bucket for " + x);
    }

    static long[] bruteForceCounts(double[] edges, double[] values) {
        long[] counts = new long[edges.length - 1];
        for (double x : values) {
            if (Double.isFinite(x)) {
                counts[bruteForceBucket(edges, x)]++;
            }
        }
        return counts;
    }

    /** PyTorch's make_histogram trimming, literally. Returns {limits, counts}. */
    static double[][] pytorchTrim(double[] edges, long[] counts) {
        long[] cum = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i] > 0 ? 1 : 0;
            cum[i] = running;
        }
        int start = searchSortedRight(cum, 0);
        int end = searchSortedRight(cum, cum[cum.length - 1] - 1);
        end += 1;
        double[] outCounts;
        if (start > 0) {
            outCounts = new double[end - (start - 1)];
            for (int i = start - 1; i < end; i++) {
                outCounts[i - (start - 1)] = counts[i];
            }
        } else {
            outCounts = new double[end + 1];
            for (int i = 0; i < end; i++) {
                outCounts[i + 1] = counts[i];
            }
        }
        double[] limits = Arrays.copyOfRange(edges, start, end + 1);
        return new double[][] {limits, outCounts};
    }

    /** numpy.searchsorted(a, v, side='right'): number of elements {@code <= v}. */
    private static int searchSortedRight(long[] a, long v) {
        int n = 0;
        for (long x : a) {
            if (x <= v) {
                n++;
            }
        }
        return n;
    }

    static double[][] trimmedOf(HistogramAccumulator acc) {
        double[] limits = new double[acc.trimmedSize()];
        double[] counts = new double[acc.trimmedSize()];
        acc.copyTrimmed(limits, counts);
        return new double[][] {limits, counts};
    }

    static long[] bucketCountsOf(HistogramAccumulator acc) {
        long[] counts = new long[acc.bins().bucketCount()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = acc.count(i);
        }
        return counts;
    }
}
