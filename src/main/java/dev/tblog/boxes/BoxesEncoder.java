package dev.tblog.boxes;

import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.image.Channels;
import dev.tblog.image.EncodedImageBody;
import dev.tblog.image.ImageShape;
import dev.tblog.image.PngEncoder;
import dev.tblog.proto.SummaryMetadata;

import java.io.IOException;

/**
 * The consumer half of the image-with-boxes kind: the picture to 8-bit pixels by the image rules,
 * gray made RGB, the boxes drawn ({@link BoxPainter}), then a PNG in a {@code Summary.Image} value
 * (RGB, or RGBA for an RGBA picture), as the Python writers' {@code add_image_with_boxes} logs an
 * image.
 *
 * <p>Thread contract: consumer thread only. {@link #close()} frees the deflater.
 */
final class BoxesEncoder implements PayloadEncoder {
    /** The image-with-boxes kind: drops are counted as {@code "image_boxes"}. */
    public static final PayloadKind<BoxesEncoder> KIND =
        PayloadKind.of("image_boxes", BoxesEncoder.class, BoxesEncoder::new);
    /**
     * The tag's description, which TensorBoard shows beside the pictures and {@code inspect} reads
     * to name the kind (on disk it is an image like any other).
     */
    static final String DESCRIPTION = "An image with boxes (addImageWithBoxes).";
    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName("images"))
        .setSummaryDescription(DESCRIPTION)
        .build().toByteArray();

    private final BoxPainter painter = new BoxPainter();
    private final EncodedImageBody body = new EncodedImageBody();
    private byte[] pixels = new byte[0];
    private byte[] raster = new byte[0];
    private PngEncoder png;

    void write(BoxesPayload picture, EventWriter out, long wallTimeMillis) throws IOException {
        ImageShape shape = picture.shape();
        int w = shape.width();
        int h = shape.height();
        byte[] values = picture.pixels().toBytes(shape, picture.scaling(), pixels(shape.values()));
        int channels = shape.channels() == 4 ? 4 : 3;
        byte[] rgb = raster(w * h * channels);
        if (shape.channels() == 1) {
            Channels.grayToRgb(values, 0, rgb, 0, w * h);
        } else {
            System.arraycopy(values, 0, rgb, 0, w * h * channels);
        }
        painter.paint(rgb, w, h, channels, picture.boxes());
        PngEncoder encoder = png(picture.compressionLevel());
        int length = encoder.encode(rgb, 0, w, h, channels);
        body.of(h, w, channels, encoder.buffer(), length);
        out.writeValue(null, picture.tag(), picture.step(), wallTimeMillis, METADATA, body);
    }

    @Override
    public void close() {
        if (png != null) {
            png.close();
            png = null;
        }
    }

    private PngEncoder png(int level) {
        if (png == null || png.compressionLevel() != level) {
            close();
            png = new PngEncoder(level, PngEncoder.FILTER_DEFAULT);
        }
        return png;
    }

    private byte[] pixels(int n) {
        if (pixels.length < n) {
            pixels = new byte[n];
        }
        return pixels;
    }

    private byte[] raster(int n) {
        if (raster.length < n) {
            raster = new byte[n];
        }
        return raster;
    }
}
