package dev.tblog.bench.log4j2;

import dev.tblog.bench.harness.Harness;
import org.apache.logging.log4j.util.Unbox;
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
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Producer-side cost of one Log4j2 all-async, garbage-free line carrying a scalar call
 * ({@code "{} {} {}"}, tag, step, value; primitives through {@link Unbox#box}): the twin of
 * {@code dev.tblog.bench.AddScalarLatencyBenchmark}, with the same pacing, the same
 * {@link #workOnly} baseline, the same heap, ring size 65536 and the sleeping wait strategy.
 * Run with {@code -prof gc}. Each iteration ends by checking that every call reached the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
    "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
    "-Dlog4j2.asyncLoggerRingBufferSize=65536", "-Dlog4j2.asyncLoggerWaitStrategy=Sleep",
    "-Dlog4j2.asyncQueueFullPolicy=Default",
    "-Dlog4j2.enableThreadlocals=true", "-Dlog4j2.enableDirectEncoders=true",
    "-Dlog4j2.is.webapp=false", "-Dlog4j2.disable.jmx=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Log4j2LatencyBenchmark {
    /** consumeCPU tokens of simulated work per call (~1.5-2 ns each). */
    @Param("100")
    public int work;

    private Path dir;
    private AsyncLog4j2 log;
    private long step;
    private long calls;

    @Setup(Level.Iteration)
    public void open() {
        dir = Harness.tempDir("log4j2-latency");
        log = AsyncLog4j2.open(dir.resolve("bench.log"));
        calls = 0;
    }

    @TearDown(Level.Iteration)
    public void close() {
        Harness.checkAllDelivered("Log4j2 (Disruptor " + AsyncLog4j2.disruptorVersion() + ")", calls,
            log.closeAndCountLines());
        Harness.delete(dir);
    }

    @Benchmark
    public void logLine() {
        log.logger.info("{} {} {}", "loss", Unbox.box(step++), Unbox.box(0.5));
        calls++;
        Blackhole.consumeCPU(work);
    }

    @Benchmark
    public void workOnly() {
        Blackhole.consumeCPU(work);
    }
}
