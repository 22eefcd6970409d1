package dev.tblog.bench.consumer;

import dev.tblog.config.FsyncPolicy;
import dev.tblog.pipeline.ConsumerHandler;
import dev.tblog.pipeline.PipelineState;
import dev.tblog.pipeline.RunFiles;
import dev.tblog.pipeline.SelfMetrics;
import dev.tblog.ring.LogSlot;
import dev.tblog.ring.ScalarClock;
import dev.tblog.ring.ScalarFastPath;
import dev.tblog.ring.TagIds;
import dev.tblog.sink.EventSink;
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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The consumer's own work per scalar, alone on one thread: the slot handed to the consumer's
 * handler, encoded, framed, written at the end of each batch of {@link #BATCH} to a sink that takes
 * the bytes and keeps none. No ring, no producers, no disk: what the consumer costs, measured
 * without the noise of a shared machine's scheduling. Reaches into the internal pipeline (the
 * benchmarks jar has the library on its class path, not its module path).
 *
 * <p>With {@code -prof dev.tblog.bench.consumer.SideFigures}: {@code cpu/scalar}, the thread's CPU
 * time per scalar (steadier than the score on a shared machine: it leaves out the time the thread
 * waited for a core), and {@code bytes/scalar}. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the consumer's allocation per scalar in
 * the steady state: 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConsumerPathBenchmark {
    /** Slots per batch: the consumer writes to the sink at the end of each. */
    static final int BATCH = 1024;

    /** Tags logged at each step: 1, or 8 (which coalescing packs into one event). */
    @Param({"1", "8"})
    public int tagsPerStep;

    /** {@code write.coalesceSteps}. */
    @Param({"true", "false"})
    public boolean coalesceSteps;

    /**
     * Whether slots carry their tag's id ({@code addScalar}'s path since issue 13's second step) or
     * the tag itself (past 65,536 tags): the same run measures both.
     */
    @Param({"true", "false"})
    public boolean tagIds;

    private final LogSlot slot = new LogSlot();
    private String[] tags;
    private int[] ids;
    private ConsumerHandler handler;
    private long sequence;
    private long step;
    private long sunk;
    private long sequenceAtStart;
    private long sunkAtStart;
    private long cpuAtStart;

    @Setup(Level.Trial)
    public void open() throws IOException {
        tags = Workload.tags(0, tagsPerStep);
        TagIds tagIds = new TagIds();
        ids = new int[tags.length];
        for (int k = 0; k < tags.length; k++) {
            ids[k] = this.tagIds ? tagIds.register(tags[k]) : -1;
        }
        RunFiles runs = new RunFiles(Path.of("consumer-path"), this::discarding, 65536, 0, false, coalesceSteps);
        // The clock the consumer keeps fresh for producers, over this benchmark's own sequence.
        ScalarFastPath scalarPath = new ScalarFastPath(new ScalarClock(() -> sequence), tagIds);
        handler = new ConsumerHandler(runs, new PipelineState(), FsyncPolicy.NEVER, t -> {
            throw new IllegalStateException("consumer failed", t);
        }, new SelfMetrics(false, 10_000, () -> 0, () -> 0, () -> 0), scalarPath, null); // no producers to wake
    }

    private EventSink discarding(Path dir, String name) {
        return new EventSink() {
            private long size;

            @Override
            public void write(ByteBuffer bytes) {
                size += bytes.remaining();
                sunk += bytes.remaining();
                bytes.position(bytes.limit());
            }

            @Override
            public void force() {
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public String describe() {
                return "discarding " + name;
            }

            @Override
            public void close() {
            }
        };
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void consumeScalars() {
        String[] t = tags;
        int[] id = ids;
        long wallTime = System.currentTimeMillis();
        handler.onBatchStart(BATCH, BATCH);
        for (int i = 0; i < BATCH; ) {
            for (int k = 0; k < t.length; k++, i++) {
                if (id[k] >= 0) {
                    slot.setScalar(sequence, id[k], step, i, wallTime);
                } else {
                    slot.setScalar(sequence, t[k], step, i, wallTime);
                }
                handler.onEvent(slot, sequence++, i == BATCH - 1);
            }
            step++;
        }
    }

    @Setup(Level.Iteration)
    public void count() {
        sequenceAtStart = sequence;
        sunkAtStart = sunk;
        cpuAtStart = ThreadCpu.currentThreadNanos();
    }

    @TearDown(Level.Iteration)
    public void check() {
        long cpu = ThreadCpu.currentThreadNanos() - cpuAtStart;
        long events = sequence - sequenceAtStart;
        long bytes = sunk - sunkAtStart;
        if (bytes < events * 16) {
            throw new IllegalStateException("benchmark result is wrong: " + bytes + " bytes for " + events + " scalars");
        }
        SideFigures.put("bytes/scalar", (double) bytes / events, "B");
        // CPU time of this thread: the work itself, without the time a shared machine took it away.
        SideFigures.put("cpu/scalar", (double) cpu / events, "ns");
    }
}
