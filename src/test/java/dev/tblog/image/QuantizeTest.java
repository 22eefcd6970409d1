package dev.tblog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantizeTest {

    private static int[] unsigned(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }

    @Test
    void shouldClipOutOfRangeFloatsAndTruncate() {
        float[] in = {-0.5f, 1.7f, Float.NaN, 0f, 1f, 0.5f, 0.999f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f};
        byte[] out = new byte[in.length];
        Quantize.clip(in, 0, out, 0, in.length);
        // 0.5 * 255 = 127.5 -> 127 (truncation, not rounding); 0.999 * 255 = 254.745 -> 254
        assertThat(unsigned(out)).containsExactly(0, 255, 0, 0, 255, 127, 254, 255, 0, 255);
    }

    @Test
    void shouldClipOutOfRangeDoublesAndTruncate() {
        double[] in = {-0.5, 1.7, Double.NaN, 0.5, 0.999, 1.0};
        byte[] out = new byte[in.length];
        Quantize.clip(in, 0, out, 0, in.length);
        assertThat(unsigned(out)).containsExactly(0, 255, 0, 127, 254, 255);
    }

    @Test
    void shouldGiveZerosWhenMaxEqualsMin() {
        float[] in = {0.3f, 0.3f, Float.NaN, 0.3f};
        byte[] out = {9, 9, 9, 9};
        Quantize.equalize(in, 0, out, 0, in.length);
        assertThat(unsigned(out)).containsExactly(0, 0, 0, 0);

        double[] d = {7, 7};
        byte[] outD = {9, 9};
        Quantize.equalize(d, 0, outD, 0, 2);
        assertThat(unsigned(outD)).containsExactly(0, 0);
    }

    @Test
    void shouldGiveZerosWhenNothingIsFinite() {
        float[] in = {Float.NaN, Float.NaN};
        byte[] out = {9, 9};
        Quantize.equalize(in, 0, out, 0, 2);
        assertThat(unsigned(out)).containsExactly(0, 0);
    }

    @Test
    void shouldIgnoreNanForMinMaxAndMapItToZero() {
        float[] in = {2f, 4f, Float.NaN, 6f};
        byte[] out = new byte[4];
        Quantize.equalize(in, 0, out, 0, 4);
        assertThat(unsigned(out)).containsExactly(0, 127, 0, 255);
    }

    @Test
    void shouldIgnoreInfinitiesForMinMaxAndClipThem() {
        float[] in = {Float.NEGATIVE_INFINITY, 2f, 4f, Float.POSITIVE_INFINITY, 6f};
        byte[] out = new byte[5];
        Quantize.equalize(in, 0, out, 0, 5);
        assertThat(unsigned(out)).containsExactly(0, 0, 127, 255, 255);
    }

    @Test
    void shouldEqualizeEachImageByItsOwnRangeOnlyInsideTheGivenRange() {
        float[] in = {99f, 0f, 1f, 10f, 30f, 99f};
        byte[] out = {7, 7, 7, 7, 7, 7};
        Quantize.equalizePerImage(in, 1, out, 1, 2, 2);
        assertThat(unsigned(out)).containsExactly(7, 0, 255, 0, 255, 7);
    }

    @Test
    void shouldMatchEqualizeFollowedByClipBitForBit() {
        java.util.Random random = new java.util.Random(42);
        float[] in = new float[10_000];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (random.nextGaussian() * 3 + 1);
        }
        in[17] = Float.NaN;
        byte[] fused = new byte[in.length];
        Quantize.equalize(in, 0, fused, 0, in.length);
        float[] equalized = new float[in.length];
        EqualizeReference.equalize(in, 0, equalized, 0, in.length);
        byte[] twoStep = new byte[in.length];
        Quantize.clip(equalized, 0, twoStep, 0, in.length);
        assertThat(fused).containsExactly(twoStep);
        assertThat(unsigned(fused)).containsExactly(Reference.pixels(in, in.length, true));
    }

    @Test
    void shouldRejectRangesOutsideTheArrays() {
        assertThatThrownBy(() -> Quantize.clip(new float[4], 1, new byte[4], 0, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Quantize.equalize(new float[4], 0, new byte[3], 0, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
