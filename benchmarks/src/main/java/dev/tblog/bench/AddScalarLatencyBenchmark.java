package dev.tblog.bench;

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
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Producer-side cost of {@code addScalar}: what the simulation thread pays per call.
 *
 * <p>Each call is followed by {@link Blackhole#consumeCPU} work standing in for the simulation's
 * own step, so that the producer logs at a rate the consumer sustains (otherwise the benchmark
 * measures back-pressure, i.e. consumer throughput, which {@link ScalarThroughputBenchmark}
 * covers). {@link #workOnly} measures that work alone in the same run: the call's cost is the
 * difference. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} of {@link #addScalar} must be 0.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Ddev.tblog.internal.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AddScalarLatencyBenchmark {
    /** consumeCPU tokens of simulated work per call (~1.5-2 ns each). */
    @Param("100")
    public int work;

    private Path dir;
    private Logger log;
    private long step;

    @Setup(Level.Trial)
    public void open() {
        dir = Benchmarks.tempDir("tblog-latency");
        log = Benchmarks.logger(dir);
    }

    @TearDown(Level.Trial)
    public void close() {
        Benchmarks.closeAndCheck(log);
        Benchmarks.delete(dir);
    }

    @Benchmark
    public void addScalar() {
        log.addScalar("loss", 0.5, step++);
        Blackhole.consumeCPU(work);
    }

    @Benchmark
    public void workOnly() {
        Blackhole.consumeCPU(work);
    }
}
