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
 * Sustained end-to-end tblog scalars per second, 1, 2, 4 and 8 producers, {@code block}, ring 65536,
 * {@code sleeping}: the twin of {@code dev.tblog.bench.log4j2.Log4j2ThroughputBenchmark} and the
 * producers curve. Fails unless every call was written.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Ddev.tblog.internal.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class TblogThroughputBenchmark extends TblogEndToEnd {

    @Override
    protected String[] config() {
        return new String[] {"ring.size", "65536", "ring.waitStrategy", "sleeping", "overflow.policy", "block"};
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(Harness.BATCH)
    public void producers1(Producer p) {
        batch(p);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(Harness.BATCH)
    public void producers2(Producer p) {
        batch(p);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(Harness.BATCH)
    public void producers4(Producer p) {
        batch(p);
    }

    @Benchmark
    @Threads(8)
    @OperationsPerInvocation(Harness.BATCH)
    public void producers8(Producer p) {
        batch(p);
    }
}
