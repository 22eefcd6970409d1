package dev.tblog.image;

/**
 * Which PNG filter (PNG spec, section 9) {@link PngEncoder} puts before each scanline.
 *
 * <p>A filter replaces each byte by its difference to a neighbour (mod 256) so that smooth images
 * turn into runs of small numbers that deflate compresses well. The decoder undoes it. Notation of
 * the spec: {@code x} the byte, {@code a} the same channel of the pixel to the left (0 at the left
 * edge), {@code b} the same byte one row up (0 on the first row).
 *
 * <p>Thread contract: immutable, any thread.
 */
public enum PngFilter {
    /** Filter type 0: {@code x} as is. Cheapest; best for noise, where no predictor helps. */
    NONE(0),
    /** Filter type 1: {@code x - a}. Good for horizontal gradients. */
    SUB(1),
    /** Filter type 2: {@code x - b}. Good for vertical structure; one subtraction, vectorizes. */
    UP(2),
    /**
     * Per row, the one of NONE, SUB and UP with the smallest sum of |byte| (bytes read as signed),
     * the heuristic the PNG spec (section 12.8) recommends. Costs three extra passes over the row.
     */
    ADAPTIVE(-1);

    private final int type;

    PngFilter(int type) {
        this.type = type;
    }

    /** @return the filter type byte written before a scanline, 0..2; -1 for {@link #ADAPTIVE} */
    public int type() {
        return type;
    }
}
