package dev.tblog.bench;

import dev.tblog.image.ImageShape;
import dev.tblog.image.PngEncoder;
import dev.tblog.image.PngFilter;
import dev.tblog.image.Quantize;
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

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/**
 * Deflate strategy against time and size for large gray pictures (the 512x512 target): level 1 with
 * the default strategy, {@code FILTERED}, {@code HUFFMAN_ONLY}, and level 0. Sizes are printed as
 * {@code [size]} lines; the tear-down decodes the PNG and fails the run if it is wrong.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PngStrategyBenchmark {

    @Param({"512x512"})
    public String size;

    @Param({"DEFAULT", "FILTERED", "HUFFMAN_ONLY", "STORED"})
    public String strategy;

    @Param({"UP", "SUB"})
    public PngFilter filter;

    private int width;
    private int height;
    private byte[] gray;
    private PngEncoder png;

    @Setup
    public void setUp() {
        String[] p = size.split("x");
        height = Integer.parseInt(p[0]);
        width = Integer.parseInt(p[1]);
        float[] values = PngEncodeBenchmark.field(ImageShape.of(1, height, width, 1));
        gray = new byte[values.length];
        Quantize.clip(values, 0, gray, 0, values.length);
        png = switch (strategy) {
            case "DEFAULT" -> new PngEncoder(1, filter, Deflater.DEFAULT_STRATEGY);
            case "FILTERED" -> new PngEncoder(1, filter, Deflater.FILTERED);
            case "HUFFMAN_ONLY" -> new PngEncoder(1, filter, Deflater.HUFFMAN_ONLY);
            default -> new PngEncoder(0, filter);
        };
    }

    @TearDown(Level.Trial)
    public void check() throws IOException {
        int length = encode();
        var decoded = ImageIO.read(new ByteArrayInputStream(png.buffer(), 0, length));
        if (decoded == null || decoded.getWidth() != width
            || decoded.getRaster().getSample(width - 1, height - 1, 0) != (gray[gray.length - 1] & 0xFF)) {
            throw new IllegalStateException("PNG does not decode to the image");
        }
        System.out.printf("%n[size] %s strategy=%s filter=%s: %d B%n", size, strategy, filter, length);
        png.close();
    }

    @Benchmark
    public int encode() {
        return png.encode(gray, 0, width, height, 1);
    }
}
