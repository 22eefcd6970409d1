package dev.tblog.image;

import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

/**
 * A batch of pictures copied into pooled memory on the caller's thread ({@link PooledPixels}),
 * with its shape and scaling, for a kind other than the image kind to carry through the ring (the
 * projector's thumbnails); {@link SpriteEncoder} reads it on the consumer.
 *
 * <p>Thread contract: made by one producer, immutable from then on; {@link #release()} exactly
 * once, by whoever owns the payload holding it.
 */
public final class PooledPicture {
    private final PayloadPool pool;
    private final ImageShape shape;
    private final ImageScaling scaling;
    private final PooledPixels pixels;

    private PooledPicture(PayloadPool pool, ImageShape shape, ImageScaling scaling, PooledPixels pixels) {
        this.pool = pool;
        this.shape = shape;
        this.scaling = scaling;
        this.pixels = pixels;
    }

    /**
     * Copies the picture's pixels into pooled memory taken through the publisher (waiting or
     * dropping under the overflow policy, counted under {@code kind}).
     *
     * @return the copy, or {@code null} when the overflow policy dropped the call
     * @throws IllegalArgumentException a drawn figure (it has no pixels to copy)
     * @throws IllegalStateException the logger is closed
     */
    public static PooledPicture copy(Picture picture, Publisher publisher, PayloadKind<?> kind) {
        PooledPixels pixels = PooledPixels.copy(publisher, picture, kind);
        return pixels == null ? null : new PooledPicture(publisher.pool(), picture.shape(), picture.scaling(), pixels);
    }

    public ImageShape shape() {
        return shape;
    }

    public ImageScaling scaling() {
        return scaling;
    }

    /**
     * The pictures' 8-bit pixels by the image rules of their scaling: into {@code dst} (at least
     * {@code shape().values()} long), or the pooled bytes themselves when they are pixels already.
     *
     * @return the array holding the pixels from 0
     */
    byte[] toBytes(byte[] dst) {
        return pixels.toBytes(shape, scaling, dst);
    }

    /** Gives the pooled array back. */
    public void release() {
        pixels.release(pool);
    }

    @Override
    public String toString() {
        return "PooledPicture[" + shape.describe() + ", " + scaling + ", " + pixels + "]";
    }
}
