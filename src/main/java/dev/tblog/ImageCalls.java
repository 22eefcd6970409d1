package dev.tblog;

import dev.tblog.image.BufferedImages;
import dev.tblog.image.FigureRenderer;
import dev.tblog.image.ImagePayload;
import dev.tblog.image.ImageScaling;
import dev.tblog.image.ImageShape;
import dev.tblog.ring.PayloadPool;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The producer's half of {@code addImage}, {@code addImages} and {@code addFigure}: validate, copy
 * the caller's pixels into a pooled array ({@code System.arraycopy}; the caller may reuse its array
 * once the call returned), publish an {@link ImagePayload}. Everything else (equalize, conversion to
 * bytes, tiling, PNG) runs on the consumer.
 *
 * <p>Order on every path: tag, data and shape are checked first (an {@link IllegalArgumentException}
 * naming the values, nothing published, no automatic step used up), then the logger must be open,
 * then pooled memory is taken (under {@code block} this waits for the consumer to give memory back;
 * under {@code drop} a full pool drops the call and counts it as an "image" drop), then the step is
 * drawn and the payload published.
 *
 * <p>Thread contract: any thread; stateless.
 */
final class ImageCalls {
    private static final String KIND = "image";

    private ImageCalls() {
    }

    /**
     * @param autoStep {@code null} to use {@code step}; else drawn once the call is known good
     */
    static void floats(Logger log, String call, String tag, float[] data, int n, int h, int w, int c,
                       boolean equalize, boolean perImage, long step,
                       LongSupplier autoStep) {
        ImageShape shape = check(log, call, tag, data, data == null ? 0 : data.length, n, h, w, c);
        float[] copy = log.publisher().floats(shape.values(), KIND);
        if (copy == null) {
            return;
        }
        System.arraycopy(data, 0, copy, 0, shape.values());
        log.publisher().publish(ImagePayload.ofFloats(log.publisher().pool(), tag, stepOf(step, autoStep), shape,
            ImageScaling.of(equalize, perImage),
            log.config().imagePngCompressionLevel(), copy));
    }

    /** As {@link #floats}, for doubles. */
    static void doubles(Logger log, String call, String tag, double[] data, int n, int h, int w, int c,
                        boolean equalize, boolean perImage, long step,
                       LongSupplier autoStep) {
        ImageShape shape = check(log, call, tag, data, data == null ? 0 : data.length, n, h, w, c);
        double[] copy = log.publisher().doubles(shape.values(), KIND);
        if (copy == null) {
            return;
        }
        System.arraycopy(data, 0, copy, 0, shape.values());
        log.publisher().publish(ImagePayload.ofDoubles(log.publisher().pool(), tag, stepOf(step, autoStep), shape,
            ImageScaling.of(equalize, perImage),
            log.config().imagePngCompressionLevel(), copy));
    }

    /** As {@link #floats}, for unsigned bytes. */
    static void bytes(Logger log, String call, String tag, byte[] data, int n, int h, int w, int c,
                      boolean equalize, boolean perImage, long step,
                       LongSupplier autoStep) {
        ImageShape shape = check(log, call, tag, data, data == null ? 0 : data.length, n, h, w, c);
        byte[] copy = log.publisher().bytes(shape.values(), KIND);
        if (copy == null) {
            return;
        }
        System.arraycopy(data, 0, copy, 0, shape.values());
        log.publisher().publish(ImagePayload.ofBytes(log.publisher().pool(), tag, stepOf(step, autoStep), shape,
            ImageScaling.of(equalize, perImage),
            log.config().imagePngCompressionLevel(), copy));
    }

    /** A {@link BufferedImage}: gray, RGB or RGBA as {@link BufferedImages#channels} says, read on the caller. */
    static void bufferedImage(Logger log, String call, String tag, BufferedImage image, long step,
                              LongSupplier autoStep) {
        TagRules.tag(tag);
        if (image == null) {
            throw new IllegalArgumentException("image of " + call + "('" + tag + "') must not be null");
        }
        int c = BufferedImages.channels(image);
        int h = image.getHeight();
        int w = image.getWidth();
        ImageShape shape = checkSize(log, call, tag, h, w, c);
        byte[] copy = log.publisher().bytes(shape.values(), KIND);
        if (copy == null) {
            return;
        }
        try {
            BufferedImages.toRaster(image, copy, 0);
        } catch (RuntimeException e) {
            log.publisher().pool().release(copy);
            throw e;
        }
        log.publisher().publish(ImagePayload.ofRendered(log.publisher().pool(), tag, stepOf(step, autoStep), shape,
            log.config().imagePngCompressionLevel(), copy));
    }

    /**
     * A figure drawn by {@code draw} on a white {@code width x height} canvas, rendered here on the
     * caller's thread (see Logger#addFigure for why) and logged as an RGB image.
     */
    static void figure(Logger log, String tag, int width, int height, Consumer<? super Graphics2D> draw, long step,
                       LongSupplier autoStep) {
        TagRules.tag(tag);
        if (draw == null) {
            throw new IllegalArgumentException("figure of addFigure('" + tag + "') must not be null");
        }
        ImageShape shape = checkSize(log, "addFigure", tag, height, width, 3);
        PayloadPool pool = log.publisher().pool();
        byte[] copy = log.publisher().bytes(shape.values(), KIND);
        if (copy == null) {
            return;
        }
        try {
            new FigureRenderer().render(width, height, draw, copy, 0);
        } catch (RuntimeException | Error e) {
            pool.release(copy);
            throw e;
        }
        log.publisher().publish(ImagePayload.ofRendered(pool, tag, stepOf(step, autoStep), shape,
            log.config().imagePngCompressionLevel(), copy));
    }

    /**
     * Tag, data and shape, then the logger open.
     *
     * @param data the caller's array, checked for null
     * @param length its length
     */
    private static ImageShape check(Logger log, String call, String tag, Object data, int length, int n, int h,
                                    int w, int c) {
        TagRules.tag(tag);
        if (data == null) {
            throw new IllegalArgumentException("data of " + call + "('" + tag + "') must not be null");
        }
        ImageShape shape;
        try {
            shape = ImageShape.validate(length, n, h, w, c, log.config().imageMaxPixels());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(call + "('" + tag + "'): " + e.getMessage(), e);
        }
        log.publisher().ensureOpen();
        return shape;
    }

    /** Tag and size of a picture made on the caller's thread (a BufferedImage, a figure), then the logger open. */
    private static ImageShape checkSize(Logger log, String call, String tag, int h, int w, int c) {
        TagRules.tag(tag);
        ImageShape shape;
        try {
            shape = ImageShape.of(1, h, w, c);
            ImageShape.validate(shape.values(), 1, h, w, c, log.config().imageMaxPixels());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(call + "('" + tag + "'): " + e.getMessage(), e);
        }
        log.publisher().ensureOpen();
        return shape;
    }

    private static long stepOf(long step, LongSupplier autoStep) {
        return autoStep == null ? step : autoStep.getAsLong();
    }
}
