package dev.tblog.bench;

import dev.tblog.bench.harness.Harness;
import dev.tblog.bench.harness.Producer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * tblog under overload: ring 1024 and {@code overflow.policy=drop}: the twin of
 * {@code dev.tblog.bench.log4j2.Log4j2DiscardBenchmark}. The score is calls per second (each batch ends
 * with {@code flush()}); each iteration prints the events delivered, their fraction and delivered/s,
 * and fails unless written + dropped == published == calls.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Ddev.tblog.internal.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class TblogDropBenchmark extends TblogEndToEnd {

    @Override
    protected String[] config() {
        return new String[] {"ring.size", "1024", "ring.waitStrategy", "sleeping", "overflow.policy", "drop"};
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(Harness.BATCH)
    public void producers1(Producer p) {
        batch(p);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(Harness.BATCH)
    public void producers4(Producer p) {
        batch(p);
    }
}
