package dev.tblog.histogram;

/**
 * The 1549 default ("tensorflow") bucket edges of the Python writers and an O(1) lookup of the bucket of a
 * value. Thread contract: immutable after class initialisation, any thread.
 *
 * <h2>The edges</h2>
 * <pre>
 *   pos[0] = 1e-12;  pos[k+1] = pos[k] * 1.1  (double multiplication, in this order) while pos[k] &lt; 1e20
 *   -&gt; 774 positive edges, pos[773] = 9.920775621859783e19
 *   edges = -pos[773], ..., -pos[0], 0.0, pos[0], ..., pos[773]      (1549 edges, 1548 buckets)
 *   index:   0           773       774   775         1548
 * </pre>
 * The positive edges are bit-identical to the Python writers' {@code bucket_limit}s because they are
 * computed by the same sequence of IEEE double multiplications.
 *
 * <h2>Slots</h2>
 * {@link #slot(double)} returns {@code slot(x) = #{i : edges[i] <= x}}, in {@code [0, 1549]}. Slot
 * {@code s} in {@code [1, 1548]} is bucket {@code s - 1 = [edges[s-1], edges[s])}; slot 0 holds values below
 * {@code edges[0]}, slot 1549 values {@code >= edges[1548]}. The accumulator folds slot 0 into slot 1 and
 * slot 1549 into slot 1548, which gives numpy's closed last bucket and clamps values beyond ±1e20 into the
 * outermost buckets.
 *
 * <h2>Why one comparison suffices (the O(1) lookup)</h2>
 * For positive doubles the order of the raw bits is the numeric order, so "{@code pos[k] <= x}" is
 * "{@code bits(pos[k]) <= bits(x)}". The top 16 bits of a positive double are its 11-bit biased exponent
 * {@code e} and the top 4 mantissa bits {@code j}; all doubles sharing them form a <em>cell</em>
 * {@code [2^e (1 + j/16), 2^e (1 + (j+1)/16))} whose upper/lower ratio is {@code (17+j)/(16+j) <= 17/16 = 1.0625}.
 * Two consecutive edges differ by a factor of 1.1 (within a few ulps), which is more than 1.0625, so a cell
 * holds at most one edge. With {@code BELOW[c]} = the number of edges whose bits are below the cell's first
 * value, {@code #{k : pos[k] <= x} = BELOW[c] + (bits(x) >= bits(pos[BELOW[c]]) ? 1 : 0)}: one table load and
 * one exact comparison against the real edge, with a sentinel {@code Long.MAX_VALUE} after the last edge.
 * The table has one entry for every cell of the non-negative doubles, {@code 0x8000} shorts (64 KB, of
 * which data near one scale touches a few cache lines), so the lookup needs no clamping; below
 * {@code pos[0]}'s cell the entries are 0, above {@code pos[773]}'s they are 774, and the formula stays
 * exact there. (Clamping a 1702-entry table to {@code pos[0]..pos[773]} instead would cost four more
 * instructions per value in the hot loop.)
 *
 * <p>Negative values use the symmetry {@code #{i : edges[i] <= x} = 774 - #{k : pos[k] < |x|}} and
 * {@code #{k : pos[k] < |x|} = #{k : pos[k] <= nextDown(|x|)}}, where {@code bits(nextDown(|x|)) = bits(|x|) - 1}
 * for {@code x != 0}. {@code x + 0.0} turns {@code -0.0} into {@code +0.0} (IEEE round-to-nearest), so the
 * sign bit alone tells the two cases apart and the whole lookup is branch-free:
 * <pre>
 *   b = bits(x + 0.0); s = b &gt;&gt; 63 (0 or -1); key = (b &amp; 0x7fff...) + s; n = count(key)
 *   slot = 775 + (n ^ s)          // s = 0: 775 + n;  s = -1: 775 - n - 1 = 774 - n
 * </pre>
 * Worked example: {@code x = 1.0}: {@code pos[289] = 0.917246389039776 <= 1.0 < pos[290] = 1.0089710279437536},
 * so {@code n = 290} and the slot is 1065: bucket 1064 = {@code [pos[289], pos[290])}. For {@code x = -1.0},
 * {@code n = #{pos[k] < 1} = 290}, slot 484: bucket 483 = {@code [-pos[290], -pos[289])}.
 */
final class TensorFlowEdges {

    /** Number of positive edges (and of negative ones). */
    static final int POSITIVE_EDGE_COUNT = 774;
    /** Number of edges: negatives, zero, positives. */
    static final int EDGE_COUNT = 2 * POSITIVE_EDGE_COUNT + 1;
    /** Index of the edge 0.0. */
    static final int ZERO_INDEX = POSITIVE_EDGE_COUNT;

    private static final long MAGNITUDE_MASK = 0x7fff_ffff_ffff_ffffL;
    private static final int CELL_SHIFT = 48; // keeps 11 exponent bits + 4 mantissa bits

    private static final double[] EDGES;
    /** Raw bits of pos[0..773], then the sentinel Long.MAX_VALUE. */
    private static final long[] POS_BITS;
    /** Cells of all non-negative doubles up to and including the infinity/NaN cell 0x7fff. */
    private static final int CELL_COUNT = 0x8000;
    /** BELOW[c] = #{k : POS_BITS[k] < c << 48}. */
    private static final short[] BELOW;

    static {
        double[] pos = new double[POSITIVE_EDGE_COUNT];
        int n = 0;
        for (double v = 1e-12; v < 1e20; v *= 1.1) {
            pos[n++] = v; // ArrayIndexOutOfBounds here would mean the count above is wrong
        }
        if (n != POSITIVE_EDGE_COUNT) {
            throw new IllegalStateException("expected " + POSITIVE_EDGE_COUNT + " positive edges, got " + n);
        }
        EDGES = new double[EDGE_COUNT];
        for (int k = 0; k < POSITIVE_EDGE_COUNT; k++) {
            EDGES[ZERO_INDEX + 1 + k] = pos[k];
            EDGES[ZERO_INDEX - 1 - k] = -pos[k];
        }
        EDGES[ZERO_INDEX] = 0.0;

        POS_BITS = new long[POSITIVE_EDGE_COUNT + 1];
        for (int k = 0; k < POSITIVE_EDGE_COUNT; k++) {
            POS_BITS[k] = Double.doubleToRawLongBits(pos[k]);
        }
        POS_BITS[POSITIVE_EDGE_COUNT] = Long.MAX_VALUE;

        BELOW = new short[CELL_COUNT];
        int k = 0;
        for (int c = 0; c < CELL_COUNT; c++) {
            long cellLow = (long) c << CELL_SHIFT;
            long cellHigh = cellLow + (1L << CELL_SHIFT);
            while (k < POSITIVE_EDGE_COUNT && POS_BITS[k] < cellLow) {
                k++;
            }
            BELOW[c] = (short) k;
            // The one-comparison correction needs at most one edge per cell (see the class comment).
            if (k + 1 < POSITIVE_EDGE_COUNT && POS_BITS[k + 1] < cellHigh) {
                throw new IllegalStateException("two edges in one cell: " + pos[k] + ", " + pos[k + 1]);
            }
        }
    }

    private TensorFlowEdges() {
    }

    /** The shared edge array: callers in this package must never write to it. */
    static double[] edges() {
        return EDGES;
    }

    /**
     * {@code #{i : edges[i] <= x}}, in {@code [0, 1549]}; exact, branch-free, O(1).
     *
     * @param x a finite value (NaN and infinities are filtered out by the caller; here they would give a
     *          slot at the outer ends, never an exception)
     */
    static int slot(double x) {
        long bits = Double.doubleToRawLongBits(x + 0.0); // -0.0 + 0.0 == +0.0
        long sign = bits >> 63;                          // 0 for x >= 0, -1 for x < 0
        long key = (bits & MAGNITUDE_MASK) + sign;       // |x|, or nextDown(|x|) for x < 0
        int n = BELOW[(int) (key >>> CELL_SHIFT)];        // key < 0x7ff0 << 48 for finite x
        n += key >= POS_BITS[n] ? 1 : 0;                 // exact correction: at most one edge per cell
        return ZERO_INDEX + 1 + (n ^ (int) sign);
    }
}
