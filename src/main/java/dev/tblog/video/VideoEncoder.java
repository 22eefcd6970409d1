package dev.tblog.video;

import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.image.EncodedImageBody;
import dev.tblog.image.Equalize;
import dev.tblog.image.ImageShape;
import dev.tblog.image.Quantize;
import dev.tblog.image.Tile;
import dev.tblog.proto.SummaryMetadata;

import java.io.IOException;

/**
 * The consumer half of the video kind: values to 8-bit pixels by the rules of images (clip,
 * equalize over the whole clip, or per video: {@link Quantize}, {@link Equalize}), each frame of
 * the N videos tiled as images are ({@link Tile}), then an animated GIF ({@link GifEncoder}) written
 * as a {@code Summary.Image} value, as the Python writers' {@code add_video} does. TensorBoard's
 * IMAGES tab serves the GIF as it is, and a browser plays it.
 * <pre>
 * value.image   Summary.Image{height, width of a tiled frame, colorspace 1 or 3, the GIF}
 * metadata      plugin "images" (as for pictures; TensorBoard replaces it by its own)
 * </pre>
 *
 * <p>Thread contract: consumer thread only. Once it has seen the largest video it allocates nothing.
 */
final class VideoEncoder implements PayloadEncoder {
    /** The video kind: drops are counted as {@code "video"}. */
    public static final PayloadKind<VideoEncoder> KIND = PayloadKind.of("video", VideoEncoder.class, VideoEncoder::new);
    /** Videos are shown by the images plugin. */
    public static final String PLUGIN_NAME = "images";
    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME))
        .build().toByteArray();

    private final GifEncoder gif = new GifEncoder();
    private final EncodedImageBody body = new EncodedImageBody();
    private byte[] pixels = new byte[0];
    private byte[] frame = new byte[0];
    private byte[] tiled = new byte[0];

    void write(VideoPayload video, EventWriter out, long wallTimeMillis) throws IOException {
        ImageShape shape = video.frameShape();
        int frames = video.frames();
        byte[] raster = toPixels(video, shape.values() * frames, shape.count());
        byte[] grid = shape.count() == 1 ? raster : tile(raster, shape, frames);
        int length = gif.encode(grid, frames, shape.gridWidth(), shape.gridHeight(), shape.channels(), video.delay());
        body.of(shape.gridHeight(), shape.gridWidth(), shape.channels(), gif.buffer(), length);
        out.writeValue(null, video.tag(), video.step(), wallTimeMillis, METADATA, body);
    }

    /** All values to pixels; equalize per video treats each of the N videos as one image. */
    private byte[] toPixels(VideoPayload video, int n, int videos) {
        return video.pixels().toBytes(n, videos, video.scaling(), pixels(n));
    }

    /** (N, T, H, W, C) to T tiled frames: frame t gathers the N videos' frame t, then tiles them. */
    private byte[] tile(byte[] raster, ImageShape shape, int frames) {
        int frameValues = shape.valuesPerImage();
        int gridValues = shape.gridValues();
        if (frame.length < shape.values()) {
            frame = new byte[shape.values()];
        }
        if (tiled.length < gridValues * frames) {
            tiled = new byte[gridValues * frames];
        }
        for (int t = 0; t < frames; t++) {
            for (int v = 0; v < shape.count(); v++) {
                System.arraycopy(raster, (v * frames + t) * frameValues, frame, v * frameValues, frameValues);
            }
            Tile.tile(frame, 0, shape, tiled, t * gridValues);
        }
        return tiled;
    }

    private byte[] pixels(int n) {
        if (pixels.length < n) {
            pixels = new byte[n];
        }
        return pixels;
    }
}
