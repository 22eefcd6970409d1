package dev.tblog.image;

import java.util.Objects;

/**
 * Channel layout changes on 8-bit rasters.
 *
 * <p>Thread contract: stateless, any thread; callers own the arrays. Allocates nothing.
 */
public final class Channels {

    private Channels() {
    }

    /**
     * Gray to RGB by repeating each value three times: {@code dst[3i] = dst[3i+1] = dst[3i+2] = src[i]}.
     * This is how the Python writers store a gray image (an RGB PNG, colorspace 3).
     *
     * @param src    {@code pixels} gray bytes from {@code srcOff}
     * @param dst    receives {@code 3 * pixels} bytes from {@code dstOff}; must not overlap {@code src}
     * @param pixels number of pixels, {@code >= 0}
     * @throws IndexOutOfBoundsException when a range does not lie in its array
     */
    public static void grayToRgb(byte[] src, int srcOff, byte[] dst, int dstOff, int pixels) {
        Objects.checkFromIndexSize(srcOff, pixels, src.length);
        Objects.checkFromIndexSize(dstOff, 3 * pixels, dst.length);
        for (int i = 0, o = dstOff; i < pixels; i++, o += 3) {
            byte v = src[srcOff + i];
            dst[o] = v;
            dst[o + 1] = v;
            dst[o + 2] = v;
        }
    }
}
