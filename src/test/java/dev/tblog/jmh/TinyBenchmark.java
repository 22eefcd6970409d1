package dev.tblog.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The smallest benchmark that has everything the profiler logs: two {@code @Param}s (a number and
 * a string), SampleTime (sample distributions, percentiles) and Throughput modes, and allocation
 * (so that {@code -prof gc} reports {@code gc.alloc.rate.norm}). Iterations of 40 ms: a run is a
 * few JVM starts. Run by {@link TensorBoardProfilerTest} through JMH's Runner.
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgs = {"-Xmx64m", "-Xss512k"})
@Warmup(iterations = 2, time = 40, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 40, timeUnit = TimeUnit.MILLISECONDS)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TinyBenchmark {
    @Param({"8", "64"})
    public int size;

    @Param({"sum"})
    public String op;

    private long[] values;

    @Setup
    public void fill() {
        values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = i * 31L;
        }
    }

    /** Sums the values; allocates a copy so that the allocation per operation is known: 16 + 8 * size bytes. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long sampled() {
        long[] copy = values.clone();
        long sum = 0;
        for (long v : copy) {
            sum += v;
        }
        return sum;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Fork(1)
    public long throughput() {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum;
    }
}
