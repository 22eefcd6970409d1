package dev.tblog;

import dev.tblog.projector.EmbeddingData;

import java.util.List;

/**
 * An embedding for {@link Logger#addEmbedding(String, Embedding, long)}, explored in TensorBoard's
 * PROJECTOR tab (PCA, t-SNE, UMAP): N points of D values, with optional metadata to label and colour
 * them and optional thumbnails to draw them.
 * <pre>{@code
 * float[] fields = ...;                           // N rows of D values, row-major
 * log.addEmbedding("Receptive fields", Embedding.of(fields, n, d)
 *     .labels(patternOfEachUnit)                  // one label per row
 *     .thumbnails(Images.gray(fields, n, 5, 5)),  // one picture per row, tiled into the sprite
 *     step);
 * }</pre>
 *
 * <p>Metadata is either one label per row ({@link #labels}, written without a header, as the
 * projector expects for one column) or a header of two or more column names and a row of cells per
 * row ({@link #metadata}); each element is written as {@code String.valueOf(element)}. Thumbnails are
 * an {@link Images} batch of N pictures of one shape, with its pixel rules and scaling; they are
 * tiled into one sprite of {@code k x k} cells, {@code k = ceil(sqrt(N))}, which may be at most
 * 8192 pixels wide and high (the projector's limit) and {@code image.maxPixels} in all.
 *
 * <p>An {@code Embedding} refers to your matrix and thumbnails until the call that logs it returns
 * (the call copies them); the metadata is copied into strings when it is set.
 *
 * <p>Validated here, {@link IllegalArgumentException} naming the values: a null matrix, a dimension
 * below 1, {@code rows * dims} not the array's length; metadata or thumbnails not one per row; a
 * cell holding a tab or a line break; a blank label, or a row blank in every column (the projector
 * skips blank lines, which would shift every later row); a header of fewer than two columns, or a
 * blank or repeated column name; a sprite over the projector's 8192 pixels a side.
 *
 * <p>Thread contract: immutable, any thread; the arrays must not change while a call logs them.
 */
public final class Embedding {
    private final EmbeddingData data;

    private Embedding(EmbeddingData data) {
        this.data = data;
    }

    /**
     * {@code rows} points of {@code dims} floats, row-major: value {@code (i, j)} at {@code i * dims + j}.
     *
     * @param data {@code rows * dims} values, point after point
     * @param rows N, the points, at least 1
     * @param dims D, the values of each point, at least 1
     * @return the embedding, without metadata or thumbnails; it refers to {@code data}
     */
    public static Embedding of(float[] data, int rows, int dims) {
        return new Embedding(EmbeddingData.of(data, rows, dims));
    }

    /**
     * As {@link #of(float[], int, int)}, for doubles (stored as 32-bit floats).
     *
     * @param data {@code rows * dims} values, point after point
     * @param rows N, the points, at least 1
     * @param dims D, the values of each point, at least 1
     * @return the embedding, without metadata or thumbnails; it refers to {@code data}
     */
    public static Embedding of(double[] data, int rows, int dims) {
        return new Embedding(EmbeddingData.of(data, rows, dims));
    }

    /**
     * This embedding with one label per row; see {@link Embedding} for the rules.
     *
     * @param labels N labels, in the rows' order, none null or blank
     * @return a new Embedding of the same data and thumbnails with these labels in place of any metadata
     */
    public Embedding labels(List<?> labels) {
        return new Embedding(data.labels(labels));
    }

    /**
     * This embedding with several metadata columns.
     *
     * @param header two or more column names
     * @param rows one row per point, as many cells as the header
     * @return a new Embedding of the same data and thumbnails with this metadata in place of any labels
     */
    public Embedding metadata(List<String> header, List<? extends List<?>> rows) {
        return new Embedding(data.metadata(header, rows));
    }

    /**
     * This embedding with a thumbnail per row, drawn in place of its point.
     *
     * @param pictures N pictures, in the rows' order, not null
     * @return a new Embedding of the same data and metadata with these thumbnails
     */
    public Embedding thumbnails(Images pictures) {
        if (pictures == null) {
            throw new IllegalArgumentException("embedding thumbnails must not be null");
        }
        return new Embedding(data.thumbnails(pictures.picture()));
    }

    /** {@return N, the points} */
    public int rows() {
        return data.rows();
    }

    /** {@return D, the values of each point} */
    public int dims() {
        return data.dims();
    }

    EmbeddingData data() {
        return data;
    }

    @Override
    public String toString() {
        return data.toString();
    }
}
