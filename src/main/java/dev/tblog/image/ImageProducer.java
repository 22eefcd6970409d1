package dev.tblog.image;

import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

import java.awt.image.BufferedImage;

/**
 * The producer half of the image kind ({@code addImage}, {@code addImages}, {@code addFigure}):
 * checks the picture against {@code image.maxPixels}, copies the caller's pixels into a pooled
 * array (reading a {@code BufferedImage} or drawing a figure on the caller's thread), and publishes
 * an {@link ImagePayload}. Equalize, conversion to bytes, tiling and PNG run on the consumer.
 *
 * <p>Order: the pixel budget is checked first ({@link IllegalArgumentException} naming the tag and
 * the values; nothing published), then the logger must be open, then pooled memory is taken (under
 * {@code block} this waits for the consumer to give memory back, bounded by the stall timeout;
 * under {@code drop} a full pool drops the call, counted as an "image" drop), then the pixels are
 * copied and the payload published. The caller's array may be reused once the call returns.
 *
 * <p>Thread contract: any thread; no state but the configuration.
 */
public final class ImageProducer {
    private final Publisher publisher;
    private final int maxPixels;
    private final int compressionLevel;

    /**
     * @param maxPixels {@code image.maxPixels}
     * @param compressionLevel {@code image.pngCompressionLevel}
     */
    public ImageProducer(Publisher publisher, int maxPixels, int compressionLevel) {
        this.publisher = publisher;
        this.maxPixels = maxPixels;
        this.compressionLevel = compressionLevel;
    }

    /**
     * Checks what the configuration limits: the (tiled) picture's pixels.
     *
     * @throws IllegalArgumentException more than {@code image.maxPixels}, naming the tag and the values
     */
    public void check(String tag, Picture picture) {
        try {
            picture.shape().checkPixels(maxPixels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image '" + tag + "': " + e.getMessage() + " (image.maxPixels)", e);
        }
    }

    /**
     * Logs one picture (or tiled batch) at {@code step}.
     *
     * @param tag already validated
     * @throws IllegalArgumentException see {@link #check}
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, Picture picture, long step) {
        check(tag, picture);
        publisher.ensureOpen();
        ImageShape shape = picture.shape();
        int n = shape.values();
        PayloadPool pool = publisher.pool();
        ImagePayload payload;
        switch (picture.source()) {
            case FLOATS -> {
                float[] copy = publisher.floats(n, ImageEncoder.KIND);
                if (copy == null) {
                    return;
                }
                System.arraycopy((float[]) picture.pixels(), 0, copy, 0, n);
                payload = new ImagePayload(pool, tag, step, shape, picture.scaling(), compressionLevel, copy, null,
                    null, false);
            }
            case DOUBLES -> {
                double[] copy = publisher.doubles(n, ImageEncoder.KIND);
                if (copy == null) {
                    return;
                }
                System.arraycopy((double[]) picture.pixels(), 0, copy, 0, n);
                payload = new ImagePayload(pool, tag, step, shape, picture.scaling(), compressionLevel, null, copy,
                    null, false);
            }
            case BYTES -> {
                byte[] copy = publisher.bytes(n, ImageEncoder.KIND);
                if (copy == null) {
                    return;
                }
                System.arraycopy((byte[]) picture.pixels(), 0, copy, 0, n);
                payload = new ImagePayload(pool, tag, step, shape, picture.scaling(), compressionLevel, null, null,
                    copy, false);
            }
            default -> {
                byte[] copy = publisher.bytes(n, ImageEncoder.KIND);
                if (copy == null) {
                    return;
                }
                try {
                    render(picture, copy);
                } catch (RuntimeException | Error e) {
                    pool.release(copy);
                    throw e;
                }
                payload = new ImagePayload(pool, tag, step, shape, picture.scaling(), compressionLevel, null, null,
                    copy, true);
            }
        }
        publisher.publish(payload);
    }

    /**
     * Reads a {@code BufferedImage}, or draws a figure, into {@code dst} on the caller's thread: a
     * figure reads the simulation's state at the time of the call, its callback's exceptions reach
     * the caller, and a slow chart cannot stall the consumer that writes every other thread's events.
     */
    private static void render(Picture picture, byte[] dst) {
        if (picture.source() == Picture.Source.BUFFERED_IMAGE) {
            BufferedImages.toRaster((BufferedImage) picture.pixels(), dst, 0);
        } else {
            ImageShape shape = picture.shape();
            new FigureRenderer().render(shape.width(), shape.height(), picture.draw(), dst, 0);
        }
    }

    @Override
    public String toString() {
        return "ImageProducer[maxPixels " + maxPixels + ", level " + compressionLevel + "]";
    }
}
