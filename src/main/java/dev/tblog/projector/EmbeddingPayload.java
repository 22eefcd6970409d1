package dev.tblog.projector;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;
import dev.tblog.image.PooledPicture;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * One {@code addEmbedding} call as it travels through the ring: the matrix as floats in a pooled
 * array, the metadata's strings, the thumbnails in pooled memory, and the sprite's PNG level. Plain
 * data; {@link EmbeddingEncoder} writes the projector's files from it.
 *
 * <p>Thread contract: built by one producer, immutable from then on; the pooled arrays go back
 * exactly once, in {@link #release}.
 */
final class EmbeddingPayload implements Payload {
    private final PayloadPool pool;
    private final String tag;
    private final long step;
    private final int rows;
    private final int dims;
    private final float[] values;
    private final String[] header;
    private final String[] cells;
    private final PooledPicture thumbnails;
    private final int compressionLevel;

    /**
     * @param values pooled, the matrix in its first {@code rows * dims} values
     * @param header the metadata's column names, or null (labels, or no metadata)
     * @param cells the metadata row after row, or null
     * @param thumbnails null when none
     */
    EmbeddingPayload(PayloadPool pool, String tag, long step, int rows, int dims, float[] values, String[] header,
                     String[] cells, PooledPicture thumbnails, int compressionLevel) {
        this.pool = pool;
        this.tag = tag;
        this.step = step;
        this.rows = rows;
        this.dims = dims;
        this.values = values;
        this.header = header;
        this.cells = cells;
        this.thumbnails = thumbnails;
        this.compressionLevel = compressionLevel;
    }

    @Override
    public PayloadKind<EmbeddingEncoder> kind() {
        return EmbeddingEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(EmbeddingEncoder.KIND).write(this, out);
    }

    @Override
    public void release() {
        pool.release(values);
        if (thumbnails != null) {
            thumbnails.release();
        }
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    int rows() {
        return rows;
    }

    int dims() {
        return dims;
    }

    float[] values() {
        return values;
    }

    String[] header() {
        return header;
    }

    String[] cells() {
        return cells;
    }

    PooledPicture thumbnails() {
        return thumbnails;
    }

    int compressionLevel() {
        return compressionLevel;
    }

    @Override
    public String toString() {
        return "EmbeddingPayload[" + tag + ", step " + step + ", " + rows + "x" + dims + "]";
    }
}
