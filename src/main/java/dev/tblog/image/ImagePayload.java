package dev.tblog.image;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * One logged picture (an image, a tiled batch, a figure) as it travels through the ring: the
 * caller's pixels, already copied into a pooled array on the caller's thread, with their shape and
 * how to scale them. Plain data; {@link ImageEncoder} turns it into a {@code Summary.Image} PNG on
 * the consumer.
 *
 * <p>Thread contract: built by one producer, immutable from then on. The pooled array goes back to
 * the pool exactly once, in {@link #release}: by the consumer after (or instead of) writing, or by
 * the publisher when the payload is dropped.
 */
final class ImagePayload implements Payload {
    private final PayloadPool pool;
    private final String tag;
    private final long step;
    private final ImageShape shape;
    private final ImageScaling scaling;
    private final int compressionLevel;
    private final float[] floats;
    private final double[] doubles;
    private final byte[] bytes;
    private final boolean rendered;

    /**
     * @param tag already validated
     * @param floats, doubles, bytes exactly one is not null: pooled, from {@code pool}, holding the
     *     batch in its first {@code shape.values()} values; this payload gives it back
     * @param rendered a figure or {@code BufferedImage} (bytes drawn, not measured)
     */
    ImagePayload(PayloadPool pool, String tag, long step, ImageShape shape, ImageScaling scaling, int compressionLevel,
                 float[] floats, double[] doubles, byte[] bytes, boolean rendered) {
        this.pool = pool;
        this.tag = tag;
        this.step = step;
        this.shape = shape;
        this.scaling = scaling;
        this.compressionLevel = compressionLevel;
        this.floats = floats;
        this.doubles = doubles;
        this.bytes = bytes;
        this.rendered = rendered;
    }

    @Override
    public PayloadKind<ImageEncoder> kind() {
        return ImageEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(ImageEncoder.KIND).write(this, out, wallTimeMillis);
    }

    @Override
    public void release() {
        if (floats != null) {
            pool.release(floats);
        } else if (doubles != null) {
            pool.release(doubles);
        } else {
            pool.release(bytes);
        }
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    ImageShape shape() {
        return shape;
    }

    ImageScaling scaling() {
        return scaling;
    }

    int compressionLevel() {
        return compressionLevel;
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

    boolean rendered() {
        return rendered;
    }

    @Override
    public String toString() {
        return "ImagePayload[" + tag + ", step " + step + ", " + shape.describe() + ", " + scaling + "]";
    }
}
