package dev.tblog.bench;

import dev.tblog.image.ImageShape;
import dev.tblog.image.PngEncoder;
import dev.tblog.image.PngFilter;
import dev.tblog.image.Quantize;
import java.io.ByteArrayInputStream;
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
 * Size against time for each deflate level and filter, gray float field (see
 * {@link PngEncodeBenchmark#field}). The PNG size is printed as a {@code [size]} line at the end of the trial;
 * the tear-down decodes it and fails the run when it does not match.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PngLevelBenchmark {

    @Param({"100x100", "512x512"})
    public String size;

    @Param({"0", "1", "6", "9"})
    public int level;

    @Param({"NONE", "SUB", "UP", "ADAPTIVE"})
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
        png = new PngEncoder(level, filter);
    }

    @TearDown(Level.Trial)
    public void check() throws IOException {
        int length = encode();
        var decoded = ImageIO.read(new ByteArrayInputStream(png.buffer(), 0, length));
        if (decoded == null || decoded.getWidth() != width || decoded.getRaster().getSample(0, 0, 0) != (gray[0] & 0xFF)) {
            throw new IllegalStateException("PNG does not decode to the image");
        }
        System.out.printf("%n[size] %s level=%d filter=%s: %d B%n", size, level, filter, length);
        png.close();
    }

    @Benchmark
    public int encode() {
        return png.encode(gray, 0, width, height, 1);
    }
}
