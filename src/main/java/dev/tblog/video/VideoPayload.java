package dev.tblog.video;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;
import dev.tblog.image.ImageScaling;
import dev.tblog.image.ImageShape;
import dev.tblog.image.PooledPixels;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * One {@code addVideo} call as it travels through the ring: the values, already copied into a
 * pooled array on the caller's thread, with their shape, scaling and frame delay. Plain data;
 * {@link VideoEncoder} turns it into an animated GIF on the consumer.
 *
 * <p>Thread contract: built by one producer, immutable from then on. The pooled array goes back
 * exactly once, in {@link #release}.
 */
final class VideoPayload implements Payload {
    private final PayloadPool pool;
    private final String tag;
    private final long step;
    private final int frames;
    private final ImageShape frameShape;
    private final ImageScaling scaling;
    private final int delay;
    private final PooledPixels pixels;

    /** @param pixels the clip's values, pooled; this payload gives them back */
    VideoPayload(PayloadPool pool, String tag, long step, VideoClip clip, PooledPixels pixels) {
        this.pool = pool;
        this.tag = tag;
        this.step = step;
        this.frames = clip.frames();
        this.frameShape = clip.frameShape();
        this.scaling = clip.scaling();
        this.delay = clip.delayCentiseconds();
        this.pixels = pixels;
    }

    @Override
    public PayloadKind<VideoEncoder> kind() {
        return VideoEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(VideoEncoder.KIND).write(this, out, wallTimeMillis);
    }

    @Override
    public void release() {
        pixels.release(pool);
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    int frames() {
        return frames;
    }

    ImageShape frameShape() {
        return frameShape;
    }

    ImageScaling scaling() {
        return scaling;
    }

    int delay() {
        return delay;
    }

    PooledPixels pixels() {
        return pixels;
    }

    @Override
    public String toString() {
        return "VideoPayload[" + tag + ", step " + step + ", " + frames + " frames of " + frameShape.describe() + "]";
    }
}
