package dev.tblog.bench;

import dev.tblog.Image;
import dev.tblog.Images;
import dev.tblog.Logger;
import dev.tblog.image.ImageShape;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The image pipeline through the logger, per picture, against the synchronous baseline.
 * <ul>
 *   <li>{@link #producer}: what the simulation thread pays for {@code addImage}/{@code addImages}
 *       (validate, pooled copy, publish): a burst of {@value #BATCH} calls, then, outside the timing,
 *       a flush so the next burst starts with an idle consumer and a free pool;</li>
 *   <li>{@link #endToEnd}: a burst of {@value #BATCH} calls and a flush, so every picture is
 *       equalized/clipped, tiled, PNG-encoded and written: the consumer's throughput per picture;</li>
 *   <li>{@link #imageIoOnCaller}: the baseline, what a synchronous writer does on the caller's
 *       thread: clip to bytes, tile, {@code ImageIO.write(png)} (JDK default settings).</li>
 * </ul>
 * Shapes: {@code 1x100x100} and {@code 1x512x512} gray floats ({@code addImage}), {@code 100x10x10}
 * ({@code addImages}, 8 x 13 cells: 130x80). Data: the firing-rate field of {@link PngEncodeBenchmark#field}.
 * The tear-down fails the run unless every call was written ({@link Benchmarks#closeAndCheck}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Ddev.tblog.internal.netty.leakDetection.level=disabled"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ImagePipelineBenchmark {
    static final int BATCH = 16;

    @Param({"1x100x100", "1x512x512", "100x10x10"})
    public String shape;

    private ImageShape s;
    private float[] values;
    private byte[] bytes;
    private byte[] grid;
    private Path dir;
    private Logger log;
    private long step;

    @Setup(Level.Trial)
    public void open() {
        String[] p = shape.split("x");
        s = ImageShape.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), 1);
        values = PngEncodeBenchmark.field(s);
        bytes = new byte[s.values()];
        grid = new byte[s.gridValues()];
    }

    /** A fresh logger and file every iteration, so that write-back of a huge file is not what is timed. */
    @Setup(Level.Iteration)
    public void openLogger() {
        dir = Benchmarks.tempDir("tblog-images");
        log = Benchmarks.logger(dir);
    }

    @TearDown(Level.Iteration)
    public void close() {
        Benchmarks.closeAndCheck(log);
        Benchmarks.delete(dir);
    }

    @TearDown(Level.Invocation)
    public void drain() {
        log.flush();
    }

    private void logOne() {
        if (s.count() == 1) {
            log.addImage("field", Image.gray(values, s.height(), s.width()), step++);
        } else {
            log.addImages("fields", Images.gray(values, s.count(), s.height(), s.width()), step++);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void producer() {
        for (int i = 0; i < BATCH; i++) {
            logOne();
        }
    }

    /**
     * What one call costs the caller when the consumer is idle (the invocation tear-down drained
     * it): sampled, for percentiles.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void call() {
        logOne();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void endToEnd() {
        for (int i = 0; i < BATCH; i++) {
            logOne();
        }
        log.flush();
    }

    @Benchmark
    public int imageIoOnCaller() {
        // clip like numpy: uint8(clip(x * 255, 0, 255)), then tile, then ImageIO on this thread
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) Math.min(Math.max((int) (values[i] * 255f), 0), 255);
        }
        int cols = s.gridColumns();
        int gw = s.gridWidth();
        for (int n = 0; n < s.count(); n++) {
            for (int y = 0; y < s.height(); y++) {
                System.arraycopy(bytes, (n * s.height() + y) * s.width(), grid,
                    ((n / cols) * s.height() + y) * gw + (n % cols) * s.width(), s.width());
            }
        }
        BufferedImage image = new BufferedImage(gw, s.gridHeight(), BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, gw, s.gridHeight(), grid);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
