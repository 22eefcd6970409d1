package dev.tblog.image;

import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

/**
 * A batch of pictures ({@code float[]}, {@code double[]} or {@code byte[]} pixels) copied into a
 * pooled array on the caller's thread, for a kind other than the image kind to carry through the
 * ring (the projector's thumbnails), with its shape and scaling; {@link SpriteEncoder} reads it on
 * the consumer.
 *
 * <p>Thread contract: made by one producer, immutable from then on; {@link #release()} exactly
 * once, by whoever owns the payload holding it.
 */
public final class PooledPicture {
    private final PayloadPool pool;
    private final ImageShape shape;
    private final ImageScaling scaling;
    private final float[] floats;
    private final double[] doubles;
    private final byte[] bytes;

    private PooledPicture(PayloadPool pool, ImageShape shape, ImageScaling scaling, float[] floats, double[] doubles,
                          byte[] bytes) {
        this.pool = pool;
        this.shape = shape;
        this.scaling = scaling;
        this.floats = floats;
        this.doubles = doubles;
        this.bytes = bytes;
    }

    /**
     * Copies the picture's pixels into pooled memory taken through the publisher (waiting or
     * dropping under the overflow policy, counted under {@code kind}).
     *
     * @return the copy, or {@code null} when the overflow policy dropped the call
     * @throws IllegalArgumentException a picture that is not an array of pixels (a figure, a
     *     {@code BufferedImage})
     * @throws IllegalStateException the logger is closed
     */
    public static PooledPicture copy(Picture picture, Publisher publisher, PayloadKind<?> kind) {
        ImageShape shape = picture.shape();
        int n = shape.values();
        PayloadPool pool = publisher.pool();
        switch (picture.source()) {
            case FLOATS -> {
                float[] a = publisher.floats(n, kind);
                if (a == null) {
                    return null;
                }
                System.arraycopy((float[]) picture.pixels(), 0, a, 0, n);
                return new PooledPicture(pool, shape, picture.scaling(), a, null, null);
            }
            case DOUBLES -> {
                double[] a = publisher.doubles(n, kind);
                if (a == null) {
                    return null;
                }
                System.arraycopy((double[]) picture.pixels(), 0, a, 0, n);
                return new PooledPicture(pool, shape, picture.scaling(), null, a, null);
            }
            case BYTES -> {
                byte[] a = publisher.bytes(n, kind);
                if (a == null) {
                    return null;
                }
                System.arraycopy((byte[]) picture.pixels(), 0, a, 0, n);
                return new PooledPicture(pool, shape, picture.scaling(), null, null, a);
            }
            default -> throw new IllegalArgumentException("pictures of " + picture.source()
                + " cannot be pooled: only float, double and byte arrays");
        }
    }

    public ImageShape shape() {
        return shape;
    }

    public ImageScaling scaling() {
        return scaling;
    }

    /** Gives the pooled array back. */
    public void release() {
        if (floats != null) {
            pool.release(floats);
        } else if (doubles != null) {
            pool.release(doubles);
        } else {
            pool.release(bytes);
        }
    }

    float[] floats() {
        return floats;
    }

    double[] doubles() {
        return doubles;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "PooledPicture[" + shape.describe() + ", " + scaling + "]";
    }
}
