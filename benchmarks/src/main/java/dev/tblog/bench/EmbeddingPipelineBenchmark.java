package dev.tblog.bench;

import dev.tblog.Embedding;
import dev.tblog.Images;
import dev.tblog.Logger;
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
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code addEmbedding} of 10,000 x 64 floats with a label per row and 10,000 10x10 gray thumbnails
 * (issue 15's size), against what a synchronous writer does for the same embedding.
 * <ul>
 *   <li>{@link #call}: what the simulation thread pays, making the {@code Embedding} (the labels are
 *       copied into strings and checked there) and logging it (the matrix and thumbnails copied into
 *       pooled memory), against an idle consumer (the invocation tear-down flushes): sampled;</li>
 *   <li>{@link #callPrebuilt}: the call alone, the {@code Embedding} made once in the set-up;</li>
 *   <li>{@link #copyOnly}: the floor of any call that lets the caller reuse its arrays at once,
 *       {@code System.arraycopy} of the matrix and the thumbnails into arrays kept for it;
 *       {@link #copyRotating}: the same into one of {@value #ROTATION} pairs of arrays in turn, as a
 *       pool hands out arrays that are no longer in the cache;</li>
 *   <li>{@link #endToEnd}: make, log and {@code flush()}: every file written (tensor, metadata,
 *       1000x1000 sprite PNG, entry, config), each through a temporary name and a rename, fsynced
 *       first unless {@code fsync.policy=never} ({@link #fsync});</li>
 *   <li>{@link #pythonStyleOnCaller}: the baseline, the Python writers' way, all on the caller's
 *       thread: the matrix as a TSV of decimals, the labels TSV, the sprite through ImageIO, the
 *       config appended, plain writes (no rename, no fsync) into a fresh folder per call.</li>
 * </ul>
 * The tear-down fails the run unless every call was written ({@link Benchmarks#closeAndCheck}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EmbeddingPipelineBenchmark {
    static final int ROWS = 10_000;
    static final int DIMS = 64;
    static final int THUMB = 10;
    static final int ROTATION = 4;

    /** {@code fsync.policy}: {@code never}, or the default {@code close} (asset files fsynced before their rename). */
    @Param({"never", "close"})
    public String fsync;

    private float[] matrix;
    private float[] thumbnails;
    private float[] matrixCopy;
    private float[] thumbnailsCopy;
    private float[][] matrixCopies;
    private float[][] thumbnailsCopies;
    private List<String> labels;
    private Embedding prebuilt;
    private Path dir;
    private Logger log;
    private long step;
    private int baselineCalls;

    @Setup(Level.Trial)
    public void data() {
        Random random = new Random(15);
        matrix = new float[ROWS * DIMS];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) random.nextGaussian();
        }
        thumbnails = new float[ROWS * THUMB * THUMB];
        for (int i = 0; i < thumbnails.length; i++) {
            thumbnails[i] = random.nextFloat();
        }
        labels = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            labels.add("class-" + (i % 10));
        }
        prebuilt = embedding();
        matrixCopy = new float[matrix.length];
        thumbnailsCopy = new float[thumbnails.length];
        matrixCopies = new float[ROTATION][matrix.length];
        thumbnailsCopies = new float[ROTATION][thumbnails.length];
    }

    /** A fresh logger and folder every iteration, so that a growing folder is not what is timed. */
    @Setup(Level.Iteration)
    public void openLogger() {
        dir = Benchmarks.tempDir("tblog-embeddings");
        log = Benchmarks.logger(dir, "fsync.policy", fsync);
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

    private Embedding embedding() {
        return Embedding.of(matrix, ROWS, DIMS).labels(labels).thumbnails(Images.gray(thumbnails, ROWS, THUMB, THUMB));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void call() {
        log.addEmbedding("fields", embedding(), step++);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void callPrebuilt() {
        log.addEmbedding("fields", prebuilt, step++);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public float copyOnly() {
        System.arraycopy(matrix, 0, matrixCopy, 0, matrix.length);
        System.arraycopy(thumbnails, 0, thumbnailsCopy, 0, thumbnails.length);
        return matrixCopy[(int) (step++ % matrix.length)] + thumbnailsCopy[0];
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public float copyRotating() {
        int k = (int) (step++ % ROTATION);
        System.arraycopy(matrix, 0, matrixCopies[k], 0, matrix.length);
        System.arraycopy(thumbnails, 0, thumbnailsCopies[k], 0, thumbnails.length);
        return matrixCopies[k][k] + thumbnailsCopies[k][0];
    }

    @Benchmark
    public void endToEnd() {
        log.addEmbedding("fields", embedding(), step++);
        log.flush();
    }

    @Benchmark
    public long pythonStyleOnCaller() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("python").resolve(String.format("%05d", baselineCalls++)));
        StringBuilder tsv = new StringBuilder(ROWS * DIMS * 12);
        for (int r = 0; r < ROWS; r++) {
            for (int d = 0; d < DIMS; d++) {
                if (d > 0) {
                    tsv.append('\t');
                }
                tsv.append(matrix[r * DIMS + d]);
            }
            tsv.append('\n');
        }
        Files.writeString(folder.resolve("tensors.tsv"), tsv);
        Files.write(folder.resolve("metadata.tsv"), labels);
        int k = (int) Math.ceil(Math.sqrt(ROWS));
        BufferedImage sprite = new BufferedImage(k * THUMB, k * THUMB, BufferedImage.TYPE_BYTE_GRAY);
        byte[] cell = new byte[THUMB * THUMB];
        for (int i = 0; i < ROWS; i++) {
            for (int p = 0; p < cell.length; p++) {
                cell[p] = (byte) Math.min(Math.max((int) (thumbnails[i * cell.length + p] * 255f), 0), 255);
            }
            sprite.getRaster().setDataElements((i % k) * THUMB, (i / k) * THUMB, THUMB, THUMB, cell);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(sprite, "png", png)) {
            throw new IllegalStateException("no PNG writer");
        }
        Files.write(folder.resolve("sprite.png"), png.toByteArray());
        String entry = "embeddings {\n  tensor_name: \"fields:" + String.format("%05d", baselineCalls)
            + "\"\n  tensor_path: \"" + folder.getFileName() + "/tensors.tsv\"\n}\n";
        Files.writeString(dir.resolve("python").resolve("projector_config.pbtxt"), entry, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return Files.size(folder.resolve("tensors.tsv")) + png.size();
    }

    static {
        ImageIO.setUseCache(false);
    }
}
