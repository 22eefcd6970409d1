package dev.tblog.tensorboard;

/**
 * The oracle for pixels, written from the Python writers' rules (tfevents-format.md section 5 and
 * tblog's README), not from tblog's code: a value meant in [0, 1] becomes
 * {@code uint8(clip(x * 255, 0, 255))}, the product in the input's precision and the cast truncating
 * as numpy's does, NaN giving 0; {@code equalize} first rescales by the finite min and max,
 * {@code (x - min) / (max - min)}, and gives all zeros when {@code max == min}.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class PixelRules {

    private PixelRules() {
    }

    static int pixel(float x) {
        float scaled = x * 255f;
        if (Float.isNaN(scaled) || scaled <= 0f) {
            return 0;
        }
        return scaled >= 255f ? 255 : (int) Math.floor(scaled);
    }

    static int pixel(double x) {
        double scaled = x * 255d;
        if (Double.isNaN(scaled) || scaled <= 0d) {
            return 0;
        }
        return scaled >= 255d ? 255 : (int) Math.floor(scaled);
    }

    /** Samples of {@code values[from, to)}, equalized over that range first when asked. */
    static int[] samples(float[] values, int from, int to, boolean equalize) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Float.isFinite(values[i])) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            if (!equalize) {
                out[i - from] = pixel(values[i]);
            } else if (max > min) {
                out[i - from] = pixel((values[i] - min) / (max - min));
            } // else flat or no finite value: 0
        }
        return out;
    }

    /** As {@link #samples(float[], int, int, boolean)}, in double precision. */
    static int[] samples(double[] values, int from, int to, boolean equalize) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(values[i])) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            if (!equalize) {
                out[i - from] = pixel(values[i]);
            } else if (max > min) {
                out[i - from] = pixel((values[i] - min) / (max - min));
            }
        }
        return out;
    }

    /** Unsigned bytes as they are. */
    static int[] samples(byte[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] & 0xFF;
        }
        return out;
    }
}
