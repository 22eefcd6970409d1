package dev.tblog.bench.consumer;

import dev.tblog.Logger;
import dev.tblog.bench.Benchmarks;
import dev.tblog.record.RecordDescriptor;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The ceiling of the disk path: the bytes tblog writes for {@link ConsumerBenchmark#BATCH} scalars of
 * the workload (pre-encoded once, by tblog itself, in the trial's set-up), written again and again with
 * the same channel ({@link FileChannel}, a fresh file per iteration) in the same chunks as tblog
 * ({@code write.thresholdBytes}, 64 KiB), no fsync. No encoder can beat it: whatever tblog spends above
 * it is the logger's.
 *
 * <p>Thread contract: JMH's set-up and tear-down, then the one benchmark thread.
 */
@State(Scope.Benchmark)
public class CeilingBytes {
    /** The chunk of every write, tblog's default {@code write.thresholdBytes}. */
    static final int CHUNK = 64 * 1024;

    /** Must match {@link Workload#tagsPerStep}: the encoded bytes are those of that workload. */
    @Param({"1", "8"})
    public int tagsPerStep;

    private ByteBuffer encoded;
    private Path dir;
    private FileChannel channel;
    private long cpuAtStart;
    private long batches;

    @Setup(Level.Trial)
    public void encode() throws IOException {
        Path tmp = Benchmarks.tempDir("tblog-ceiling-encode");
        try (Logger log = Benchmarks.logger(tmp)) {
            Workload w = new Workload();
            w.tagsPerStep = tagsPerStep;
            w.tags();
            w.log(log, scalars());
        }
        Path file;
        try (Stream<Path> files = Files.walk(tmp)) {
            file = files.filter(p -> p.getFileName().toString().contains("tfevents")).findFirst().orElseThrow();
        }
        byte[] all = Files.readAllBytes(file);
        long firstLength = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        int skip = (int) firstLength + RecordDescriptor.OVERHEAD_BYTES; // the file_version record
        encoded = ByteBuffer.allocateDirect(all.length - skip);
        encoded.put(all, skip, all.length - skip).flip();
        Benchmarks.delete(tmp);
    }

    /** Scalars in one batch of bytes: {@link ConsumerBenchmark#BATCH}. */
    int scalars() {
        return ConsumerBenchmark.BATCH;
    }

    /** Bytes per scalar of the pre-encoded run. */
    double bytesPerScalar() {
        return (double) encoded.capacity() / scalars();
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Benchmarks.tempDir("tblog-ceiling");
        channel = FileChannel.open(dir.resolve("events.out.tfevents.ceiling"), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        batches = 0;
        cpuAtStart = ThreadCpu.currentThreadNanos();
    }

    /** Writes the batch's bytes in chunks; allocation-free. */
    void writeBatch() {
        ByteBuffer b = encoded;
        int length = b.capacity();
        try {
            for (int position = 0; position < length; position += CHUNK) {
                b.limit(Math.min(length, position + CHUNK)).position(position);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batches++;
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        long cpu = ThreadCpu.currentThreadNanos() - cpuAtStart;
        long size = channel.size();
        channel.close();
        if (size != batches * encoded.capacity()) {
            throw new IllegalStateException("ceiling wrote " + size + " bytes, expected " + batches * encoded.capacity());
        }
        SideFigures.put("bytes/scalar", bytesPerScalar(), "B");
        SideFigures.put("writer.cpu/scalar", (double) cpu / (batches * scalars()), "ns");
        Benchmarks.delete(dir);
    }
}
