package dev.tblog.image;

/**
 * Min and max of the finite values of a range, in one pass, for {@link Equalize} and {@link Quantize}.
 *
 * <p>NaN and the infinities take no part: a simulation field with a hole (NaN) or an overflow
 * (infinity) must still be stretched by its real values. A float range is returned packed in one
 * {@code long} (min bits high, max bits low) so the kernels stay allocation-free; {@link #EMPTY}
 * says there was no finite value. Doubles do not fit two in a long, so their range takes two passes.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class Range {

    /** Packed result when the range holds no finite value: both halves NaN. */
    static final long EMPTY = pack(Float.NaN, Float.NaN);

    private Range() {
    }

    /** @return the finite min and max of {@code a[off, off + len)}, packed, or {@link #EMPTY} */
    static long finite(float[] a, int off, int len) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = off, end = off + len; i < end; i++) {
            float v = a[i];
            // |v| <= MAX_VALUE is false for NaN and for both infinities: one test skips all three.
            if (Math.abs(v) <= Float.MAX_VALUE) {
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
        }
        return min > max ? EMPTY : pack(min, max);
    }

    /** @return the smallest finite value of {@code a[off, off + len)}, or NaN when there is none */
    static double finiteMin(double[] a, int off, int len) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = off, end = off + len; i < end; i++) {
            double v = a[i];
            if (Math.abs(v) <= Double.MAX_VALUE && v < min) {
                min = v;
            }
        }
        return min == Double.POSITIVE_INFINITY ? Double.NaN : min;
    }

    /** @return the largest finite value of {@code a[off, off + len)}, or NaN when there is none */
    static double finiteMax(double[] a, int off, int len) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = off, end = off + len; i < end; i++) {
            double v = a[i];
            if (Math.abs(v) <= Double.MAX_VALUE && v > max) {
                max = v;
            }
        }
        return max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
    }

    /**
     * @return the unsigned min and max of {@code a[off, off + len)} as {@code min << 8 | max};
     *         {@code len} must be {@code >= 1}
     */
    static int unsigned(byte[] a, int off, int len) {
        int min = 255;
        int max = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int v = a[i] & 0xFF;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min << 8 | max;
    }

    static long pack(float min, float max) {
        return (long) Float.floatToRawIntBits(min) << 32 | (Float.floatToRawIntBits(max) & 0xFFFF_FFFFL);
    }

    static float min(long packed) {
        return Float.intBitsToFloat((int) (packed >>> 32));
    }

    static float max(long packed) {
        return Float.intBitsToFloat((int) packed);
    }
}
