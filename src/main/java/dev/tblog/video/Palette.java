package dev.tblog.video;

import java.util.Arrays;

/**
 * The 256-colour table of a GIF and the index of each pixel in it.
 *
 * <ul>
 *   <li><b>Gray</b> pictures use the 256 gray levels, index = value: exact.</li>
 *   <li><b>RGB</b> pictures with at most 256 distinct colours (charts, label maps, flat drawings)
 *       get exactly those colours: exact.</li>
 *   <li>Other RGB pictures get an adaptive table by <b>median cut</b>: the colours are counted in
 *       a 32x32x32 histogram (5 bits per channel); starting from one box around all of them, the
 *       box with the widest extent along one channel is cut at the median (by pixel count) of that
 *       channel, until 256 boxes; each box's colour is the pixel-weighted mean of its pixels, and
 *       every pixel takes its box's colour. One table serves all the frames of a video, so a colour
 *       stays the same colour from frame to frame. No dithering: the frames stay as they were,
 *       only rounded, and compress well.</li>
 * </ul>
 *
 * <p>Thread contract: not thread-safe; one per consumer (its tables are reused).
 */
final class Palette {
    static final int COLOURS = 256;
    private static final int BINS = 1 << 15;
    private static final int EXACT_SLOTS = 1024;

    /** r, g, b of each colour; unused entries black. */
    private final byte[] table = new byte[3 * COLOURS];
    private final int[] counts = new int[BINS];
    private final long[] sums = new long[3 * BINS];
    private final int[] binToIndex = new int[BINS];
    private final int[] occupied = new int[BINS];
    /** Exact colours: open addressing of 24-bit colours (+1; 0 is free) to their index. */
    private final int[] exactKeys = new int[EXACT_SLOTS];
    private final int[] exactIndex = new int[EXACT_SLOTS];
    private final int[] start = new int[COLOURS];
    private final int[] end = new int[COLOURS];
    /** Per box, its widest channel's extent and which channel that is. */
    private final int[] widestExtent = new int[COLOURS];
    private final int[] widestAxis = new int[COLOURS];
    private final long[] perLevel = new long[32];
    private boolean exact;

    /** The table, 768 bytes r, g, b. */
    byte[] table() {
        return table;
    }

    /** Makes the gray table: index i is (i, i, i). */
    void gray() {
        for (int i = 0; i < COLOURS; i++) {
            table[3 * i] = (byte) i;
            table[3 * i + 1] = (byte) i;
            table[3 * i + 2] = (byte) i;
        }
    }

    /** Makes the table of {@code pixels} RGB pixels ({@code rgb[3p], [3p+1], [3p+2]}). */
    void rgb(byte[] rgb, int pixels) {
        Arrays.fill(table, (byte) 0);
        exact = exactColours(rgb, pixels);
        if (!exact) {
            medianCut(rgb, pixels);
        }
    }

    /** The indices of {@code pixels} RGB pixels from {@code rgb[off]} into {@code indices[0, pixels)}. */
    void index(byte[] rgb, int off, int pixels, byte[] indices) {
        for (int p = 0, i = off; p < pixels; p++, i += 3) {
            int r = rgb[i] & 0xFF;
            int g = rgb[i + 1] & 0xFF;
            int b = rgb[i + 2] & 0xFF;
            indices[p] = (byte) (exact ? exactIndex[find(r << 16 | g << 8 | b)] : binToIndex[bin(r, g, b)]);
        }
    }

    private static int bin(int r, int g, int b) {
        return (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3);
    }

    /** Collects the distinct colours while there are at most 256; false past that. */
    private boolean exactColours(byte[] rgb, int pixels) {
        Arrays.fill(exactKeys, 0);
        int colours = 0;
        for (int p = 0, i = 0; p < pixels; p++, i += 3) {
            int colour = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
            int slot = find(colour);
            if (exactKeys[slot] == 0) {
                if (colours == COLOURS) {
                    return false;
                }
                exactKeys[slot] = colour + 1;
                exactIndex[slot] = colours;
                table[3 * colours] = (byte) (colour >> 16);
                table[3 * colours + 1] = (byte) (colour >> 8);
                table[3 * colours + 2] = (byte) colour;
                colours++;
            }
        }
        return true;
    }

    /** The slot of a colour in the exact table: its own, or the free one where it would go. */
    private int find(int colour) {
        int slot = ((colour + 1) * 0x9E3779B1) >>> (32 - 10);
        while (exactKeys[slot] != 0 && exactKeys[slot] != colour + 1) {
            slot = (slot + 1) & (EXACT_SLOTS - 1);
        }
        return slot;
    }

    private void medianCut(byte[] rgb, int pixels) {
        Arrays.fill(counts, 0);
        Arrays.fill(sums, 0);
        for (int p = 0, i = 0; p < pixels; p++, i += 3) {
            int r = rgb[i] & 0xFF;
            int g = rgb[i + 1] & 0xFF;
            int b = rgb[i + 2] & 0xFF;
            int bin = bin(r, g, b);
            counts[bin]++;
            sums[3 * bin] += r;
            sums[3 * bin + 1] += g;
            sums[3 * bin + 2] += b;
        }
        int n = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (counts[bin] > 0) {
                occupied[n++] = bin;
            }
        }
        // Boxes are ranges [start[k], end[k]) of `occupied`, partitioned in place as they are cut.
        start[0] = 0;
        end[0] = n;
        measure(0);
        int boxes = 1;
        while (boxes < COLOURS) {
            int widest = -1;
            for (int k = 0; k < boxes; k++) {
                if (widestExtent[k] > 0 && (widest < 0 || widestExtent[k] > widestExtent[widest])) {
                    widest = k;
                }
            }
            if (widest < 0) {
                break; // every box is a single bin
            }
            int cut = cut(start[widest], end[widest], widestAxis[widest]);
            start[boxes] = cut;
            end[boxes] = end[widest];
            end[widest] = cut;
            measure(widest);
            measure(boxes);
            boxes++;
        }
        for (int k = 0; k < boxes; k++) {
            long pixelsInBox = 0;
            long r = 0;
            long g = 0;
            long b = 0;
            for (int j = start[k]; j < end[k]; j++) {
                int bin = occupied[j];
                pixelsInBox += counts[bin];
                r += sums[3 * bin];
                g += sums[3 * bin + 1];
                b += sums[3 * bin + 2];
                binToIndex[bin] = k;
            }
            table[3 * k] = (byte) ((r + pixelsInBox / 2) / pixelsInBox);
            table[3 * k + 1] = (byte) ((g + pixelsInBox / 2) / pixelsInBox);
            table[3 * k + 2] = (byte) ((b + pixelsInBox / 2) / pixelsInBox);
        }
    }

    private static int channel(int bin, int axis) {
        return (bin >> (10 - 5 * axis)) & 31;
    }

    /** Finds box k's widest channel (0 extent: a single bin, nothing to cut). */
    private void measure(int k) {
        widestExtent[k] = 0;
        widestAxis[k] = 0;
        for (int axis = 0; axis < 3; axis++) {
            int extent = extent(start[k], end[k], axis);
            if (extent > widestExtent[k]) {
                widestExtent[k] = extent;
                widestAxis[k] = axis;
            }
        }
    }

    private int extent(int from, int to, int axis) {
        int min = 31;
        int max = 0;
        for (int j = from; j < to; j++) {
            int v = channel(occupied[j], axis);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    /**
     * Partitions {@code occupied[from, to)} by the channel {@code axis} at its pixel median, so that
     * both halves are non-empty; returns the first index of the upper half.
     */
    private int cut(int from, int to, int axis) {
        Arrays.fill(perLevel, 0);
        long total = 0;
        int min = 31;
        int max = 0;
        for (int j = from; j < to; j++) {
            int v = channel(occupied[j], axis);
            perLevel[v] += counts[occupied[j]];
            total += counts[occupied[j]];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // The lower half takes the levels up to the median, but never the top level (both halves non-empty).
        int split = min;
        long below = perLevel[min];
        while (split + 1 < max && below * 2 < total) {
            split++;
            below += perLevel[split];
        }
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (channel(occupied[i], axis) <= split) {
                i++;
            } else {
                int t = occupied[i];
                occupied[i] = occupied[j];
                occupied[j] = t;
                j--;
            }
        }
        return i;
    }
}
