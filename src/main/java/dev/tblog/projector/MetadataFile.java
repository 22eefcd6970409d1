package dev.tblog.projector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An embedding's metadata as the projector reads it, UTF-8, a line per row ending in {@code \n}:
 * one label per line without a header, or a header line of column names and a line of cells per
 * row, tab-separated. {@link EmbeddingData} has already refused what would break it (tabs and line
 * breaks in a cell, blank labels and rows).
 * <pre>
 * labels:        header and columns:
 *   vertical       pattern    winner
 *   cross          vertical   17
 *                  cross      42
 * </pre>
 * The bytes go into a buffer the encoder keeps; ASCII text (most labels) is copied char by char,
 * other text through {@link String#getBytes}, so a file of ASCII labels makes no garbage.
 *
 * <p>Thread contract: not thread-safe; confine to one thread (the consumer). Keeps its buffer.
 */
final class MetadataFile {
    private byte[] bytes = new byte[1 << 16];
    private int length;

    /**
     * @param header the column names, or null for one column of labels
     * @param cells {@code rows} labels, or {@code rows * header.length} cells row after row
     * @return the file's bytes, valid until the next call
     */
    ByteBuffer encode(String[] header, String[] cells, int rows) {
        length = 0;
        int width = header == null ? 1 : header.length;
        if (header != null) {
            line(header, 0, width);
        }
        for (int r = 0; r < rows; r++) {
            line(cells, r * width, width);
        }
        return ByteBuffer.wrap(bytes, 0, length);
    }

    private void line(String[] values, int from, int count) {
        for (int c = 0; c < count; c++) {
            if (c > 0) {
                put((byte) '\t');
            }
            text(values[from + c]);
        }
        put((byte) '\n');
    }

    private void text(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                length -= i; // not ASCII: undo and encode the whole string
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                room(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    private void put(byte b) {
        room(1);
        bytes[length++] = b;
    }

    private void room(int n) {
        if (length + n > bytes.length) {
            byte[] grown = new byte[Math.max(bytes.length * 2, length + n)];
            System.arraycopy(bytes, 0, grown, 0, length);
            bytes = grown;
        }
    }
}
