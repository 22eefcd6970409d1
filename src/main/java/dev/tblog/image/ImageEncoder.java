package dev.tblog.image;

import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.proto.SummaryMetadata;

import java.io.IOException;
import java.util.zip.Deflater;

/**
 * The consumer half of the image kind: scales a batch to 8-bit pixels, tiles it, encodes the picture
 * as a PNG and writes it as a {@code Summary.Image} value, reusing its rasters, its
 * {@link PngEncoder} and its summary body from call to call. The consumer keeps one per logger
 * ({@link #KIND}); once it has seen the largest picture it allocates nothing.
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
 * <pre>{@code
 * int length = images.encode(values, shape, ImageScaling.EQUALIZE, 1);
 * out.writeByteArray(4, images.buffer(), 0, length);   // buffer() after encode(), never before
 * }</pre>
 *
 * <p>The picture is {@code shape.gridHeight() x shape.gridWidth()} with {@code shape.channels()}
 * channels: gray stays a 1-channel gray PNG (colour type 0), RGB colour type 2, RGBA colour type 6
 * (see benchmarks/results/images-kernels.md: gray as gray is 2.9x faster and 37 % smaller than the RGB layout
 * of the Python writers, and TensorBoard shows both the same).
 *
 * <p>Large pictures of measured data ({@link #LARGE_PIXELS} pixels and more, from {@code float[]},
 * {@code double[]} or {@code byte[]} arrays) are deflated with {@link Deflater#HUFFMAN_ONLY}: on a noisy
 * 512x512 field it took 1.29 ms against 4.08 ms for the default strategy at the same level, and gave a
 * smaller file (182 KB against 193 KB), because the UP-filtered residuals of a measured field have
 * almost no repeated strings for LZ77 to find (benchmarks/results/images-kernels.md, "Pipeline"). Rendered
 * pictures (figures, {@code BufferedImage}s) keep the default strategy: their flat areas and
 * repeated rows are what LZ77 is for, and Huffman coding alone cannot go below 1 bit per byte.
 *
 * <p>Thread contract: not thread-safe; confine to one thread (the consumer). {@link #close()} frees
 * the deflater's native memory.
 */
final class ImageEncoder implements PayloadEncoder {
    /** The image kind: drops are counted as {@code "image"}; the consumer keeps one encoder per logger. */
    public static final PayloadKind<ImageEncoder> KIND = PayloadKind.of("image", ImageEncoder.class, ImageEncoder::new);
    /** Pictures of measured data with at least this many pixels (256x256) use {@link Deflater#HUFFMAN_ONLY}. */
    public static final int LARGE_PIXELS = 1 << 16;
    /** The plugin that shows images. */
    public static final String PLUGIN_NAME = "images";
    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME))
        .build().toByteArray();

    private final EncodedImageBody body = new EncodedImageBody();

    private byte[] pixels = new byte[0];
    private byte[] grid = new byte[0];
    private PngEncoder png;
    private PngEncoder huffman;
    private PngEncoder last;

    /**
     * Encodes the payload's picture and writes it as one {@code Summary.Image} value of the main run.
     */
    public void write(ImagePayload image, EventWriter out, long wallTimeMillis) throws IOException {
        ImageShape shape = image.shape();
        int length;
        if (image.floats() != null) {
            length = encode(image.floats(), shape, image.scaling(), image.compressionLevel());
        } else if (image.doubles() != null) {
            length = encode(image.doubles(), shape, image.scaling(), image.compressionLevel());
        } else {
            length = encode(image.bytes(), shape, image.scaling(), image.compressionLevel(), image.rendered());
        }
        body.of(shape.gridHeight(), shape.gridWidth(), shape.channels(), buffer(), length); // buffer() after encode
        out.writeValue(null, image.tag(), image.step(), wallTimeMillis, METADATA, body);
    }

    /**
     * Encodes a float batch, values meant in [0, 1].
     *
     * @param src at least {@code shape.values()} values, layout (N, H, W, C)
     * @param compressionLevel deflate level 0..9
     * @return the PNG's length; the PNG is {@code buffer()[0, length)}
     */
    public int encode(float[] src, ImageShape shape, ImageScaling scaling, int compressionLevel) {
        int n = shape.values();
        byte[] dst = pixels(n);
        switch (scaling) {
            case CLIP -> Quantize.clip(src, 0, dst, 0, n);
            case EQUALIZE -> Quantize.equalize(src, 0, dst, 0, n);
            case EQUALIZE_PER_IMAGE -> Quantize.equalizePerImage(src, 0, dst, 0, shape.count(), shape.valuesPerImage());
            default -> throw new IllegalArgumentException("scaling " + scaling);
        }
        return encodeRaster(dst, shape, compressionLevel, false);
    }

    /** As {@link #encode(float[], ImageShape, ImageScaling, int)}, for doubles (double arithmetic). */
    public int encode(double[] src, ImageShape shape, ImageScaling scaling, int compressionLevel) {
        int n = shape.values();
        byte[] dst = pixels(n);
        switch (scaling) {
            case CLIP -> Quantize.clip(src, 0, dst, 0, n);
            case EQUALIZE -> Quantize.equalize(src, 0, dst, 0, n);
            case EQUALIZE_PER_IMAGE -> Quantize.equalizePerImage(src, 0, dst, 0, shape.count(), shape.valuesPerImage());
            default -> throw new IllegalArgumentException("scaling " + scaling);
        }
        return encodeRaster(dst, shape, compressionLevel, false);
    }

    /**
     * As {@link #encode(float[], ImageShape, ImageScaling, int)}, for unsigned bytes 0..255.
     *
     * @param rendered a figure or {@code BufferedImage}: always the default deflate strategy
     */
    public int encode(byte[] src, ImageShape shape, ImageScaling scaling, int compressionLevel, boolean rendered) {
        int n = shape.values();
        byte[] raster = src; // CLIP: bytes are pixels already, no copy
        if (scaling == ImageScaling.EQUALIZE) {
            raster = pixels(n);
            Equalize.equalize(src, 0, raster, 0, n);
        } else if (scaling == ImageScaling.EQUALIZE_PER_IMAGE) {
            raster = pixels(n);
            Equalize.equalizePerImage(src, 0, raster, 0, shape.count(), shape.valuesPerImage());
        }
        return encodeRaster(raster, shape, compressionLevel, rendered);
    }

    /** @return the PNG of the last {@code encode}, valid up to the length it returned */
    public byte[] buffer() {
        return last.buffer();
    }

    /** Frees the deflaters' native memory. */
    @Override
    public void close() {
        if (png != null) {
            png.close();
            png = null;
        }
        if (huffman != null) {
            huffman.close();
            huffman = null;
        }
        last = null;
    }

    private int encodeRaster(byte[] raster, ImageShape shape, int compressionLevel, boolean rendered) {
        PngEncoder encoder = encoder(compressionLevel, !rendered && shape.gridPixels() >= LARGE_PIXELS);
        last = encoder;
        if (shape.count() == 1) {
            return encoder.encode(raster, 0, shape.width(), shape.height(), shape.channels());
        }
        int g = shape.gridValues();
        if (grid.length < g) {
            grid = new byte[g];
        }
        Tile.tile(raster, 0, shape, grid, 0);
        return encoder.encode(grid, 0, shape.gridWidth(), shape.gridHeight(), shape.channels());
    }

    private PngEncoder encoder(int compressionLevel, boolean large) {
        if (png == null || png.compressionLevel() != compressionLevel) {
            close();
            png = new PngEncoder(compressionLevel, PngEncoder.FILTER_DEFAULT);
        }
        if (!large || compressionLevel == 0) { // level 0 stores: no strategy to choose
            return png;
        }
        if (huffman == null) {
            huffman = new PngEncoder(compressionLevel, PngEncoder.FILTER_DEFAULT, Deflater.HUFFMAN_ONLY);
        }
        return huffman;
    }

    private byte[] pixels(int n) {
        if (pixels.length < n) {
            pixels = new byte[n];
        }
        return pixels;
    }
}
