package dev.tblog.bench;

import dev.tblog.image.Channels;
import dev.tblog.image.ImageShape;
import dev.tblog.image.PngEncoder;
import dev.tblog.image.PngFilter;
import dev.tblog.image.Quantize;
import dev.tblog.image.Tile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PNG encoding of a gray float field (a smooth pattern plus 10 % noise, like a firing-rate map):
 * tblog's encoder as gray and as RGB (the Python writers' storage) against {@code javax.imageio}, and
 * the end-to-end path (float values to PNG bytes, tiling for the batch). Shapes {@code 1xHxW} are one
 * image, {@code 100x10x10} a tiled batch. The tear-down decodes every variant's PNG and fails the run
 * unless it has the expected size and first pixel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PngEncodeBenchmark {

    @Param({"1x100x100", "1x512x512", "100x10x10"})
    public String shape;

    @Param({"1"})
    public int level;

    @Param({"UP"})
    public PngFilter filter;

    private ImageShape imageShape;
    private float[] values;
    private byte[] bytes;
    private byte[] gray;
    private byte[] rgb;
    private PngEncoder png;
    private BufferedImage grayImage;
    private final ByteArrayOutputStream imageIoOut = new ByteArrayOutputStream(1 << 20);

    /** The same field the results file describes: smooth waves plus uniform noise, in [0, 1]. */
    static float[] field(ImageShape s) {
        float[] v = new float[s.values()];
        java.util.Random random = new java.util.Random(7);
        int w = s.width();
        int h = s.height();
        for (int n = 0; n < s.count(); n++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double smooth = 0.5 + 0.4 * Math.sin(x / 9.0) * Math.cos(y / 13.0);
                    v[(n * h + y) * w + x] = (float) (0.9 * smooth + 0.1 * random.nextDouble());
                }
            }
        }
        return v;
    }

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        imageShape = ImageShape.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), 1);
        values = field(imageShape);
        bytes = new byte[imageShape.values()];
        gray = new byte[imageShape.gridValues()];
        rgb = new byte[3 * imageShape.gridValues()];
        Quantize.clip(values, 0, bytes, 0, values.length);
        Tile.tile(bytes, 0, imageShape, gray, 0);
        Channels.grayToRgb(gray, 0, rgb, 0, gray.length);
        png = new PngEncoder(level, filter);
        grayImage = new BufferedImage(imageShape.gridWidth(), imageShape.gridHeight(), BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(gray, 0, ((DataBufferByte) grayImage.getRaster().getDataBuffer()).getData(), 0, gray.length);
    }

    /**
     * Runs at trial level, so its allocations (ImageIO decoding) stay out of gc.alloc.rate.norm.
     * encode() is called before buffer(): encode may replace the array.
     */
    @TearDown(Level.Trial)
    public void check() throws IOException {
        int expected = gray[0] & 0xFF;
        int length = tblogGray();
        checkPng(png.buffer(), length, expected);
        int grayLength = length;
        length = tblogRgb();
        checkPng(png.buffer(), length, expected);
        int rgbLength = length;
        length = endToEndGray();
        checkPng(png.buffer(), length, expected);
        imageIoGray();
        checkPng(imageIoOut.toByteArray(), imageIoOut.size(), expected);
        System.out.printf("%n[size] %s level=%d filter=%s: tblog gray %d B, tblog RGB %d B, ImageIO gray %d B%n",
                shape, level, filter, grayLength, rgbLength, imageIoOut.size());
        png.close();
    }

    private void checkPng(byte[] buffer, int length, int firstPixel) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(buffer, 0, length));
        if (length <= 0 || decoded == null || decoded.getWidth() != imageShape.gridWidth()
                || decoded.getHeight() != imageShape.gridHeight()
                || decoded.getRaster().getSample(0, 0, 0) != firstPixel) {
            throw new IllegalStateException("PNG of " + length + " bytes does not decode to the image");
        }
    }

    /** Encode only: the gray raster as a gray PNG (colour type 0). */
    @Benchmark
    public int tblogGray() {
        return png.encode(gray, 0, imageShape.gridWidth(), imageShape.gridHeight(), 1);
    }

    /** Encode only: the same pixels as an RGB PNG (colour type 2), as the Python writers store gray. */
    @Benchmark
    public int tblogRgb() {
        return png.encode(rgb, 0, imageShape.gridWidth(), imageShape.gridHeight(), 3);
    }

    /** Whole kernel path: floats to bytes (clip), tile, gray PNG. */
    @Benchmark
    public int endToEndGray() {
        Quantize.clip(values, 0, bytes, 0, values.length);
        Tile.tile(bytes, 0, imageShape, gray, 0);
        return png.encode(gray, 0, imageShape.gridWidth(), imageShape.gridHeight(), 1);
    }

    /** Baseline: javax.imageio's PNG writer on the same gray pixels (its default settings). */
    @Benchmark
    public int imageIoGray() throws IOException {
        imageIoOut.reset();
        ImageIO.write(grayImage, "png", imageIoOut);
        return imageIoOut.size();
    }
}
