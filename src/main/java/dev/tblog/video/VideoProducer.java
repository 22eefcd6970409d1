package dev.tblog.video;

import dev.tblog.image.PooledPixels;
import dev.tblog.ring.Publisher;

import java.util.function.ToLongFunction;

/**
 * The producer half of the video kind ({@code addVideo}): checks the tiled frame against
 * {@code image.maxPixels}, copies the caller's values into a pooled array and publishes a
 * {@link VideoPayload}; conversion to pixels, tiling and the GIF are made on the consumer. Under
 * {@code drop} a full payload pool drops the call (counted as "video"); under {@code block} it
 * waits, bounded by the stall timeout. The caller's array may be reused once the call returns.
 *
 * <p>Thread contract: any thread; no state but the configuration.
 */
public final class VideoProducer {
    private final Publisher publisher;
    private final int maxPixels;

    /** @param maxPixels {@code image.maxPixels}, applied to each tiled frame */
    public VideoProducer(Publisher publisher, int maxPixels) {
        this.publisher = publisher;
        this.maxPixels = maxPixels;
    }

    /**
     * Logs one clip at {@code step}.
     *
     * @param tag already validated
     * @throws IllegalArgumentException a tiled frame over {@code image.maxPixels}, data larger than
     *     {@code payload.maxPendingBytes}; nothing published
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, VideoClip clip, long step) {
        add(tag, clip, step, null);
    }

    /**
     * Logs one clip at the tag's next automatic step, drawn only once the values are copied: a
     * call that fails, or finds the payload memory full under {@code drop}, uses no step.
     */
    public void addAtNextStep(String tag, VideoClip clip, ToLongFunction<String> nextStep) {
        add(tag, clip, 0, nextStep);
    }

    private void add(String tag, VideoClip clip, long explicitStep, ToLongFunction<String> nextStep) {
        try {
            clip.frameShape().checkPixels(maxPixels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("video '" + tag + "': each frame, " + e.getMessage()
                + " (image.maxPixels)", e);
        }
        int n = clip.values();
        PooledPixels pixels = switch (clip.source()) {
            case FLOATS -> PooledPixels.copy(publisher, (float[]) clip.data(), n, VideoEncoder.KIND);
            case DOUBLES -> PooledPixels.copy(publisher, (double[]) clip.data(), n, VideoEncoder.KIND);
            case BYTES -> PooledPixels.copy(publisher, (byte[]) clip.data(), n, VideoEncoder.KIND);
        };
        if (pixels == null) {
            return; // dropped under the overflow policy, counted
        }
        long step = nextStep == null ? explicitStep : nextStep.applyAsLong(tag);
        publisher.publish(new VideoPayload(publisher.pool(), tag, step, clip, pixels));
    }
}
