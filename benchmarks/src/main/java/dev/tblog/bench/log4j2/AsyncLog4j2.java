package dev.tblog.bench.log4j2;

import dev.tblog.bench.harness.Harness;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContextSelector;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Log4j2 all-async logger context writing {@code %m%n} lines to one file: the context
 * {@link AsyncLoggerContextSelector} creates ({@code new AsyncLoggerContext(name, null, config)}),
 * made explicitly so that each benchmark iteration gets a fresh context and a fresh file.
 *
 * <p>It refuses to run unless the fork was started with the all-async selector and the logger is
 * an {@link AsyncLogger}, and it prints which Disruptor the class path gave Log4j2.
 *
 * <p>Thread contract: {@link #open}, {@link #awaitDrained} and {@link #closeAndCountLines} from
 * the benchmark's setup/teardown or any one thread at a time; {@link #logger} from any thread.
 */
final class AsyncLog4j2 {
    /** The system property the configuration reads the file name from. */
    static final String FILE_PROPERTY = "tblog.bench.log4j2.file";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    final Logger logger;
    private final Path file;
    private final AsyncLoggerContext context;
    private final RingBufferAdmin ring;

    private AsyncLog4j2(Path file) {
        String selector = System.getProperty("log4j2.contextSelector");
        if (!AsyncLoggerContextSelector.class.getName().equals(selector)) {
            throw new IllegalStateException("not an all-async fork: log4j2.contextSelector=" + selector);
        }
        this.file = file;
        System.setProperty(FILE_PROPERTY, file.toString());
        try {
            context = new AsyncLoggerContext("bench-" + CONTEXTS.getAndIncrement(), null,
                AsyncLog4j2.class.getResource("/log4j2-bench.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        context.start();
        logger = context.getLogger("bench");
        if (!(logger instanceof AsyncLogger)) {
            throw new IllegalStateException("not an async logger: " + logger.getClass().getName());
        }
        ring = context.createRingBufferAdmin();
    }

    /** Starts a context logging to {@code file}. */
    static AsyncLog4j2 open(Path file) {
        return new AsyncLog4j2(file);
    }

    /** "3.4.4"-style version of the Disruptor on this class path (from its jar's manifest or its API). */
    static String disruptorVersion() {
        String v = com.lmax.disruptor.RingBuffer.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try {
            Class.forName("com.lmax.disruptor.RewindableEventHandler");   // new in Disruptor 4
            return "4.x";
        } catch (ClassNotFoundException e) {
            return "3.x";
        }
    }

    /** The slots of the async logger's ring. */
    long ringSize() {
        return ring.getBufferSize();
    }

    /**
     * Waits until the consumer has handled every published event. Log4j2's consumer advances its
     * sequence only after an event's appender call, and the appender writes its buffer to the file
     * at the end of each batch, so an empty ring means every line so far reached the OS: the same
     * point tblog's {@code flush()} waits for.
     */
    void awaitDrained() {
        while (ring.getRemainingCapacity() < ring.getBufferSize()) {
            Thread.yield();
        }
    }

    /** Stops the context (drains the ring, closes the file) and counts the lines in the file. */
    long closeAndCountLines() {
        if (!context.stop(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Log4j2 context did not stop within 30 s");
        }
        return Harness.countLines(file);
    }
}
