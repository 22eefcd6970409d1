package dev.tblog.bench;

import dev.tblog.image.ImageShape;
import dev.tblog.image.Quantize;
import dev.tblog.image.Tile;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * The pure kernels on the consumer's path: float values to bytes (with and without equalize) and
 * tiling. {@code -prof gc} should show gc.alloc.rate.norm of about 0 B/op.
 * The tear-down checks a known pixel so a broken kernel fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ImageKernelBenchmark {

    /** N x H x W gray: one 100x100 image, one 512x512 image, or a batch of 100 10x10 images. */
    @Param({"1x100x100", "1x512x512", "100x10x10"})
    public String shape;

    private ImageShape imageShape;
    private float[] values;
    private byte[] bytes;
    private byte[] grid;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        imageShape = ImageShape.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), 1);
        values = new float[imageShape.values()];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        values[0] = 0.5f;
        bytes = new byte[imageShape.values()];
        grid = new byte[imageShape.gridValues()];
    }

    @TearDown(Level.Trial)
    public void check() {
        Quantize.clip(values, 0, bytes, 0, values.length);
        if ((bytes[0] & 0xFF) != 127) {
            throw new IllegalStateException("0.5 must give 127, got " + (bytes[0] & 0xFF));
        }
        Tile.tile(bytes, 0, imageShape, grid, 0);
        if (grid[0] != bytes[0]) {
            throw new IllegalStateException("tile lost the first pixel");
        }
    }

    @Benchmark
    public byte[] toBytesClip() {
        Quantize.clip(values, 0, bytes, 0, values.length);
        return bytes;
    }

    @Benchmark
    public byte[] toBytesEqualize() {
        Quantize.equalize(values, 0, bytes, 0, values.length);
        return bytes;
    }

    @Benchmark
    public byte[] toBytesEqualizePerImage() {
        Quantize.equalizePerImage(values, 0, bytes, 0, imageShape.count(), imageShape.valuesPerImage());
        return bytes;
    }

    @Benchmark
    public byte[] tile() {
        Tile.tile(bytes, 0, imageShape, grid, 0);
        return grid;
    }
}
