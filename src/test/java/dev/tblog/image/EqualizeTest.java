package dev.tblog.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EqualizeTest {

    @Test
    void shouldStretchFloatsByMinAndMaxIgnoringNan() {
        float[] v = {2f, 4f, Float.NaN, 6f};
        EqualizeReference.equalize(v, 0, v, 0, 4); // in place
        assertThat(v).containsExactly(0f, 0.5f, 0f, 1f);
    }

    @Test
    void shouldClampInfinitiesToTheEnds() {
        double[] v = {Double.NEGATIVE_INFINITY, 1, 3, Double.POSITIVE_INFINITY};
        double[] out = new double[4];
        EqualizeReference.equalize(v, 0, out, 0, 4);
        assertThat(out).containsExactly(0, 0, 1, 1);
    }

    @Test
    void shouldGiveZerosNotNanWhenMaxEqualsMin() {
        float[] f = {5f, 5f, 5f};
        EqualizeReference.equalize(f, 0, f, 0, 3);
        assertThat(f).containsExactly(0f, 0f, 0f);
        double[] d = {-1, -1};
        EqualizeReference.equalize(d, 0, d, 0, 2);
        assertThat(d).containsExactly(0, 0);
        byte[] b = {(byte) 200, (byte) 200};
        EqualizeReference.equalize(b, 0, b, 0, 2);
        assertThat(b).containsExactly(0, 0);
    }

    @Test
    void shouldStretchUnsignedBytesToTheFullRange() {
        byte[] b = {10, 20, 30, (byte) 130};
        byte[] out = new byte[4];
        EqualizeReference.equalize(b, 0, out, 0, 4);
        // (v - 10) * 255 / 120: 0, 21.25 -> 21, 42.5 -> 42, 255; 130 is read unsigned, not -126
        assertThat(out).containsExactly(0, 21, 42, (byte) 255);
    }

    @Test
    void shouldEqualizeEachImageSeparately() {
        double[] v = {0, 2, 1, 100, 300, 200};
        EqualizeReference.equalizePerImage(v, 0, v, 0, 2, 3);
        assertThat(v).containsExactly(0, 1, 0.5, 0, 1, 0.5);
        byte[] b = {0, 2, 100, (byte) 200};
        EqualizeReference.equalizePerImage(b, 0, b, 0, 2, 2);
        assertThat(b).containsExactly(0, (byte) 255, 0, (byte) 255);
        float[] f = {1f, 3f, 2f, 2f};
        EqualizeReference.equalizePerImage(f, 0, f, 0, 2, 2);
        assertThat(f).containsExactly(0f, 1f, 0f, 0f);
    }
}
