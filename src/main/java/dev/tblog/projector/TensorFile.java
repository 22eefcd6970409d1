package dev.tblog.projector;

import dev.tblog.record.RunNames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An embedding's matrix as the projector reads it. The projector first tries to read a tensor file
 * as text (Python's strict UTF-8, 16 MiB of characters at a time, a line per row, values split on
 * tabs), and reads it as raw float32 of the config's shape only when that decoding fails: a binary
 * file whose first block happens to be valid UTF-8 (all zeros, small whole numbers, halves...)
 * would be parsed as text, fail, and break the projector's run list with an HTTP 500.
 *
 * <p>So the matrix is written as raw little-endian float32 ({@value RunNames#EMBEDDING_TENSOR_BINARY},
 * 4 bytes a value, exact and fast) when its first {@value #PROOF_BYTES} bytes (or all of them, if
 * fewer) hold a sequence that is not UTF-8, which any matrix of measured values does within a few
 * bytes; otherwise as text ({@value RunNames#EMBEDDING_TENSOR_TSV}): each value as the shortest
 * decimal of the float's exact value as a double (Python's {@code float()} reads it back to the same
 * float32), tab-separated, a line per row. 1 MiB is well inside the 16 MiB the projector decodes
 * first, so a binary file it is given always fails its text reading at once.
 *
 * <p>Thread contract: not thread-safe; confine to one thread (the consumer). Keeps its buffer.
 */
final class TensorFile {
    /** How many leading bytes must prove a binary file is not UTF-8. */
    static final int PROOF_BYTES = 1 << 20;

    private ByteBuffer buffer = ByteBuffer.allocate(0);

    /**
     * Encodes the first {@code rows * dims} values.
     *
     * @return the file name to write, {@value RunNames#EMBEDDING_TENSOR_BINARY} or
     *     {@value RunNames#EMBEDDING_TENSOR_TSV}; the content is {@link #content()}
     */
    String encode(float[] values, int rows, int dims) {
        int n = rows * dims;
        int bytes = n * Float.BYTES;
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes);
        }
        buffer.clear();
        buffer.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values, 0, n);
        buffer.limit(bytes);
        if (Utf8.hasInvalidSequence(buffer.array(), bytes, Math.min(bytes, PROOF_BYTES))) {
            return RunNames.EMBEDDING_TENSOR_BINARY;
        }
        buffer = ByteBuffer.wrap(text(values, rows, dims));
        return RunNames.EMBEDDING_TENSOR_TSV;
    }

    /** The content of the last {@link #encode}, from its position to its limit. */
    ByteBuffer content() {
        return buffer;
    }

    private static byte[] text(float[] values, int rows, int dims) {
        StringBuilder tsv = new StringBuilder(rows * dims * 4);
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < dims; d++) {
                if (d > 0) {
                    tsv.append('\t');
                }
                tsv.append((double) values[r * dims + d]); // exact: a float is a double
            }
            tsv.append('\n');
        }
        return tsv.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
