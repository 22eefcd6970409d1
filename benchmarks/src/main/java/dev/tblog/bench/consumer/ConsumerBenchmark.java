package dev.tblog.bench.consumer;

import dev.tblog.Logger;
import dev.tblog.LoggerStats;
import dev.tblog.bench.Benchmarks;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The consumer at the speed of the disk (issue 13): scalars per second from the first
 * {@code addScalar} to the OS, steady state, against the ceiling of the disk path in the same run.
 *
 * <ul>
 *   <li>{@link #ceiling}: the bytes tblog writes for the same scalars, pre-encoded, written with the
 *       same channel in the same 64 KiB chunks ({@link CeilingBytes}): the limit. Its score is in
 *       scalars per second, so every tblog score reads as "x % of the ceiling".</li>
 *   <li>{@link #producers1}, {@link #producers4}: tblog, 1 and 4 producer threads, each logging
 *       {@link #BATCH} scalars (its own tags, {@code tagsPerStep} per step) and then {@code flush()},
 *       so the score counts only scalars that reached the OS. Default configuration (ring 65536,
 *       the default wait strategy, {@code block}, no fsync until close).</li>
 * </ul>
 * {@code otherWork} busy threads run beside (0, or 2: half of the 2-core VM taken by other work).
 * Every iteration opens a fresh logger and file and fails the run unless every call was written.
 *
 * <p>With {@code -prof dev.tblog.bench.consumer.SideFigures}: {@code consumer.cpu/scalar} (CPU of
 * the consumer thread per scalar, ns), {@code bytes/scalar} (bytes on disk), and for the ceiling
 * {@code writer.cpu/scalar}. With {@code -prof gc}: {@code gc.alloc.rate.norm}, all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class ConsumerBenchmark {
    /** Scalars per invocation, before the flush that ends it; a multiple of 8. */
    public static final int BATCH = 100_000;

    /** The logger of one iteration, and the other work beside it. */
    @State(Scope.Benchmark)
    public static class Pipeline {
        /** Busy threads beside the logger: 0, or 2 (other work on the machine). */
        @Param({"0"})
        public int otherWork;

        private final LongAdder calls = new LongAdder();
        private Path dir;
        private Logger log;
        private OtherWork other;

        @Setup(Level.Iteration)
        public void open() {
            dir = Benchmarks.tempDir("tblog-consumer");
            log = Benchmarks.logger(dir);
            calls.reset();
            other = OtherWork.start(otherWork);
        }

        void batch(Workload w) {
            w.log(log, BATCH);
            log.flush();
            calls.add(BATCH);
        }

        @TearDown(Level.Iteration)
        public void close() {
            other.close();
            long consumerCpu = ThreadCpu.nanos(ThreadCpu.CONSUMERS);
            LoggerStats s = Benchmarks.closeAndCheck(log);
            if (s.written() != calls.sum() || s.dropped() != 0) {
                throw new IllegalStateException("benchmark result is wrong: " + calls.sum() + " calls, " + s);
            }
            SideFigures.put("consumer.cpu/scalar", (double) consumerCpu / s.written(), "ns");
            SideFigures.put("bytes/scalar", (double) s.bytes() / s.written(), "B");
            Benchmarks.delete(dir);
        }
    }

    /** The other work beside the ceiling. */
    @State(Scope.Benchmark)
    public static class CeilingWork {
        @Param({"0"})
        public int otherWork;

        private OtherWork other;

        @Setup(Level.Iteration)
        public void start() {
            other = OtherWork.start(otherWork);
        }

        @TearDown(Level.Iteration)
        public void stop() {
            other.close();
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void ceiling(CeilingBytes bytes, CeilingWork work) {
        bytes.writeBatch();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void producers1(Pipeline p, Workload w) {
        p.batch(w);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(BATCH)
    public void producers4(Pipeline p, Workload w) {
        p.batch(w);
    }
}
