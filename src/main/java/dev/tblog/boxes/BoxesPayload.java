package dev.tblog.boxes;

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
 * One {@code addImageWithBoxes} call as it travels through the ring: the picture's pixels, already
 * copied into pooled memory on the caller's thread, their shape and scaling, and the boxes. Plain
 * data; {@link BoxesEncoder} draws and encodes them on the consumer.
 *
 * <p>Thread contract: built by one producer, immutable from then on. The pooled pixels go back
 * exactly once, in {@link #release}.
 */
final class BoxesPayload implements Payload {
    private final PayloadPool pool;
    private final String tag;
    private final long step;
    private final ImageShape shape;
    private final ImageScaling scaling;
    private final int compressionLevel;
    private final PooledPixels pixels;
    private final BoxList boxes;

    BoxesPayload(PayloadPool pool, String tag, long step, ImageShape shape, ImageScaling scaling, int compressionLevel,
                 PooledPixels pixels, BoxList boxes) {
        this.pool = pool;
        this.tag = tag;
        this.step = step;
        this.shape = shape;
        this.scaling = scaling;
        this.compressionLevel = compressionLevel;
        this.pixels = pixels;
        this.boxes = boxes;
    }

    @Override
    public PayloadKind<BoxesEncoder> kind() {
        return BoxesEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(BoxesEncoder.KIND).write(this, out, wallTimeMillis);
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

    ImageShape shape() {
        return shape;
    }

    ImageScaling scaling() {
        return scaling;
    }

    int compressionLevel() {
        return compressionLevel;
    }

    PooledPixels pixels() {
        return pixels;
    }

    BoxList boxes() {
        return boxes;
    }

    @Override
    public String toString() {
        return "BoxesPayload[" + tag + ", step " + step + ", " + shape.describe() + ", " + boxes + "]";
    }
}
