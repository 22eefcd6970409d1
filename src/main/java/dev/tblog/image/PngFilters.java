package dev.tblog.image;

/**
 * The PNG filter arithmetic (PNG spec, section 9.2) for {@link PngEncoder}. All sums are mod 256:
 * the byte casts drop the carry. {@code prev < 0} means "no row above": {@code b = 0}.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class PngFilters {

    private PngFilters() {
    }

    /** Writes {@code stride} filtered bytes of the row at {@code row} to {@code dst[dstOff..]}. */
    static void apply(int type, byte[] src, int row, int prev, int stride, int bpp, byte[] dst, int dstOff) {
        switch (type) {
            case 0 -> System.arraycopy(src, row, dst, dstOff, stride);
            case 1 -> { // Sub: x - a; the first pixel has a = 0
                System.arraycopy(src, row, dst, dstOff, bpp);
                for (int i = bpp; i < stride; i++) {
                    dst[dstOff + i] = (byte) (src[row + i] - src[row + i - bpp]);
                }
            }
            case 2 -> { // Up: x - b; the first row has b = 0, which is None
                if (prev < 0) {
                    System.arraycopy(src, row, dst, dstOff, stride);
                } else {
                    for (int i = 0; i < stride; i++) {
                        dst[dstOff + i] = (byte) (src[row + i] - src[prev + i]);
                    }
                }
            }
            default -> throw new IllegalArgumentException("filter type must be 0, 1 or 2, was " + type);
        }
    }

    /**
     * The filter type among None, Sub and Up that minimises the sum of |filtered byte| with bytes
     * read as signed (-128..127): small signed residuals are what deflate codes cheaply. Ties go to
     * the lower type.
     */
    static int cheapest(byte[] src, int row, int prev, int stride, int bpp) {
        long none = 0;
        long sub = 0;
        long up = 0;
        for (int i = 0; i < stride; i++) {
            byte x = src[row + i];
            byte a = i >= bpp ? src[row + i - bpp] : 0;
            byte b = prev >= 0 ? src[prev + i] : 0;
            none += Math.abs(x);
            sub += Math.abs((byte) (x - a));
            up += Math.abs((byte) (x - b));
        }
        int best = 0;
        long bestSum = none;
        if (sub < bestSum) {
            best = 1;
            bestSum = sub;
        }
        if (up < bestSum) {
            best = 2;
        }
        return best;
    }
}
