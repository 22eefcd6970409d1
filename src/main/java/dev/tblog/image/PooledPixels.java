package dev.tblog.image;

import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

import java.awt.image.BufferedImage;

/**
 * The pixels of one {@link Picture} copied into a pooled array on the caller's thread, for kinds
 * that log a picture with more (an image with boxes): {@link #copy} on the producer, then
 * {@link #toBytes} (the image rules: clip, equalize) on the consumer, then {@link #release}.
 *
 * <p>Thread contract: made by one producer, read by the consumer after the ring's publish; the
 * pooled array goes back exactly once, in {@link #release}.
 */
public final class PooledPixels {
    private final float[] floats;
    private final double[] doubles;
    private final byte[] bytes;

    private PooledPixels(float[] floats, double[] doubles, byte[] bytes) {
        this.floats = floats;
        this.doubles = doubles;
        this.bytes = bytes;
    }

    /**
     * Copies the picture's pixels (reading a {@code BufferedImage} here), or returns null when the
     * overflow policy dropped the call (counted under {@code kind}).
     *
     * @throws IllegalArgumentException the pixels alone are larger than {@code payload.maxPendingBytes}
     * @throws IllegalStateException the logger is closed
     */
    public static PooledPixels copy(Publisher publisher, Picture picture, PayloadKind<?> kind) {
        int n = picture.shape().values();
        switch (picture.source()) {
            case FLOATS -> {
                return copy(publisher, (float[]) picture.pixels(), n, kind);
            }
            case DOUBLES -> {
                return copy(publisher, (double[]) picture.pixels(), n, kind);
            }
            case BYTES -> {
                return copy(publisher, (byte[]) picture.pixels(), n, kind);
            }
            case BUFFERED_IMAGE -> {
                byte[] a = publisher.bytes(n, kind);
                if (a == null) {
                    return null;
                }
                try {
                    BufferedImages.toRaster((BufferedImage) picture.pixels(), a, 0);
                } catch (RuntimeException | Error e) {
                    publisher.pool().release(a);
                    throw e;
                }
                return new PooledPixels(null, null, a);
            }
            default -> throw new IllegalArgumentException("a drawn figure has no pixels to copy: " + picture);
        }
    }

    /**
     * Copies the first {@code n} values into a pooled array, or returns null when the overflow
     * policy dropped the call (counted under {@code kind}); the same for {@code double[]} and
     * {@code byte[]} below.
     *
     * @throws IllegalArgumentException the values alone are larger than {@code payload.maxPendingBytes}
     * @throws IllegalStateException the logger is closed
     */
    public static PooledPixels copy(Publisher publisher, float[] values, int n, PayloadKind<?> kind) {
        float[] a = publisher.floats(n, kind);
        if (a == null) {
            return null;
        }
        System.arraycopy(values, 0, a, 0, n);
        return new PooledPixels(a, null, null);
    }

    /** As {@link #copy(Publisher, float[], int, PayloadKind)}. */
    public static PooledPixels copy(Publisher publisher, double[] values, int n, PayloadKind<?> kind) {
        double[] a = publisher.doubles(n, kind);
        if (a == null) {
            return null;
        }
        System.arraycopy(values, 0, a, 0, n);
        return new PooledPixels(null, a, null);
    }

    /** As {@link #copy(Publisher, float[], int, PayloadKind)}. */
    public static PooledPixels copy(Publisher publisher, byte[] values, int n, PayloadKind<?> kind) {
        byte[] a = publisher.bytes(n, kind);
        if (a == null) {
            return null;
        }
        System.arraycopy(values, 0, a, 0, n);
        return new PooledPixels(null, null, a);
    }

    /**
     * The picture's 8-bit pixels, {@code shape.values()} of them, by the image rules of
     * {@code scaling}: into {@code dst}, or the pooled bytes themselves when they are pixels already.
     *
     * @return the array holding the pixels from 0
     */
    public byte[] toBytes(ImageShape shape, ImageScaling scaling, byte[] dst) {
        return toBytes(shape.values(), shape.count(), scaling, dst);
    }

    /**
     * As {@link #toBytes(ImageShape, ImageScaling, byte[])} for {@code n} values in {@code groups}
     * equal groups, each stretched by its own range under {@link ImageScaling#EQUALIZE_PER_IMAGE}
     * (a video's frames are one group).
     *
     * @return the array holding the pixels from 0
     */
    public byte[] toBytes(int n, int groups, ImageScaling scaling, byte[] dst) {
        int perGroup = n / groups;
        if (floats != null) {
            switch (scaling) {
                case CLIP -> Quantize.clip(floats, 0, dst, 0, n);
                case EQUALIZE -> Quantize.equalize(floats, 0, dst, 0, n);
                default -> Quantize.equalizePerImage(floats, 0, dst, 0, groups, perGroup);
            }
            return dst;
        }
        if (doubles != null) {
            switch (scaling) {
                case CLIP -> Quantize.clip(doubles, 0, dst, 0, n);
                case EQUALIZE -> Quantize.equalize(doubles, 0, dst, 0, n);
                default -> Quantize.equalizePerImage(doubles, 0, dst, 0, groups, perGroup);
            }
            return dst;
        }
        switch (scaling) {
            case CLIP -> {
                return bytes;
            }
            case EQUALIZE -> Equalize.equalize(bytes, 0, dst, 0, n);
            default -> Equalize.equalizePerImage(bytes, 0, dst, 0, groups, perGroup);
        }
        return dst;
    }

    /** Gives the pooled array back. */
    public void release(PayloadPool pool) {
        if (floats != null) {
            pool.release(floats);
        } else if (doubles != null) {
            pool.release(doubles);
        } else {
            pool.release(bytes);
        }
    }

    @Override
    public String toString() {
        return "PooledPixels[" + (floats != null ? "float" : doubles != null ? "double" : "byte") + "]";
    }
}
