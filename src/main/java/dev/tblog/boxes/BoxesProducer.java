package dev.tblog.boxes;

import dev.tblog.image.Picture;
import dev.tblog.image.PooledPixels;
import dev.tblog.ring.Publisher;

import java.util.function.ToLongFunction;

/**
 * The producer half of the image-with-boxes kind ({@code addImageWithBoxes}): checks the picture
 * against {@code image.maxPixels}, copies its pixels into pooled memory ({@link PooledPixels}) and
 * publishes a {@link BoxesPayload} with the (already copied, immutable) boxes; drawing and PNG run
 * on the consumer. Under {@code drop} a full payload pool drops the call (counted as "image_boxes").
 *
 * <p>Thread contract: any thread; no state but the configuration.
 */
public final class BoxesProducer {
    private final Publisher publisher;
    private final int maxPixels;
    private final int compressionLevel;

    /**
     * @param maxPixels {@code image.maxPixels}
     * @param compressionLevel {@code image.pngCompressionLevel}
     */
    public BoxesProducer(Publisher publisher, int maxPixels, int compressionLevel) {
        this.publisher = publisher;
        this.maxPixels = maxPixels;
        this.compressionLevel = compressionLevel;
    }

    /**
     * Logs one picture with its boxes at {@code step}, or at the tag's next automatic step when
     * {@code nextStep} is not null (drawn once the pixels are copied: a failed call uses no step).
     *
     * @param tag already validated
     * @throws IllegalArgumentException a picture over {@code image.maxPixels}; nothing published
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, Picture picture, BoxList boxes, long step, ToLongFunction<String> nextStep) {
        try {
            picture.shape().checkPixels(maxPixels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image '" + tag + "': " + e.getMessage() + " (image.maxPixels)", e);
        }
        PooledPixels pixels = PooledPixels.copy(publisher, picture, BoxesEncoder.KIND);
        if (pixels == null) {
            return;
        }
        long at = nextStep == null ? step : nextStep.applyAsLong(tag);
        publisher.publish(new BoxesPayload(publisher.pool(), tag, at, picture.shape(), picture.scaling(),
            compressionLevel, pixels, boxes));
    }
}
