package dev.tblog.projector;

import dev.tblog.image.ImageShape;
import dev.tblog.image.Picture;
import dev.tblog.image.SpriteEncoder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one embedding call logs, validated when it is made: the caller's matrix ({@code float[]}
 * or {@code double[]}, N rows of D values, row-major), optional metadata (one label per row, or a
 * header and a row of cells per row) and optional thumbnails (N pictures of one shape). The matrix
 * and thumbnails stay the caller's until the call copies them; the metadata is copied here, into
 * strings, as it is checked.
 *
 * <p>Metadata rules, from how the projector reads its TSV (one line per row, cells split on tabs,
 * a first line holding a tab taken as the header, blank lines skipped): no cell may hold a tab or a
 * line break ({@code \n}, {@code \r}); a label, or a row all of whose cells are blank, would be
 * skipped and shift every later row, so it is refused; a header has at least two columns (one
 * column is written without a header: {@link #labels}), names that are neither blank nor repeated,
 * and every row as many cells.
 *
 * <p>Thread contract: immutable, any thread; the caller's arrays must not change until the call that
 * logs it returns.
 */
public final class EmbeddingData {
    /** The most bytes the matrix may take as float32 (the largest pooled array). */
    static final long MAX_TENSOR_BYTES = 1L << 30;

    private final float[] floats;
    private final double[] doubles;
    private final int rows;
    private final int dims;
    private final String[] header;
    private final String[] cells;
    private final Picture thumbnails;

    private EmbeddingData(float[] floats, double[] doubles, int rows, int dims, String[] header, String[] cells,
                          Picture thumbnails) {
        this.floats = floats;
        this.doubles = doubles;
        this.rows = rows;
        this.dims = dims;
        this.header = header;
        this.cells = cells;
        this.thumbnails = thumbnails;
    }

    /**
     * N rows of D floats, row-major: value {@code (i, j)} at {@code i * dims + j}.
     *
     * @throws IllegalArgumentException null data, a dimension below 1, {@code rows * dims} not the
     *     array's length, a matrix over 2^30 bytes
     */
    public static EmbeddingData of(float[] data, int rows, int dims) {
        checkShape(data == null ? -1 : data.length, rows, dims);
        return new EmbeddingData(data, null, rows, dims, null, null, null);
    }

    /** As {@link #of(float[], int, int)}, for doubles (stored as 32-bit floats, as the projector reads them). */
    public static EmbeddingData of(double[] data, int rows, int dims) {
        checkShape(data == null ? -1 : data.length, rows, dims);
        return new EmbeddingData(null, data, rows, dims, null, null, null);
    }

    private static void checkShape(int length, int rows, int dims) {
        if (length < 0) {
            throw new IllegalArgumentException("embedding data must not be null");
        }
        if (rows < 1 || dims < 1) {
            throw new IllegalArgumentException("embedding shape " + rows + "x" + dims + ": rows and dims must be >= 1");
        }
        if ((long) rows * dims != length) {
            throw new IllegalArgumentException("embedding shape " + rows + "x" + dims + " needs " + (long) rows * dims
                + " values, array has " + length);
        }
        if ((long) length * Float.BYTES > MAX_TENSOR_BYTES) {
            throw new IllegalArgumentException("embedding of " + rows + "x" + dims + " is too large: at most "
                + MAX_TENSOR_BYTES / Float.BYTES + " values");
        }
    }

    /**
     * This embedding with one label per row, written as a metadata file of one column without a
     * header ({@code String.valueOf} of each element).
     *
     * @throws IllegalArgumentException null, a size other than N, a null, blank or multi-line label,
     *     a label holding a tab (naming the row)
     */
    public EmbeddingData labels(List<?> labels) {
        if (labels == null) {
            throw new IllegalArgumentException("embedding labels must not be null");
        }
        if (labels.size() != rows) {
            throw new IllegalArgumentException("embedding of " + rows + " rows needs " + rows + " labels, got "
                + labels.size());
        }
        String[] copy = new String[rows];
        int i = 0;
        for (Object label : labels) {
            copy[i] = cell(label, i, null);
            if (isBlank(copy[i])) {
                throw new IllegalArgumentException("label of row " + i + " is blank: the projector skips blank lines,"
                    + " which would shift every later label");
            }
            i++;
        }
        return new EmbeddingData(floats, doubles, rows, dims, null, copy, thumbnails);
    }

    /**
     * This embedding with several metadata columns: a header and one row of cells per row.
     *
     * @throws IllegalArgumentException a null header or rows, fewer than 2 columns (use
     *     {@link #labels}), a blank or repeated column name, a row count other than N, a row of
     *     another length, a null cell, a cell holding a tab or line break, a row blank in every cell
     */
    public EmbeddingData metadata(List<String> columns, List<? extends List<?>> values) {
        if (columns == null || values == null) {
            throw new IllegalArgumentException("embedding metadata header and rows must not be null");
        }
        if (columns.size() < 2) {
            throw new IllegalArgumentException("embedding metadata header " + columns + " has " + columns.size()
                + " column: a header needs 2 or more, use labels(...) for one column");
        }
        int width = columns.size();
        String[] names = new String[width];
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < width; c++) {
            names[c] = cell(columns.get(c), -1, "name " + c);
            if (isBlank(names[c])) {
                throw new IllegalArgumentException("metadata column name " + c + " is blank");
            }
            if (!seen.add(names[c])) {
                throw new IllegalArgumentException("metadata column name '" + names[c] + "' is repeated");
            }
        }
        if (values.size() != rows) {
            throw new IllegalArgumentException("embedding of " + rows + " rows needs " + rows + " metadata rows, got "
                + values.size());
        }
        String[] copy = new String[rows * width];
        int i = 0;
        for (List<?> row : values) {
            if (row == null || row.size() != width) {
                throw new IllegalArgumentException("metadata row " + i + " has " + (row == null ? "no" : row.size())
                    + " cells, the header " + width);
            }
            boolean blank = true;
            int c = 0;
            for (Object cell : row) {
                String value = cell(cell, i, names[c]);
                copy[i * width + c++] = value;
                blank &= isBlank(value);
            }
            if (blank) {
                throw new IllegalArgumentException("metadata row " + i + " is blank in every column: the projector "
                    + "skips blank lines, which would shift every later row");
            }
            i++;
        }
        return new EmbeddingData(floats, doubles, rows, dims, names, copy, thumbnails);
    }

    /**
     * This embedding with a thumbnail per row, tiled into the projector's sprite.
     *
     * @throws IllegalArgumentException null, a picture count other than N, a sprite wider or higher
     *     than the projector shows ({@value SpriteEncoder#MAX_SIDE} pixels)
     */
    public EmbeddingData thumbnails(Picture pictures) {
        if (pictures == null) {
            throw new IllegalArgumentException("embedding thumbnails must not be null");
        }
        ImageShape shape = pictures.shape();
        if (shape.count() != rows) {
            throw new IllegalArgumentException("embedding of " + rows + " rows needs " + rows + " thumbnails, got "
                + shape.count());
        }
        SpriteEncoder.check(shape, Long.MAX_VALUE);
        return new EmbeddingData(floats, doubles, rows, dims, header, cells, pictures);
    }

    /**
     * A metadata cell as text, checked for what would split the projector's lines.
     *
     * @param row the row, or -1 for the header
     * @param column the column's name, or null for a label; only read to name a bad value
     */
    private static String cell(Object value, int row, String column) {
        if (value == null) {
            throw new IllegalArgumentException(describe(row, column) + " is null");
        }
        String s = String.valueOf(value);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException(describe(row, column) + " '" + s.replace("\t", "\\t")
                    .replace("\n", "\\n").replace("\r", "\\r") + "' holds " + (c == '\t' ? "a tab" : "a line break")
                    + ", which would split the projector's metadata");
            }
        }
        return s;
    }

    private static String describe(int row, String column) {
        if (row < 0) {
            return "metadata column " + column;
        }
        return column == null ? "label of row " + row : "metadata row " + row + " column '" + column + "'";
    }

    /** Blank as JavaScript's {@code trim()} sees it, as the projector's metadata parser does. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isJavaScriptWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ECMAScript's WhiteSpace and LineTerminator: tab, VT, FF, space, NBSP, BOM, Zs, LF, CR, LS, PS. */
    private static boolean isJavaScriptWhitespace(char c) {
        if (c > 0x20 && c < 0x7f) {
            return false; // printable ASCII, nearly every character of a label: no table lookup
        }
        return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0xa0 || c == 0xfeff || c == 0x2028 || c == 0x2029
            || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    public int rows() {
        return rows;
    }

    public int dims() {
        return dims;
    }

    /** The thumbnails, or null. */
    public Picture thumbnails() {
        return thumbnails;
    }

    public boolean hasMetadata() {
        return cells != null;
    }

    /** Metadata columns: 0 without metadata, 1 for labels. */
    public int metadataColumns() {
        return cells == null ? 0 : header == null ? 1 : header.length;
    }

    float[] floats() {
        return floats;
    }

    double[] doubles() {
        return doubles;
    }

    /** The column names, or null for labels (and without metadata). */
    String[] header() {
        return header;
    }

    /** The cells, row after row, or null. */
    String[] cells() {
        return cells;
    }

    @Override
    public String toString() {
        return "Embedding[" + rows + "x" + dims + (cells == null ? "" : ", " + metadataColumns() + " metadata columns")
            + (thumbnails == null ? "" : ", thumbnails " + thumbnails.shape().height() + "x" + thumbnails.shape().width())
            + "]";
    }
}
