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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The tblog ring-size curve: end-to-end scalars per second against {@code ring.size}, {@code block},
 * {@code sleeping}, 1 and 4 producers. A bigger ring absorbs bursts; this shows what it does to
 * sustained throughput. Fails unless every call was written.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Ddev.tblog.internal.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class RingSizeBenchmark extends TblogEndToEnd {
    @Param({"1024", "16384", "262144"})
    public String ringSize;

    @Override
    protected String[] config() {
        return new String[] {"ring.size", ringSize, "ring.waitStrategy", "sleeping", "overflow.policy", "block"};
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
