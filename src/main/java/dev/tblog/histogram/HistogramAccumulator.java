package dev.tblog.histogram;

import java.util.Arrays;
import java.util.Objects;

/**
 * A reusable histogram of {@code double}, {@code float}, {@code int} or {@code long} values: one pass for
 * min, max, sum, sum of squares and bucket counts, then the bucket range a TensorBoard histogram stores.
 * Allocates only in its constructor. <b>Thread contract: not thread-safe, confine each accumulator to one thread</b> (the
 * consumer thread owns one per bins kind and reuses it).
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>Values are converted to {@code double} first (as the Python writers' {@code astype(float)}): exact
 *       for {@code float} and {@code int}, rounded to nearest for {@code long}s beyond ±2^53.</li>
 *   <li><b>Non-finite values</b> never throw and never reach the statistics: NaN, +Infinity and -Infinity are
 *       counted in {@link #nanCount()}, {@link #positiveInfinityCount()}, {@link #negativeInfinityCount()}
 *       and left out of min, max, sum, sum of squares, the buckets and {@link #finiteCount()} (which is the
 *       {@code num} of the histogram). The caller shows them some other way (a companion scalar, a notice).</li>
 *   <li><b>All values non-finite</b>: {@link #finiteCount()} is 0, the stored range is empty
 *       ({@link #trimmedSize()} == 0), min/max are {@code +Infinity}/{@code -Infinity}: do not write a
 *       histogram (the logger writes only the {@code <tag>/nonfinite} scalar then).</li>
 *   <li><b>Values beyond the edges</b> (beyond ±9.92e19 for the default edges, below the first or above the
 *       last caller-given edge) are clamped into the outermost bucket, so {@code num} always equals the sum of
 *       the counts. numpy would drop them from the counts while the Python writers still count them in
 *       {@code num}.</li>
 *   <li><b>Empty input</b>: every {@code add} with {@code length == 0} throws
 *       {@link IllegalArgumentException} ("histogram needs at least one value").</li>
 *   <li>{@code sum} starts at {@code -0.0}, the exact additive identity; it and {@code sumSquares} are
 *       {@code double} sums kept in two lanes (values at even and odd positions of a call, so the kernel's
 *       additions do not wait on each other) that are added when read; they may overflow to infinity for
 *       huge finite values. Like numpy's pairwise sum, this is not the strictly sequential sum: results
 *       can differ from it in the last bits.</li>
 * </ul>
 *
 * <h2>Stored range (trimming, as PyTorch's {@code make_histogram} for every kind of bins)</h2>
 * Index {@code i} in {@code [trimmedStart(), trimmedEnd())} is one stored bucket with right edge
 * {@link #limitAt(int) limitAt(i)} = {@code edge(i)} and count {@link #countAt(int) countAt(i)}: the range runs
 * from the empty bucket just before the first non-empty one (or, when bucket 0 is non-empty, a zero count with
 * limit {@code edge(0)}) to the last non-empty bucket. Example with the default edges and values
 * {@code {1.0, 2.0}}: 1.0 lies in bucket 1064 {@code [0.917.., 1.0089..)}, 2.0 in bucket 1072
 * {@code [1.966.., 2.162..)}; the stored range is {@code [1064, 1074)}: limits {@code edge(1064) = 0.917..}
 * (count 0), {@code 1.0089..} (count 1), ..., {@code 2.162..} (count 1), 10 buckets.
 */
public final class HistogramAccumulator {

    private static final int SCRATCH_LENGTH = 512;

    private final Bins bins;
    private final int edgeCount;
    /** The fixed edges (shared, read-only) or this accumulator's equal-width edges. */
    private final double[] edges;
    private final boolean equalWidth;
    private final double[] scratch = new double[SCRATCH_LENGTH];

    /** slots[s] = number of values with #{i : edge(i) <= x} == s; edgeCount + 1 slots. */
    final long[] slots;
    double min;
    double max;
    double sum;
    double sumSquares;
    /** The second lane of the sums: the odd positions of the default-edge kernel's pairs. */
    double sumB;
    double sumSquaresB;
    long finiteCount;
    private long nanCount;
    private long positiveInfinityCount;
    private long negativeInfinityCount;

    private boolean equalWidthEdgesReady;
    private boolean trimmed;
    private int trimmedStart;
    private int trimmedEnd;

    /** An empty accumulator for {@code bins}; allocates its arrays once. */
    public HistogramAccumulator(Bins bins) {
        this.bins = Objects.requireNonNull(bins, "bins");
        this.edgeCount = bins.edgeCount();
        this.equalWidth = bins.kind() == Bins.Kind.EQUAL_WIDTH;
        this.edges = equalWidth ? new double[edgeCount] : bins.edgesOrNull();
        this.slots = new long[edgeCount + 1];
        reset();
    }

    public Bins bins() {
        return bins;
    }

    /** Forgets every value: O(number of buckets). */
    public void reset() {
        Arrays.fill(slots, 0L);
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        sum = -0.0;
        sumSquares = 0.0;
        sumB = -0.0;
        sumSquaresB = 0.0;
        finiteCount = 0;
        nanCount = 0;
        positiveInfinityCount = 0;
        negativeInfinityCount = 0;
        equalWidthEdgesReady = false;
        trimmed = false;
    }

    /** True when no value (finite or not) was added since the last {@link #reset()}. */
    public boolean isEmpty() {
        return finiteCount == 0 && nonFiniteCount() == 0;
    }

    /**
     * Adds {@code values[offset, offset + length)}. Fixed edges: may be called repeatedly to add chunks.
     * Equal-width bins: needs all values in one call (the edges come from their min and max), so the
     * accumulator must be empty.
     *
     * @param offset in {@code [0, values.length]}
     * @param length in {@code [1, values.length - offset]}
     * @throws IllegalArgumentException  when {@code length == 0}
     * @throws IndexOutOfBoundsException when the range is outside the array
     * @throws IllegalStateException     for equal-width bins when not empty
     */
    public void add(double[] values, int offset, int length) {
        checkAdd(values.length, offset, length);
        if (equalWidth) {
            HistogramKernel.statsOnly(this, values, offset, offset + length);
            if (prepareEqualWidthEdges()) {
                HistogramKernel.equalWidthSlots(slots, edges, edgeCount - 1, edges[0], equalWidthNorm(),
                        values, offset, offset + length);
            }
        } else {
            addFixed(values, offset, offset + length);
        }
    }

    /** As {@link #add(double[], int, int)}; each {@code float} is widened exactly. */
    public void add(float[] values, int offset, int length) {
        checkAdd(values.length, offset, length);
        passes(values, offset, length);
    }

    /** As {@link #add(double[], int, int)}; each {@code int} is converted exactly. */
    public void add(int[] values, int offset, int length) {
        checkAdd(values.length, offset, length);
        passes(values, offset, length);
    }

    /** As {@link #add(double[], int, int)}; each {@code long} is rounded to the nearest {@code double}. */
    public void add(long[] values, int offset, int length) {
        checkAdd(values.length, offset, length);
        passes(values, offset, length);
    }

    /** Shorthand for {@code reset()} then {@code add(values, 0, values.length)}. */
    public void set(double[] values) {
        reset();
        add(values, 0, values.length);
    }

    // ---- statistics -------------------------------------------------------------------------------------

    /** Number of finite values: the histogram's {@code num}, equal to the sum of the bucket counts. */
    public long finiteCount() {
        return finiteCount;
    }

    public long nanCount() {
        return nanCount;
    }

    public long positiveInfinityCount() {
        return positiveInfinityCount;
    }

    public long negativeInfinityCount() {
        return negativeInfinityCount;
    }

    /** NaNs and infinities together. */
    public long nonFiniteCount() {
        return nanCount + positiveInfinityCount + negativeInfinityCount;
    }

    /** Smallest finite value; {@code +Infinity} when there is none. */
    public double min() {
        return min;
    }

    /** Largest finite value; {@code -Infinity} when there is none. */
    public double max() {
        return max;
    }

    /** Sum of the finite values, in {@code double} (two lanes, see the class comment). */
    public double sum() {
        return sum + sumB;
    }

    /** Sum of the squares of the finite values, in {@code double} (two lanes). */
    public double sumSquares() {
        return sumSquares + sumSquaresB;
    }

    // ---- buckets and the stored range -------------------------------------------------------------------

    /**
     * Edge {@code index} in {@code [0, bins().edgeCount())}; for equal-width bins the edges of the values
     * added since the last reset.
     *
     * @throws IllegalStateException for equal-width bins before any finite value
     */
    public double edge(int index) {
        if (equalWidth && !equalWidthEdgesReady) {
            throw new IllegalStateException("equal-width edges need at least one finite value: finiteCount=0");
        }
        return edges[Objects.checkIndex(index, edgeCount)];
    }

    /** Count of bucket {@code bucket} in {@code [0, bins().bucketCount())}, outliers clamped in. */
    public long count(int bucket) {
        trim();
        return slots[Objects.checkIndex(bucket, edgeCount - 1) + 1];
    }

    /** First stored index (inclusive); 0 when {@link #finiteCount()} is 0. */
    public int trimmedStart() {
        trim();
        return trimmedStart;
    }

    /** Last stored index (exclusive); at most {@code bins().edgeCount()}, 0 when nothing is stored. */
    public int trimmedEnd() {
        trim();
        return trimmedEnd;
    }

    /** Number of stored buckets: {@code trimmedEnd() - trimmedStart()}. */
    public int trimmedSize() {
        trim();
        return trimmedEnd - trimmedStart;
    }

    /**
     * The stored {@code bucket_limit} at {@code index} in {@code [trimmedStart(), trimmedEnd())}: the right
     * edge of the stored bucket, {@code edge(index)}. An encoder loops over the range without copying.
     */
    public double limitAt(int index) {
        return edges[checkStored(index)];
    }

    /** The stored {@code bucket} count at {@code index} in {@code [trimmedStart(), trimmedEnd())}. */
    public long countAt(int index) {
        return slots[checkStored(index)];
    }

    /**
     * Copies the stored limits and counts to the start of the given arrays.
     *
     * @return the number written, {@link #trimmedSize()}
     * @throws IllegalArgumentException when an array is shorter than {@link #trimmedSize()}
     */
    public int copyTrimmed(double[] limits, double[] counts) {
        int size = trimmedSize();
        if (limits.length < size || counts.length < size) {
            throw new IllegalArgumentException("arrays too short: trimmedSize=" + size
                    + ", limits.length=" + limits.length + ", counts.length=" + counts.length);
        }
        for (int i = 0; i < size; i++) {
            limits[i] = edges[trimmedStart + i];
            counts[i] = slots[trimmedStart + i];
        }
        return size;
    }

    @Override
    public String toString() {
        return "HistogramAccumulator{" + bins + ", finite=" + finiteCount + ", nan=" + nanCount
                + ", +inf=" + positiveInfinityCount + ", -inf=" + negativeInfinityCount
                + ", min=" + min + ", max=" + max + ", sum=" + sum() + ", sumSquares=" + sumSquares() + "}";
    }

    // ---- package-private hooks for the kernel -----------------------------------------------------------

    /** The rare path of the kernel loops. */
    void countNonFinite(double x) {
        if (x != x) {
            nanCount++;
        } else if (x > 0) {
            positiveInfinityCount++;
        } else {
            negativeInfinityCount++;
        }
    }

    void storeLaneB(double sumB, double sumSquaresB) {
        this.sumB = sumB;
        this.sumSquaresB = sumSquaresB;
    }

    void storeStats(double min, double max, double sum, double sumSquares, long finite) {
        this.min = min;
        this.max = max;
        this.sum = sum;
        this.sumSquares = sumSquares;
        this.finiteCount += finite;
    }

    // ---- internals --------------------------------------------------------------------------------------

    private void checkAdd(int arrayLength, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, arrayLength);
        if (length == 0) {
            throw new IllegalArgumentException("histogram needs at least one value: length=0");
        }
        if (equalWidth && !isEmpty()) {
            throw new IllegalStateException("equal-width bins take all values in one call: reset() first");
        }
        trimmed = false;
    }

    private void addFixed(double[] values, int from, int to) {
        if (bins.kind() == Bins.Kind.TENSORFLOW_DEFAULT) {
            HistogramKernel.statsAndDefaultSlots(this, values, from, to);
        } else {
            HistogramKernel.statsAndSearchedSlots(this, edges, values, from, to);
        }
    }

    /** Computes the equal-width edges from min and max; false when there is no finite value. */
    private boolean prepareEqualWidthEdges() {
        if (finiteCount == 0) {
            return false;
        }
        int buckets = edgeCount - 1;
        double lo = min;
        double hi = max;
        if (lo == hi) { // numpy: a zero-width range becomes [min - 0.5, max + 0.5]
            lo -= 0.5;
            hi += 0.5;
        }
        double step = (hi - lo) / buckets;
        if (Double.isFinite(step)) {
            for (int i = 0; i < buckets; i++) {
                // numpy.linspace: arange(n) * step + start, last = stop. On a subnormal range the rounded
                // step can carry the last inner edge past stop; clamp so the edges never decrease.
                edges[i] = Math.min(i * step + lo, hi);
            }
        } else { // hi - lo overflows (numpy gives NaN edges here): interpolate without overflow
            for (int i = 0; i < buckets; i++) {
                double t = (double) i / buckets;
                edges[i] = Math.max(lo * (1.0 - t) + hi * t, i == 0 ? lo : edges[i - 1]);
            }
        }
        edges[buckets] = hi;
        equalWidthEdgesReady = true;
        return true;
    }

    private double equalWidthNorm() {
        return (edgeCount - 1) / (edges[edgeCount - 1] * 0.5 - edges[0] * 0.5);
    }

    private void passes(Object values, int offset, int length) {
        if (equalWidth) {
            chunks(values, offset, length, false);
            if (prepareEqualWidthEdges()) {
                chunks(values, offset, length, true);
            }
        } else {
            chunks(values, offset, length, false);
        }
    }

    /** Widens through the small scratch array (L1-resident) and runs the double kernels on each chunk. */
    private void chunks(Object values, int offset, int length, boolean equalWidthSlotPass) {
        final double[] s = scratch;
        for (int done = 0; done < length; ) {
            int n = Math.min(SCRATCH_LENGTH, length - done);
            int from = offset + done;
            if (values instanceof float[]) {
                float[] v = (float[]) values;
                for (int i = 0; i < n; i++) {
                    s[i] = v[from + i];
                }
            } else if (values instanceof int[]) {
                int[] v = (int[]) values;
                for (int i = 0; i < n; i++) {
                    s[i] = v[from + i];
                }
            } else {
                long[] v = (long[]) values;
                for (int i = 0; i < n; i++) {
                    s[i] = v[from + i];
                }
            }
            if (equalWidthSlotPass) {
                HistogramKernel.equalWidthSlots(slots, edges, edgeCount - 1, edges[0], equalWidthNorm(), s, 0, n);
            } else if (equalWidth) {
                HistogramKernel.statsOnly(this, s, 0, n);
            } else {
                addFixed(s, 0, n);
            }
            done += n;
        }
    }

    /**
     * Folds the outlier slots into the outermost buckets and finds the stored range in O(1): the first
     * non-empty bucket is min's and the last is max's, because the slot of a value is monotone in it.
     * Idempotent; undone by the next add.
     */
    private void trim() {
        if (trimmed) {
            return;
        }
        int n = edgeCount;
        slots[1] += slots[0];
        slots[0] = 0;
        slots[n - 1] += slots[n];
        slots[n] = 0;
        if (finiteCount == 0) {
            trimmedStart = 0;
            trimmedEnd = 0;
        } else {
            int first = clampSlot(slotOf(min));
            int last = clampSlot(slotOf(max));
            trimmedStart = first - 1; // the empty bucket before the first non-empty one, or the zero slot 0
            trimmedEnd = last + 1;
        }
        trimmed = true;
    }

    /** The slot the kernels gave {@code x} (before folding); equal width: the same, see equalWidthSlots. */
    private int slotOf(double x) {
        return bins.kind() == Bins.Kind.TENSORFLOW_DEFAULT
                ? TensorFlowEdges.slot(x)
                : HistogramKernel.searchSlot(edges, x);
    }

    private int clampSlot(int slot) {
        return Math.min(Math.max(slot, 1), edgeCount - 1);
    }

    private int checkStored(int index) {
        trim();
        if (index < trimmedStart || index >= trimmedEnd) {
            throw new IndexOutOfBoundsException("index must be in [trimmedStart, trimmedEnd): index=" + index
                    + ", trimmedStart=" + trimmedStart + ", trimmedEnd=" + trimmedEnd);
        }
        return index;
    }
}
