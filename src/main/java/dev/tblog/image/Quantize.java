package dev.tblog.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Values meant in [0, 1] to 8-bit pixels: {@code out = uint8(clip(x * 255, 0, 255))}, NaN to 0.
 *
 * <h2>The rule, and why truncation</h2>
 * PyTorch's SummaryWriter does {@code (x * 255).clip(0, 255).astype(uint8)}, and numpy's cast to
 * {@code uint8} truncates toward zero; after the clip the value is {@code >= 0}, so that is
 * {@code floor}. Our pixels must equal the peer's, so we truncate too (0.999 gives 254, not 255;
 * only exactly 1.0 reaches 255). The product {@code x * 255} is computed in the input's precision
 * (float for {@code float[]}, as numpy does for a float32 array), so even the last bit agrees.
 * Examples: -0.5 gives 0, 0.5 gives 127 (127.5 truncated), 1.7 gives 255, NaN gives 0.
 *
 * <h2>How it is computed</h2>
 * The Java cast {@code (int) s} truncates toward zero, saturates (huge values give
 * {@code Integer.MAX_VALUE}, -inf gives {@code MIN_VALUE}) and maps NaN to 0 (JLS 5.1.3). So
 * {@code clamp((int) s, 0, 255)} equals {@code trunc(clip(s, 0, 255))} for every float, NaN
 * included, with two integer min/max and no branch on the value.
 *
 * <h2>Equalize first</h2>
 * The {@code equalize} methods stretch by the finite min and max first (the rules of
 * {@link Equalize}: NaN ignored and 0, {@code max == min} gives all zeros), then apply the rule
 * above to {@code e = (x - min) / (max - min)} in one pass. The result is bit-identical to
 * equalize in float arithmetic followed by {@link #clip} (a test checks it against a step-by-step reference).
 *
 * <p>Valid ranges: {@code src[srcOff, srcOff + length)} and {@code dst[dstOff, dstOff + length)}
 * must lie in their arrays ({@link IndexOutOfBoundsException} otherwise). No method allocates.
 *
 * <p>Thread contract: stateless, any thread; callers own the arrays.
 */
public final class Quantize {

    private Quantize() {
    }

    /** {@code dst[i] = uint8(clip(src[i] * 255, 0, 255))}, NaN to 0, in float arithmetic. */
    public static void clip(float[] src, int srcOff, byte[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(srcOff, length, src.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
        for (int i = 0; i < length; i++) {
            dst[dstOff + i] = toByte(src[srcOff + i] * 255f);
        }
    }

    /** {@code dst[i] = uint8(clip(src[i] * 255, 0, 255))}, NaN to 0, in double arithmetic. */
    public static void clip(double[] src, int srcOff, byte[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(srcOff, length, src.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
        for (int i = 0; i < length; i++) {
            dst[dstOff + i] = toByte(src[srcOff + i] * 255d);
        }
    }

    /** Global equalize, then {@link #clip(float[], int, byte[], int, int)}, in one pass after the min/max scan. */
    public static void equalize(float[] src, int srcOff, byte[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(srcOff, length, src.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
        long range = Range.finite(src, srcOff, length);
        float min = Range.min(range);
        float span = Range.max(range) - min;
        if (!(span > 0f)) { // max == min, or no finite value (NaN span): all zeros
            Arrays.fill(dst, dstOff, dstOff + length, (byte) 0);
            return;
        }
        for (int i = 0; i < length; i++) {
            // Same operations, same order as Equalize then clip: subtract, divide, times 255.
            // Division, not a multiply by 1/span: the reciprocal would move the last bit and so
            // sometimes the truncated pixel.
            dst[dstOff + i] = toByte((src[srcOff + i] - min) / span * 255f);
        }
    }

    /** Global equalize, then {@link #clip(double[], int, byte[], int, int)}. */
    public static void equalize(double[] src, int srcOff, byte[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(srcOff, length, src.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
        double min = Range.finiteMin(src, srcOff, length);
        double span = Range.finiteMax(src, srcOff, length) - min;
        if (!(span > 0d)) {
            Arrays.fill(dst, dstOff, dstOff + length, (byte) 0);
            return;
        }
        for (int i = 0; i < length; i++) {
            dst[dstOff + i] = toByte((src[srcOff + i] - min) / span * 255d);
        }
    }

    /** Equalize each of {@code imageCount} images of {@code valuesPerImage} floats by its own min/max, to bytes. */
    public static void equalizePerImage(float[] src, int srcOff, byte[] dst, int dstOff,
                                        int imageCount, int valuesPerImage) {
        for (int n = 0; n < imageCount; n++) {
            equalize(src, srcOff + n * valuesPerImage, dst, dstOff + n * valuesPerImage, valuesPerImage);
        }
    }

    /** Equalize each of {@code imageCount} images of {@code valuesPerImage} doubles by its own min/max, to bytes. */
    public static void equalizePerImage(double[] src, int srcOff, byte[] dst, int dstOff,
                                        int imageCount, int valuesPerImage) {
        for (int n = 0; n < imageCount; n++) {
            equalize(src, srcOff + n * valuesPerImage, dst, dstOff + n * valuesPerImage, valuesPerImage);
        }
    }

    /** trunc(clip(s, 0, 255)), NaN to 0: see "How it is computed" in the class Javadoc. */
    private static byte toByte(float scaled) {
        return (byte) Math.min(Math.max((int) scaled, 0), 255);
    }

    private static byte toByte(double scaled) {
        return (byte) Math.min(Math.max((int) scaled, 0), 255);
    }
}
