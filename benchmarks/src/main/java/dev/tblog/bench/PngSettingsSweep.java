package dev.tblog.bench;

import dev.tblog.image.ImageShape;
import dev.tblog.image.PngEncoder;
import dev.tblog.image.Quantize;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Time against size of our PNG encoder for one setting of a sweep, on the gray float field of
 * {@link PngEncodeBenchmark#field}: subclasses give the size and the encoder. The PNG size is printed
 * as a {@code [size]} line at the end of the trial; the tear-down decodes the PNG and fails the run
 * when it does not match the picture.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public abstract class PngSettingsSweep {
    private int width;
    private int height;
    private byte[] gray;
    private PngEncoder png;

    /** The picture's size, {@code HEIGHTxWIDTH}. */
    protected abstract String size();

    /** The encoder of this setting. */
    protected abstract PngEncoder newEncoder();

    /** The setting, for the {@code [size]} line. */
    protected abstract String describe();

    @Setup
    public void setUp() {
        String[] p = size().split("x");
        height = Integer.parseInt(p[0]);
        width = Integer.parseInt(p[1]);
        float[] values = PngEncodeBenchmark.field(ImageShape.of(1, height, width, 1));
        gray = new byte[values.length];
        Quantize.clip(values, 0, gray, 0, values.length);
        png = newEncoder();
    }

    @TearDown(Level.Trial)
    public void check() throws IOException {
        int length = encode();
        var decoded = ImageIO.read(new ByteArrayInputStream(png.buffer(), 0, length));
        if (decoded == null || decoded.getWidth() != width || decoded.getHeight() != height
            || decoded.getRaster().getSample(0, 0, 0) != (gray[0] & 0xFF)
            || decoded.getRaster().getSample(width - 1, height - 1, 0) != (gray[gray.length - 1] & 0xFF)) {
            throw new IllegalStateException("PNG does not decode to the image");
        }
        System.out.printf("%n[size] %s %s: %d B%n", size(), describe(), length);
        png.close();
    }

    @Benchmark
    public int encode() {
        return png.encode(gray, 0, width, height, 1);
    }
}
