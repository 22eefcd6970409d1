package dev.tblog.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Equalize of floats and doubles to floats and doubles, the rules of {@link Equalize} step by step:
 * the reference the fused kernels of {@link Quantize} are checked against (equalize, then clip, must
 * give the same pixels bit for bit). The logger never needs it, so it lives with the tests; the
 * byte variants delegate to {@link Equalize}.
 *
 * <p>Thread contract: stateless, any thread; callers own the arrays.
 */
final class EqualizeReference {
    private EqualizeReference() {
    }

    /** Global equalize of {@code length} floats; see the class Javadoc for the rules. */
    static void equalize(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(srcOff, length, src.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
        long range = Range.finite(src, srcOff, length);
        float min = Range.min(range);
        float span = Range.max(range) - min;
        if (!(span > 0f)) { // max == min, or no finite value (NaN span)
            Arrays.fill(dst, dstOff, dstOff + length, 0f);
            return;
        }
        for (int i = 0; i < length; i++) {
            float e = (src[srcOff + i] - min) / span;
            // NaN fails both tests and ends as 0; +inf ends as 1, -inf as 0.
            dst[dstOff + i] = e >= 0f ? Math.min(e, 1f) : 0f;
        }
    }

    /** Global equalize of {@code length} doubles; see the class Javadoc for the rules. */
    static void equalize(double[] src, int srcOff, double[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(srcOff, length, src.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
        double min = Range.finiteMin(src, srcOff, length);
        double span = Range.finiteMax(src, srcOff, length) - min;
        if (!(span > 0d)) {
            Arrays.fill(dst, dstOff, dstOff + length, 0d);
            return;
        }
        for (int i = 0; i < length; i++) {
            double e = (src[srcOff + i] - min) / span;
            dst[dstOff + i] = e >= 0d ? Math.min(e, 1d) : 0d;
        }
    }

    /**
     * Equalizes each of {@code imageCount} consecutive images of {@code valuesPerImage} floats by its
     * own min and max.
     */
    static void equalizePerImage(float[] src, int srcOff, float[] dst, int dstOff,
                                        int imageCount, int valuesPerImage) {
        for (int n = 0; n < imageCount; n++) {
            equalize(src, srcOff + n * valuesPerImage, dst, dstOff + n * valuesPerImage, valuesPerImage);
        }
    }

    /** Per-image equalize of doubles; see the float variant. */
    static void equalizePerImage(double[] src, int srcOff, double[] dst, int dstOff,
                                        int imageCount, int valuesPerImage) {
        for (int n = 0; n < imageCount; n++) {
            equalize(src, srcOff + n * valuesPerImage, dst, dstOff + n * valuesPerImage, valuesPerImage);
        }
    }

    static void equalize(byte[] src, int srcOff, byte[] dst, int dstOff, int length) {
        Equalize.equalize(src, srcOff, dst, dstOff, length);
    }

    static void equalizePerImage(byte[] src, int srcOff, byte[] dst, int dstOff, int imageCount, int valuesPerImage) {
        Equalize.equalizePerImage(src, srcOff, dst, dstOff, imageCount, valuesPerImage);
    }
}
