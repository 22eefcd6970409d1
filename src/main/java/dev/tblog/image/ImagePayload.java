package dev.tblog.image;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadWriter;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.SummaryMetadata;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * One logged picture (an image, a tiled batch, a figure): the caller's pixels, copied into a pooled
 * array on the caller's thread, turned into a {@code Summary.Image} PNG on the consumer.
 * <pre>
 * value.image   22 len                          field 4, Summary.Image
 *                 08 height 10 width            the picture's (tiled) size
 *                 18 colorspace                 1 gray, 3 RGB, 4 RGBA (= channels)
 *                 22 n &lt;n PNG bytes&gt;           encoded_image_string
 * metadata      4a 08 0a 06 0a 04 "images"      plugin "images", empty content, first value of the tag only
 * </pre>
 * TensorBoard's loaders replace the metadata of a {@code Summary.Image} value by their own (plugin
 * "images", blob sequence) unless it sets a data class; so this metadata sets none, and only names
 * the plugin for other readers. The Python writers write no metadata at all.
 *
 * <p>Thread contract: built by one producer, immutable from then on except for the consumer's
 * {@link #writeTo} and {@link #release}, which run on the consumer thread only. The pooled array
 * goes back to the pool exactly once: in {@link #release}, which the consumer calls after or
 * instead of {@code writeTo}, and the logger calls when the payload is dropped.
 */
public final class ImagePayload implements Payload, SummaryBody {
    /** The plugin that shows images. */
    public static final String PLUGIN_NAME = "images";
    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME))
        .build().toByteArray();
    private static final int IMAGE_FIELD = 4;
    private static final int HEIGHT_FIELD = 1;
    private static final int WIDTH_FIELD = 2;
    private static final int COLORSPACE_FIELD = 3;
    private static final int ENCODED_FIELD = 4;

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
    private boolean released;
    /** Set by writeTo for the duration of writeValue: the PNG in the consumer's ImageEncoder. */
    private byte[] png;
    private int pngLength;
    private int imageSize;

    private ImagePayload(PayloadPool pool, String tag, long step, ImageShape shape, ImageScaling scaling,
                         int compressionLevel, float[] floats, double[] doubles, byte[] bytes,
                         boolean rendered) {
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

    /**
     * @param tag already validated
     * @param pooled from {@code pool}, holding the batch in its first {@code shape.values()} values;
     *     this payload gives it back
     */
    public static ImagePayload ofFloats(PayloadPool pool, String tag, long step, ImageShape shape, ImageScaling scaling,
                                        int compressionLevel, float[] pooled) {
        return new ImagePayload(pool, tag, step, shape, scaling, compressionLevel, pooled, null, null, false);
    }

    /** As {@link #ofFloats}, for doubles. */
    public static ImagePayload ofDoubles(PayloadPool pool, String tag, long step, ImageShape shape,
                                         ImageScaling scaling, int compressionLevel, double[] pooled) {
        return new ImagePayload(pool, tag, step, shape, scaling, compressionLevel, null, pooled, null, false);
    }

    /** As {@link #ofFloats}, for unsigned bytes (pixels as they are, or equalized). */
    public static ImagePayload ofBytes(PayloadPool pool, String tag, long step, ImageShape shape,
                                       ImageScaling scaling, int compressionLevel, byte[] pooled) {
        return new ImagePayload(pool, tag, step, shape, scaling, compressionLevel, null, null, pooled, false);
    }

    /** As {@link #ofBytes}, for a picture rendered on the caller (a figure, a {@code BufferedImage}). */
    public static ImagePayload ofRendered(PayloadPool pool, String tag, long step, ImageShape shape,
                                          int compressionLevel, byte[] pooled) {
        return new ImagePayload(pool, tag, step, shape, ImageScaling.CLIP, compressionLevel, null, null, pooled, true);
    }

    @Override
    public void writeTo(PayloadWriter out, long wallTimeMillis) throws IOException {
        ImageEncoder images = out.scratch(ImageEncoder.class, ImageEncoder::new);
        if (floats != null) {
            pngLength = images.encode(floats, shape, scaling, compressionLevel);
        } else if (doubles != null) {
            pngLength = images.encode(doubles, shape, scaling, compressionLevel);
        } else {
            pngLength = images.encode(bytes, shape, scaling, compressionLevel, rendered);
        }
        png = images.buffer(); // after encode: encode may replace the buffer
        imageSize = CodedOutputStream.computeInt32Size(HEIGHT_FIELD, shape.gridHeight())
            + CodedOutputStream.computeInt32Size(WIDTH_FIELD, shape.gridWidth())
            + CodedOutputStream.computeInt32Size(COLORSPACE_FIELD, shape.channels())
            + CodedOutputStream.computeTagSize(ENCODED_FIELD) + CodedOutputStream.computeUInt32SizeNoTag(pngLength)
            + pngLength;
        try {
            out.writeValue(null, tag, step, wallTimeMillis, METADATA, this);
        } finally {
            png = null; // the encoder's buffer is reused by the next image
        }
    }

    @Override
    public int serializedSize() {
        return CodedOutputStream.computeTagSize(IMAGE_FIELD) + CodedOutputStream.computeUInt32SizeNoTag(imageSize)
            + imageSize;
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        out.writeTag(IMAGE_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(imageSize);
        out.writeInt32(HEIGHT_FIELD, shape.gridHeight());
        out.writeInt32(WIDTH_FIELD, shape.gridWidth());
        out.writeInt32(COLORSPACE_FIELD, shape.channels()); // colorspace 1, 3, 4 = channels 1, 3, 4
        out.writeTag(ENCODED_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(pngLength);
        out.writeRawBytes(png, 0, pngLength);
    }

    @Override
    public void release() {
        if (released) {
            return;
        }
        released = true;
        if (floats != null) {
            pool.release(floats);
        } else if (doubles != null) {
            pool.release(doubles);
        } else {
            pool.release(bytes);
        }
    }

    @Override
    public String kind() {
        return "image";
    }


    @Override
    public String toString() {
        return "ImagePayload[" + tag + ", step " + step + ", " + shape.describe() + ", " + scaling + "]";
    }
}
