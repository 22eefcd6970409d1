package dev.tblog.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * What one image call logs, validated when it is made: where the pixels come from (the caller's
 * array, a {@link BufferedImage}, a drawing callback), their shape, and how they are scaled to
 * 8-bit pixels. It refers to the caller's array or image and copies nothing; the producer copies
 * the pixels into pooled memory during the call ({@link ImageProducer}).
 *
 * <p>Every instance is valid: the shape matches the array's length (see {@link ImageShape}); only
 * the configured pixel budget ({@code image.maxPixels}) is checked later, by the producer.
 *
 * <p>Thread contract: immutable, any thread; the caller's array must not change until the call
 * that logs it returns.
 */
public final class Picture {
    /** Where the pixels come from. */
    public enum Source {
        /** A {@code float[]}, values meant in [0, 1]. */
        FLOATS,
        /** A {@code double[]}, values meant in [0, 1]. */
        DOUBLES,
        /** A {@code byte[]}, unsigned pixels 0..255. */
        BYTES,
        /** A {@link BufferedImage}, read on the caller's thread during the call. */
        BUFFERED_IMAGE,
        /** A drawing callback, rendered on a white canvas on the caller's thread during the call. */
        DRAWN
    }

    private final Source source;
    /** The caller's array, image or callback: a {@code float[]}, {@code double[]}, {@code byte[]} or image. */
    private final Object pixels;
    private final Consumer<? super Graphics2D> draw;
    private final ImageShape shape;
    private final ImageScaling scaling;

    private Picture(Source source, Object pixels, Consumer<? super Graphics2D> draw, ImageShape shape,
                    ImageScaling scaling) {
        this.source = source;
        this.pixels = pixels;
        this.draw = draw;
        this.shape = shape;
        this.scaling = scaling;
    }

    /**
     * A batch of {@code count} float pictures, layout {@code (N, H, W, C)}, row-major.
     *
     * @throws IllegalArgumentException null data, or a shape that is invalid or does not match the
     *     array's length (the message names the values)
     */
    public static Picture floats(float[] data, int count, int height, int width, int channels) {
        return new Picture(Source.FLOATS, data, null, shape(data == null ? -1 : data.length, count, height, width, channels),
            ImageScaling.CLIP);
    }

    /** As {@link #floats}, for doubles. */
    public static Picture doubles(double[] data, int count, int height, int width, int channels) {
        return new Picture(Source.DOUBLES, data, null, shape(data == null ? -1 : data.length, count, height, width, channels),
            ImageScaling.CLIP);
    }

    /** As {@link #floats}, for unsigned bytes. */
    public static Picture bytes(byte[] data, int count, int height, int width, int channels) {
        return new Picture(Source.BYTES, data, null, shape(data == null ? -1 : data.length, count, height, width, channels),
            ImageScaling.CLIP);
    }

    /**
     * A {@link BufferedImage} as it is: gray, RGB or RGBA as {@link BufferedImages#channels} says.
     *
     * @throws IllegalArgumentException a null image
     */
    public static Picture of(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        return new Picture(Source.BUFFERED_IMAGE, image, null,
            ImageShape.of(1, image.getHeight(), image.getWidth(), BufferedImages.channels(image)), ImageScaling.CLIP);
    }

    /**
     * A figure drawn by {@code draw} on a white {@code width x height} RGB canvas.
     *
     * @throws IllegalArgumentException a size below 1, a null callback
     */
    public static Picture drawn(int width, int height, Consumer<? super Graphics2D> draw) {
        ImageShape shape = ImageShape.of(1, height, width, 3);
        if (draw == null) {
            throw new IllegalArgumentException("figure drawing callback must not be null");
        }
        return new Picture(Source.DRAWN, null, draw, shape, ImageScaling.CLIP);
    }

    private static ImageShape shape(int length, int count, int height, int width, int channels) {
        if (length < 0) {
            throw new IllegalArgumentException("image data must not be null");
        }
        return ImageShape.validate(length, count, height, width, channels, Long.MAX_VALUE);
    }

    /**
     * This picture with another scaling.
     *
     * @throws IllegalStateException for a drawn figure, which is RGB pixels as drawn
     */
    public Picture scaled(ImageScaling newScaling) {
        if (source == Source.DRAWN && newScaling != ImageScaling.CLIP) {
            throw new IllegalStateException("a drawn figure is logged as drawn: it cannot be " + newScaling);
        }
        return new Picture(source, pixels, draw, shape, newScaling);
    }

    public Source source() {
        return source;
    }

    public ImageShape shape() {
        return shape;
    }

    public ImageScaling scaling() {
        return scaling;
    }

    /** The caller's array ({@code float[]}, {@code double[]}, {@code byte[]}) or image; null for a drawn figure. */
    Object pixels() {
        return pixels;
    }

    /** The drawing callback of a drawn figure, else null. */
    Consumer<? super Graphics2D> draw() {
        return draw;
    }

    @Override
    public String toString() {
        return "Picture[" + source + " " + shape.describe() + ", " + scaling + "]";
    }
}
