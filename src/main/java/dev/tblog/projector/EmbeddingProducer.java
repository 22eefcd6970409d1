package dev.tblog.projector;

import dev.tblog.image.PooledPicture;
import dev.tblog.image.SpriteEncoder;
import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

/**
 * The producer half of the embedding kind ({@code addEmbedding}): checks the sprite against
 * {@code image.maxPixels}, copies the caller's matrix (as floats) and thumbnails into pooled arrays,
 * and publishes an {@link EmbeddingPayload} under the overflow policy (a dropped embedding is
 * counted as "embedding"). The metadata was copied into strings when the embedding was made. Every
 * file is written by the consumer.
 *
 * <p>Thread contract: any thread; no state but the configuration.
 */
public final class EmbeddingProducer {
    private final Publisher publisher;
    private final int maxPixels;
    private final int compressionLevel;

    /**
     * @param maxPixels {@code image.maxPixels}, the largest sprite
     * @param compressionLevel {@code image.pngCompressionLevel}, the sprite's
     */
    public EmbeddingProducer(Publisher publisher, int maxPixels, int compressionLevel) {
        this.publisher = publisher;
        this.maxPixels = maxPixels;
        this.compressionLevel = compressionLevel;
    }

    /** The tag whose automatic steps an embedding call without a step counts, apart from the tag's scalars. */
    public static String autoStepTag(String tag) {
        return tag + "/embedding";
    }

    /**
     * Logs one embedding at {@code step}.
     *
     * @param tag already validated
     * @throws IllegalArgumentException a sprite over {@code image.maxPixels}; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, EmbeddingData embedding, long step) {
        if (embedding.thumbnails() != null) {
            try {
                SpriteEncoder.check(embedding.thumbnails().shape(), maxPixels);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("embedding '" + tag + "': " + e.getMessage() + " (image.maxPixels)", e);
            }
        }
        publisher.ensureOpen();
        int n = embedding.rows() * embedding.dims();
        float[] values = publisher.floats(n, EmbeddingEncoder.KIND);
        if (values == null) {
            return;
        }
        PayloadPool pool = publisher.pool();
        PooledPicture thumbnails = null;
        try {
            if (embedding.floats() != null) {
                System.arraycopy(embedding.floats(), 0, values, 0, n);
            } else {
                double[] doubles = embedding.doubles();
                for (int i = 0; i < n; i++) {
                    values[i] = (float) doubles[i];
                }
            }
            if (embedding.thumbnails() != null) {
                thumbnails = PooledPicture.copy(embedding.thumbnails(), publisher, EmbeddingEncoder.KIND);
                if (thumbnails == null) {
                    pool.release(values);
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            pool.release(values);
            throw e;
        }
        publisher.publish(new EmbeddingPayload(pool, tag, step, embedding.rows(), embedding.dims(), values,
            embedding.header(), embedding.cells(), thumbnails, compressionLevel));
    }

    @Override
    public String toString() {
        return "EmbeddingProducer[maxPixels " + maxPixels + ", level " + compressionLevel + "]";
    }
}
