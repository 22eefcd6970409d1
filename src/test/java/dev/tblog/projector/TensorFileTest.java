package dev.tblog.projector;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tensor file: measured values as raw little-endian float32; a matrix whose bytes would decode
 * as text (zeros, small whole numbers, halves) as a TSV whose decimals read back to the same floats.
 */
class TensorFileTest {
    @Test
    void shouldWriteMeasuredValuesAsLittleEndianFloat32() {
        float[] values = new float[64 * 10];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        TensorFile file = new TensorFile();
        assertThat(file.encode(values, 10, 64)).isEqualTo("tensor.bin");
        ByteBuffer content = file.content();
        assertThat(content.remaining()).isEqualTo(values.length * 4);
        float[] read = new float[values.length];
        content.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(read);
        assertThat(read).containsExactly(values);
    }

    @Test
    void shouldWriteAMatrixOfZerosAsText() {
        TensorFile file = new TensorFile();
        assertThat(file.encode(new float[6], 2, 3)).isEqualTo("tensor.tsv");
        assertThat(text(file)).isEqualTo("0.0\t0.0\t0.0\n0.0\t0.0\t0.0\n");
    }

    @Test
    void shouldWriteTextThatReadsBackToTheSameFloats() {
        // All of these are below 0x80 in every float32 byte, so the binary form is valid UTF-8...
        float[] asciiLooking = {0.5f, 2, 3, 2.5f, 8, 10, 32, 0.125f, 1e-45f * 0};
        TensorFile file = new TensorFile();
        assertThat(file.encode(asciiLooking, 3, 3)).isEqualTo("tensor.tsv");
        String[] cells = text(file).trim().split("[\t\n]");
        assertThat(cells).hasSize(9);
        for (int i = 0; i < cells.length; i++) {
            assertThat((float) Double.parseDouble(cells[i])).isEqualTo(asciiLooking[i]);
        }
    }

    @Test
    void shouldTurnToBinaryOnceAValueBreaksTheText() {
        float[] values = new float[300];
        values[299] = 1.0f; // 00 00 80 3f: 80 cannot start a UTF-8 sequence
        TensorFile file = new TensorFile();
        assertThat(file.encode(values, 100, 3)).isEqualTo("tensor.bin");
    }

    @Test
    void shouldWriteTextWhenTheFirstMebibyteProvesNothing() {
        int n = TensorFile.PROOF_BYTES / 4 + 6;
        float[] values = new float[n];
        values[n - 1] = 1.0f; // past the first MiB: the projector might parse lines before reaching it
        TensorFile file = new TensorFile();
        assertThat(file.encode(values, n / 2, 2)).isEqualTo("tensor.tsv");
    }

    private static String text(TensorFile file) {
        ByteBuffer content = file.content().duplicate();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
