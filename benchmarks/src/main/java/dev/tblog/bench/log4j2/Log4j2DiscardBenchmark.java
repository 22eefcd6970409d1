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
 * Log4j2 all-async under overload: a small ring (1024) and the Discard queue-full policy with
 * threshold INFO, so INFO lines are dropped when the ring is full: the twin of
 * {@code dev.tblog.bench.TblogDropBenchmark}. The score is calls per second (each batch ends when
 * the ring has drained); each iteration prints the lines delivered, their fraction and delivered/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
    "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
    "-Dlog4j2.asyncLoggerRingBufferSize=1024", "-Dlog4j2.asyncLoggerWaitStrategy=Sleep",
    "-Dlog4j2.asyncQueueFullPolicy=Discard", "-Dlog4j2.discardThreshold=INFO",
    "-Dlog4j2.enableThreadlocals=true", "-Dlog4j2.enableDirectEncoders=true",
    "-Dlog4j2.is.webapp=false", "-Dlog4j2.disable.jmx=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class Log4j2DiscardBenchmark extends Log4j2EndToEnd {
    @Override
    protected boolean blocking() {
        return false;
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
