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
    private final AtomicLong barriersConsumed = new AtomicLong();
    /** Written by producers (publish) and the consumer (release): a real atomic add, off the scalar path. */
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private volatile boolean ioFailed;
    /** Set by a close that timed out: the consumer, if it ever comes back, writes nothing more. */
    private volatile boolean abandoned;
    /**
     * True from construction: a consumer thread that has not run {@code onStart} yet is about to, and
     * producers that fill the ring before it does must wait, not be told the logger is closed
     * (regression: they got IllegalStateException at startup). False once the consumer stopped.
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

    void addBarrierConsumed() {
        barriersConsumed.lazySet(barriersConsumed.get() + 1);
    }

    /** Flush and close barriers the consumer has taken out of the ring. */
    public long barriersConsumed() {
        return barriersConsumed.get();
    }

    /** Records a failure; the first one is kept for messages. */
    void fail(Throwable cause, boolean io) {
        failures.lazySet(failures.get() + 1);
        firstFailure.compareAndSet(null, cause);
        if (io) {
            ioFailed = true;
        }
    }

    /**
     * Close gave up on the consumer (a hung disk) and reported what was not written as lost: from
     * now on the consumer writes nothing, and counts what it still holds as lost, so that the
     * report stays true if the disk ever answers.
     */
    public void abandon() {
        abandoned = true;
    }

    /** Whether close gave up on the consumer. */
    public boolean abandoned() {
        return abandoned;
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

    /** Whether the consumer thread is running, or started and about to run. */
    public boolean running() {
        return running;
    }
}
