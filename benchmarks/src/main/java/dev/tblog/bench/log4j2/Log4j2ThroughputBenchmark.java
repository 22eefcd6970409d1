package dev.tblog.bench.log4j2;

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
 * Sustained end-to-end Log4j2 all-async lines per second, 1, 2, 4 and 8 producers, blocking when
 * the ring is full (queue-full policy Default = wait), ring 65536, Sleep wait strategy: the twin of
 * {@code dev.tblog.bench.TblogThroughputBenchmark}. Fails unless every call reached the file.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
    "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
    "-Dlog4j2.asyncLoggerRingBufferSize=65536", "-Dlog4j2.asyncLoggerWaitStrategy=Sleep",
    "-Dlog4j2.asyncQueueFullPolicy=Default",
    "-Dlog4j2.enableThreadlocals=true", "-Dlog4j2.enableDirectEncoders=true",
    "-Dlog4j2.is.webapp=false", "-Dlog4j2.disable.jmx=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class Log4j2ThroughputBenchmark extends Log4j2EndToEnd {
    @Override
    protected boolean blocking() {
        return true;
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
