package dev.tblog.bench;

import dev.tblog.Logger;
import dev.tblog.bench.baseline.SyncEventWriter;
import dev.tblog.read.RecordReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sustained end-to-end scalar events per second to a real file, 1 and 4 producers: each invocation
 * logs a batch and then flushes, so the figure counts only events that reached the file. Baseline
 * in the same run: {@link SyncEventWriter}, the synchronous writer under a lock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Ddev.tblog.internal.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ScalarThroughputBenchmark {
    static final int BATCH = 100_000;

    private Path dir;
    private Logger log;
    private SyncEventWriter sync;
    /** Calls made this iteration, per writer: what the tear-down checks the files against. */
    private final LongAdder tblogCalls = new LongAdder();
    private final LongAdder syncCalls = new LongAdder();

    /** Each thread logs its own tag and its own steps. */
    @State(Scope.Thread)
    public static class Producer {
        private static final AtomicInteger IDS = new AtomicInteger();
        final String tag = "producer/" + IDS.getAndIncrement();
        long step;
    }

    /**
     * Fresh files every iteration: at millions of events a second one file per trial would grow to
     * gigabytes, and the page cache's write-back throttling would then time the disk, not the writer.
     */
    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Benchmarks.tempDir("tblog-throughput");
        log = Benchmarks.logger(dir);
        sync = new SyncEventWriter(dir.resolve("events.out.tfevents.sync"));
        tblogCalls.reset();
        syncCalls.reset();
    }

    /** Fails the run unless each writer's file holds every call it was given (plus its version record). */
    @TearDown(Level.Iteration)
    public void close() throws IOException {
        long published = Benchmarks.closeAndCheck(log).published();
        if (published != tblogCalls.sum()) {
            throw new IllegalStateException("tblog published " + published + " of " + tblogCalls.sum() + " calls");
        }
        sync.close();
        long syncRecords = RecordReader.readAll(dir.resolve("events.out.tfevents.sync")).size() - 1;
        if (syncRecords != syncCalls.sum()) {
            throw new IllegalStateException("the synchronous writer wrote " + syncRecords + " of " + syncCalls.sum()
                + " calls");
        }
        Benchmarks.delete(dir);
    }

    private void tblogBatch(Producer p) {
        for (int i = 0; i < BATCH; i++) {
            log.addScalar(p.tag, i, p.step++);
        }
        log.flush();
        tblogCalls.add(BATCH);
    }

    private void syncBatch(Producer p) throws IOException {
        for (int i = 0; i < BATCH; i++) {
            sync.addScalar(p.tag, i, p.step++);
        }
        sync.flush();
        syncCalls.add(BATCH);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void tblog1Producer(Producer p) {
        tblogBatch(p);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(BATCH)
    public void tblog4Producers(Producer p) {
        tblogBatch(p);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void syncBaseline1Producer(Producer p) throws IOException {
        syncBatch(p);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(BATCH)
    public void syncBaseline4Producers(Producer p) throws IOException {
        syncBatch(p);
    }
}
