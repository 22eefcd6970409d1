package dev.tblog.bench;

import dev.tblog.Logger;
import dev.tblog.LoggerStats;
import dev.tblog.bench.harness.Harness;
import dev.tblog.bench.harness.Producer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end tblog scalar events per second to a file: each invocation logs {@link Harness#BATCH}
 * scalars and then calls {@code flush()}, so the score counts events that reached the OS. Each
 * iteration opens a fresh logger; its teardown closes it and checks the counts: under {@code block}
 * the run fails unless written == published == calls; under {@code drop} it prints the fraction
 * delivered. The same harness as {@code dev.tblog.bench.log4j2.Log4j2EndToEnd}.
 *
 * <p>Thread contract: JMH calls setup/teardown on one thread; {@link #batch} on every producer.
 */
@State(Scope.Benchmark)
public abstract class TblogEndToEnd {
    private final LongAdder calls = new LongAdder();
    private Path dir;
    private Logger log;
    private long startNanos;

    /** The configuration under test, as key, value pairs (ring size, wait strategy, policy). */
    protected abstract String[] config();

    @Setup(Level.Iteration)
    public void open() {
        dir = Harness.tempDir("tblog-e2e");
        log = Benchmarks.logger(dir, config());
        calls.reset();
        startNanos = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void close() {
        long nanos = System.nanoTime() - startNanos;
        LoggerStats s = Benchmarks.closeAndCheck(log);
        String what = "tblog " + String.join(" ", config());
        if (s.published() != calls.sum()) {
            throw new IllegalStateException("benchmark result is wrong: " + what + " published " + s.published()
                + " of " + calls.sum() + " calls: " + s);
        }
        if (s.dropped() == 0) {
            Harness.checkAllDelivered(what, calls.sum(), s.written());
        } else {
            Harness.reportOverload(what, calls.sum(), s.written(), nanos);
        }
        Harness.delete(dir);
    }

    protected final void batch(Producer p) {
        Logger logger = log;
        for (int i = 0; i < Harness.BATCH; i++) {
            logger.addScalar(p.tag, i, p.step++);
        }
        calls.add(Harness.BATCH);
        logger.flush();
    }
}
