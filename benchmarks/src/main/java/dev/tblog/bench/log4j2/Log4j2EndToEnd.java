package dev.tblog.bench.log4j2;

import dev.tblog.bench.harness.Harness;
import dev.tblog.bench.harness.Producer;
import org.apache.logging.log4j.util.Unbox;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end Log4j2 lines per second to a file: each invocation logs {@link Harness#BATCH} lines
 * and then waits until the async consumer has written them ({@link AsyncLog4j2#awaitDrained}), so
 * the score counts lines that reached the OS. Each iteration opens a fresh context and file, and
 * its teardown stops the context and counts the lines: under a blocking policy the run fails unless
 * lines == calls; under overload it prints the fraction delivered.
 *
 * <p>Thread contract: JMH calls setup/teardown on one thread; {@link #batch} on every producer.
 */
@State(Scope.Benchmark)
public abstract class Log4j2EndToEnd {
    private final LongAdder calls = new LongAdder();
    private Path dir;
    private AsyncLog4j2 log;
    private long startNanos;

    /** True when the fork's queue-full policy waits (every call must reach the file). */
    protected abstract boolean blocking();

    @Setup(Level.Iteration)
    public void open() {
        dir = Harness.tempDir("log4j2-e2e");
        log = AsyncLog4j2.open(dir.resolve("bench.log"));
        calls.reset();
        startNanos = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void close() {
        long nanos = System.nanoTime() - startNanos;
        String what = "Log4j2 (Disruptor " + AsyncLog4j2.disruptorVersion() + ", ring " + log.ringSize() + ")";
        long lines = log.closeAndCountLines();
        if (blocking()) {
            Harness.checkAllDelivered(what, calls.sum(), lines);
        } else {
            Harness.reportOverload(what, calls.sum(), lines, nanos);
        }
        Harness.delete(dir);
    }

    protected final void batch(Producer p) {
        org.apache.logging.log4j.Logger logger = log.logger;
        for (int i = 0; i < Harness.BATCH; i++) {
            logger.info("{} {} {}", p.tag, Unbox.box(p.step++), Unbox.box((double) i));
        }
        calls.add(Harness.BATCH);
        log.awaitDrained();
    }
}
