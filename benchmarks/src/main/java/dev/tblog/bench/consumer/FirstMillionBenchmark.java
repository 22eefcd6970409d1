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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The first million scalars of a fresh JVM, where short simulations live: no warm-up at all, one
 * shot per fork (a fresh JVM each), from the first {@code addScalar} to the return of the
 * {@code flush()} after the millionth. The logger is built before the clock starts (its file
 * created, its consumer started), as a simulation builds it before its first step. Beside it, the
 * ceiling for the same bytes, also cold. Scores are in microseconds per scalar; 1e6 / score is
 * scalars per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstMillionBenchmark {
    static final int SCALARS = 1_000_000;

    /** tblog's logger, built before the clock starts; only the tblog benchmark takes it. */
    @State(Scope.Benchmark)
    public static class Run {
        private Path dir;
        Logger log;

        @Setup(Level.Iteration)
        public void open() {
            dir = Benchmarks.tempDir("tblog-first-million");
            log = Benchmarks.logger(dir);
        }

        @TearDown(Level.Iteration)
        public void close() {
            LoggerStats s = Benchmarks.closeAndCheck(log);
            if (s.written() != SCALARS) {
                throw new IllegalStateException("benchmark result is wrong: " + s);
            }
            SideFigures.put("bytes/scalar", (double) s.bytes() / s.written(), "B");
            Benchmarks.delete(dir);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SCALARS)
    public void tblog(Run run, Workload w) {
        w.log(run.log, SCALARS);
        run.log.flush();
    }

    /** The ceiling of the same bytes, cold too; its bytes are encoded in a set-up that is not timed. */
    @State(Scope.Benchmark)
    public static class Ceiling extends CeilingBytes {
        @Override
        int scalars() {
            return SCALARS;
        }
    }

    @Benchmark
    @OperationsPerInvocation(SCALARS)
    public void ceiling(Ceiling bytes) {
        bytes.writeBatch();
    }
}
