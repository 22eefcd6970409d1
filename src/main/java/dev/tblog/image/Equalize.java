package dev.tblog.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Equalize: stretch values to the full range by their min and max, {@code e = (x - min) / (max - min)}.
 *
 * <p>The rules, the same for every element type:
 * <ul>
 *   <li>{@code min} and {@code max} are taken over the finite values of the range; NaN and the
 *       infinities are ignored (see {@code Range}).</li>
 *   <li>NaN becomes 0. {@code +inf} becomes 1 and {@code -inf} 0 (the formula gives infinities;
 *       they are clamped so the output stays in [0, 1]).</li>
 *   <li>When {@code max == min}, or there is no finite value, every output is 0: the formula would
 *       give 0/0 = NaN, and a flat field is best shown black.</li>
 *   <li>The arithmetic is done in the input's own precision, subtract then divide, exactly as numpy
 *       does on an array of that dtype, so a later {@link Quantize#clip} gives the peer's pixels.</li>
 * </ul>
 * Worked example (float): {@code [2, 4, NaN, 6]} has min 2, max 6, and becomes {@code [0, 0.5, 0, 1]}.
 *
 * <p>Bytes are unsigned 0..255 and the result is bytes again, stretched to 0..255:
 * {@code out = floor((v - min) * 255 / (max - min))}, computed exactly in integers. Example:
 * {@code [10, 20, 30]} becomes {@code [0, 127, 255]}.
 *
 * <p>"Global" methods use one min/max over the whole range (the whole batch); the
 * {@code PerImage} methods take each image's own min/max. Floats and doubles are equalized fused
 * with the conversion to bytes, in {@link Quantize#equalize(float[], int, byte[], int, int)}; only
 * bytes, which are pixels already, are equalized here.
 *
 * <p>Valid ranges: {@code src[srcOff, srcOff + length)} and {@code dst[dstOff, dstOff + length)} must
 * lie in their arrays ({@link IndexOutOfBoundsException} otherwise); {@code dst} may be {@code src}
 * at the same offset (in place). No method allocates.
 *
 * <p>Thread contract: stateless, any thread; callers own the arrays.
 */
public final class Equalize {

    private Equalize() {
    }

    /** Global equalize of {@code length} unsigned bytes to 0..255; see the class Javadoc. */
    public static void equalize(byte[] src, int srcOff, byte[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(srcOff, length, src.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
        if (length == 0) {
            return;
        }
        int range = Range.unsigned(src, srcOff, length);
        int min = range >>> 8;
        int span = (range & 0xFF) - min;
        if (span == 0) {
            Arrays.fill(dst, dstOff, dstOff + length, (byte) 0);
            return;
        }
        for (int i = 0; i < length; i++) {
            // (v - min) * 255 <= 65025: exact in int, and int division truncates = floor for >= 0.
            dst[dstOff + i] = (byte) (((src[srcOff + i] & 0xFF) - min) * 255 / span);
        }
    }

    /** Equalizes each of {@code imageCount} consecutive images of {@code valuesPerImage} bytes by its own min and max. */
    public static void equalizePerImage(byte[] src, int srcOff, byte[] dst, int dstOff,
                                        int imageCount, int valuesPerImage) {
        for (int n = 0; n < imageCount; n++) {
            equalize(src, srcOff + n * valuesPerImage, dst, dstOff + n * valuesPerImage, valuesPerImage);
        }
    }
}
