package dev.tblog.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the consumer reports to everyone else: counts, and its failure if any.
 *
 * <p>Thread contract: counters are written by the consumer thread only, with release stores
 * ({@code lazySet}: readers on other threads see a recent value, never a torn one); any thread
 * reads. The failure is set once, by compare-and-set.
 */
public final class PipelineState {
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private volatile boolean ioFailed;
    /**
     * True from construction until the consumer shuts down: a consumer whose thread has not yet
     * reached onStart is about to run, and producers waiting for room must keep waiting.
     */
    private volatile boolean running = true;

    void addWritten(long n) {
        written.lazySet(written.get() + n);
    }

    void setBytes(long total) {
        bytes.lazySet(total);
    }

    void addLost(long n) {
        lost.lazySet(lost.get() + n);
    }

    /** Records a failure; the first one is kept for messages. */
    void fail(Throwable cause, boolean io) {
        failures.lazySet(failures.get() + 1);
        firstFailure.compareAndSet(null, cause);
        if (io) {
            ioFailed = true;
        }
    }

    void running(boolean value) {
        running = value;
    }

    /** Events written to files. */
    public long written() {
        return written.get();
    }

    /** Bytes written to files. */
    public long bytes() {
        return bytes.get();
    }

    /** Events the consumer could not write (its storage failed, or they came after close). */
    public long lost() {
        return lost.get();
    }

    /** Failures seen by the consumer. */
    public long failures() {
        return failures.get();
    }

    /** The first failure, or {@code null}. */
    public Throwable firstFailure() {
        return firstFailure.get();
    }

    /** Whether storage failed: from then on events are counted lost instead of written. */
    public boolean ioFailed() {
        return ioFailed;
    }

    /** Whether the consumer is running or about to (false once it has shut down). */
    public boolean running() {
        return running;
    }
}
