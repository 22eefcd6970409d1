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
 *
 * <p>Thread contract: stateless, any thread.
 */
final class MetadataFile {
    private MetadataFile() {
    }

    /**
     * @param header the column names, or null for one column of labels
     * @param cells {@code rows} labels, or {@code rows * header.length} cells row after row
     */
    static ByteBuffer encode(String[] header, String[] cells, int rows) {
        StringBuilder tsv = new StringBuilder(cells.length * 8);
        int width = header == null ? 1 : header.length;
        if (header != null) {
            line(tsv, header, 0, width);
        }
        for (int r = 0; r < rows; r++) {
            line(tsv, cells, r * width, width);
        }
        return ByteBuffer.wrap(tsv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder tsv, String[] values, int from, int count) {
        for (int c = 0; c < count; c++) {
            if (c > 0) {
                tsv.append('\t');
            }
            tsv.append(values[from + c]);
        }
        tsv.append('\n');
    }
}
