package dev.tblog.image;

import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.Publisher;

import java.awt.image.BufferedImage;
import java.util.function.ToLongFunction;

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
        add(tag, picture, step, null);
    }

    /**
     * Logs one picture at the tag's next automatic step, drawn only once the pixels are copied (or
     * the figure drawn): a call that fails, or finds the payload memory full under {@code drop},
     * uses no step.
     *
     * @param nextStep the tag's next automatic step
     */
    public void addAtNextStep(String tag, Picture picture, ToLongFunction<String> nextStep) {
        add(tag, picture, 0, nextStep);
    }

    private void add(String tag, Picture picture, long explicitStep, ToLongFunction<String> nextStep) {
        check(tag, picture);
        publisher.ensureOpen();
        ImageShape shape = picture.shape();
        int n = shape.values();
        PayloadPool pool = publisher.pool();
        float[] floats = null;
        double[] doubles = null;
        byte[] bytes = null;
        switch (picture.source()) {
            case FLOATS -> {
                floats = publisher.floats(n, ImageEncoder.KIND);
                if (floats == null) {
                    return;
                }
                System.arraycopy((float[]) picture.pixels(), 0, floats, 0, n);
            }
            case DOUBLES -> {
                doubles = publisher.doubles(n, ImageEncoder.KIND);
                if (doubles == null) {
                    return;
                }
                System.arraycopy((double[]) picture.pixels(), 0, doubles, 0, n);
            }
            case BYTES -> {
                bytes = publisher.bytes(n, ImageEncoder.KIND);
                if (bytes == null) {
                    return;
                }
                System.arraycopy((byte[]) picture.pixels(), 0, bytes, 0, n);
            }
            default -> {
                bytes = publisher.bytes(n, ImageEncoder.KIND);
                if (bytes == null) {
                    return;
                }
                try {
                    render(picture, bytes);
                } catch (RuntimeException | Error e) {
                    pool.release(bytes);
                    throw e;
                }
            }
        }
        long step = nextStep == null ? explicitStep : nextStep.applyAsLong(tag);
        boolean rendered = picture.source() == Picture.Source.BUFFERED_IMAGE || picture.source() == Picture.Source.DRAWN;
        publisher.publish(new ImagePayload(pool, tag, step, shape, picture.scaling(), compressionLevel, floats, doubles,
            bytes, rendered));
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
