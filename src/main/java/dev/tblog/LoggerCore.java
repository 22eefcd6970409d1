package dev.tblog;

import com.lmax.disruptor.dsl.Disruptor;
import dev.tblog.config.FsyncPolicy;
import dev.tblog.config.TblogConfig;
import dev.tblog.pipeline.Barrier;
import dev.tblog.pipeline.ConsumerHandler;
import dev.tblog.pipeline.PipelineState;
import dev.tblog.pipeline.RunFiles;
import dev.tblog.pipeline.SelfMetrics;
import dev.tblog.ring.Backoff;
import dev.tblog.ring.FullRingWaiters;
import dev.tblog.ring.LogSlot;
import dev.tblog.ring.Publisher;
import dev.tblog.ring.Rings;
import dev.tblog.ring.ScalarClock;
import dev.tblog.ring.ScalarFastPath;
import dev.tblog.ring.TagIds;
import dev.tblog.ring.SlotKind;
import dev.tblog.sink.EventSinkFactory;
import dev.tblog.sink.LogStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The lifecycle behind {@link Logger}: builds the ring (the Disruptor and its one consumer thread)
 * and the {@link Publisher} every {@code add*} call goes through; then flush barriers, close (drain,
 * stop, wait with a timeout, halt), the shutdown hook, and the {@link LoggerStats} snapshot.
 *
 * <p>Interrupts: {@link #flush()} and {@link #close()} on an interrupted thread do their work as
 * on any other thread, keep the flag set, and report only what really failed.
 *
 * <p>Thread contract: any thread. {@link #flush()} and {@link #close()} block until the consumer
 * has done their work (at most {@code shutdown.timeoutMillis}); {@link #stats()} is a lock-free
 * snapshot.
 */
final class LoggerCore {
    private final Path runDir;
    private final LogStorage storage;
    /** How messages name the run folder: its path, or its URI on storage other than the local one. */
    private final String name;
    private final TblogConfig config;
    private final PipelineState state = new PipelineState();
    private final Disruptor<LogSlot> disruptor;
    private final Publisher publisher;
    private final ScalarFastPath scalarPath;
    private final AtomicLong barriersPublished = new AtomicLong();
    private final Object closeLock = new Object();
    private final Thread shutdownHook;
    /** The timer of file.maxAgeMillis, or null. */
    private final ScheduledFuture<?> ageTicks;
    /** Set once close finished; guarded by closeLock for writers, volatile for readers. */
    private volatile boolean closed;
    /** Set once close stopped (or halted) the consumer: what is still in the ring will never be written. */
    private volatile boolean stopped;
    /** close's outcome; written before closed is set, so a reader that sees closed sees it. */
    private volatile LoggerFailedException closeFailure;

    /**
     * Allocates the ring, creates the run's first event file, starts the consumer, registers the
     * shutdown hook ({@code shutdownHook.enabled}) and, with {@code file.maxAgeMillis}, the timer
     * that lets the consumer rotate old files while nothing is logged. When any step fails, nothing
     * is left: no file open, no consumer thread, no hook, and no event file that received no byte.
     *
     * @param runDir the run folder, a path within {@code storage}
     * @throws UncheckedIOException the event file cannot be created or written
     */
    LoggerCore(Path runDir, LogStorage storage, TblogConfig config, EventSinkFactory sinkFactory,
               Consumer<Throwable> errorHandler) {
        this.runDir = runDir;
        this.storage = storage;
        this.name = describe(storage, runDir);
        this.config = config;
        // The largest allocation first: a ring the heap cannot hold fails before any file is open.
        Rings.Ring ring = Rings.create(config.ringSize(), config.waitStrategy(), config.producerType());
        this.disruptor = ring.disruptor();
        this.scalarPath = new ScalarFastPath(new ScalarClock(disruptor.getRingBuffer()), new TagIds());
        RunFiles runs;
        try {
            runs = new RunFiles(runDir, sinkFactory, config.writeThresholdBytes(), config.fileMaxBytes(),
                config.fileMaxAgeMillis(), config.fsyncPolicy() != FsyncPolicy.NEVER, config.writeCoalesceSteps());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an event file in " + name + ": " + e, e);
        }
        boolean started = false;
        try {
            FullRingWaiters sleepers = FullRingWaiters.worthSleepingOn(disruptor.getRingBuffer().getBufferSize())
                ? new FullRingWaiters(disruptor.getRingBuffer()) : null;
            this.publisher = new Publisher(disruptor.getRingBuffer(), scalarPath.clock(), sleepers,
                config.producersTakeTurns(), config.overflowPolicy(), config.overflowStallTimeoutMillis(),
                config.payloadMaxPendingBytes(), state::running, ring.wakeConsumer(), "logger of " + name);
            SelfMetrics selfMetrics = new SelfMetrics(config.selfMetricsEnabled(), config.selfMetricsIntervalMillis(),
                publisher::droppedTotal, disruptor.getRingBuffer()::getCursor, publisher.pool()::pendingBytes);
            disruptor.handleEventsWith(new ConsumerHandler(runs, state, config.fsyncPolicy(), errorHandler,
                selfMetrics, scalarPath, sleepers));
            disruptor.start();
            started = true;
            if (config.shutdownHook()) {
                shutdownHook = new Thread(this::closeFromShutdownHook, "tblog-shutdown-" + runDir.getFileName());
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } else {
                shutdownHook = null;
            }
            // Last: nothing after it can fail, so a failed construction never leaves a timer behind.
            ageTicks = config.fileMaxAgeMillis() > 0 ? FileAgeTimer.every(config.fileMaxAgeMillis(), this::tick) : null;
        } catch (RuntimeException | Error e) {
            abandon(runs, started, e);
            throw e;
        }
    }

    /**
     * A construction that failed after the first file was opened (no thread to start, the JVM
     * shutting down): nothing may stay open. A started consumer is halted and closes the files on
     * its way out; else they are closed here.
     */
    private void abandon(RunFiles runs, boolean started, Throwable failure) {
        if (started) {
            disruptor.halt();
            return;
        }
        try {
            runs.closeAll();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    Path runDir() {
        return runDir;
    }

    LogStorage storage() {
        return storage;
    }

    /** The run folder as messages name it. */
    String name() {
        return name;
    }

    /** A run folder as messages name it: a local path as it is, any other as its URI. */
    static String describe(LogStorage storage, Path runDir) {
        return storage == LogStorage.LOCAL ? runDir.toString() : storage.uri(runDir).toString();
    }

    TblogConfig config() {
        return config;
    }

    /** The seam every {@code add*} call publishes through. */
    /** The ids that scalar slots carry instead of their tags; the logger's tag kinds give them. */
    TagIds tagIds() {
        return scalarPath.tagIds();
    }

    Publisher publisher() {
        return publisher;
    }

    /** Whether close has begun (the {@code add*} calls throw from then on). */
    boolean isClosing() {
        return publisher.isClosing();
    }

    /** As {@link Logger#flush()}. */
    void flush() {
        if (publisher.isClosing()) {
            awaitClosed();
            return;
        }
        Barrier barrier = new Barrier();
        long deadline = deadline();
        long sequence;
        try {
            // Bounded: a consumer that is there but stuck (hung disk) with the ring full must not
            // hang flush forever.
            sequence = publisher.claimBarrier(deadline, true);
        } catch (IllegalStateException stopped) {
            if (publisher.isClosing()) {
                awaitClosed();
                return;
            }
            Throwable cause = state.firstFailure();
            throw failed("flush", cause != null ? cause : stopped);
        }
        if (sequence == Backoff.TIMED_OUT) {
            Throwable cause = state.firstFailure();
            throw failed("flush", cause != null ? cause : new TimeoutException(
                "no room in the ring for the flush barrier within " + config.shutdownTimeoutMillis()
                    + " ms (shutdown.timeoutMillis): the consumer makes no progress"));
        }
        barriersPublished.incrementAndGet();
        publisher.publishBarrier(sequence, SlotKind.FLUSH, barrier);
        Throwable failure = awaitFlush(barrier, deadline);
        if (failure != null) {
            throw failed("flush", failure);
        }
    }

    /** As {@link Logger#close()}. */
    void close() {
        if (!publisher.beginClose()) {
            awaitClosed();
            return;
        }
        try {
            removeShutdownHook();
            if (ageTicks != null) {
                ageTicks.cancel(false);
            }
            closeFailure = drainAndStop();
        } finally {
            synchronized (closeLock) {
                closed = true;
                closeLock.notifyAll();
            }
        }
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    /**
     * The file.maxAgeMillis timer: a tick in the ring, if it has room now, ends a batch on the
     * consumer, which then rotates the files old enough. A full ring needs none: the consumer is
     * busy, and checks the ages at the end of its batch anyway.
     */
    private void tick() {
        if (publisher.isClosing()) {
            return;
        }
        long sequence = publisher.tryClaimBarrier();
        if (sequence != Backoff.TIMED_OUT) {
            barriersPublished.incrementAndGet();
            publisher.publishBarrier(sequence, SlotKind.TICK, null);
        }
    }

    /** As {@link Logger#stats()}. */
    LoggerStats stats() {
        // Read the consumer's side first, then the producers': a racing producer can only make
        // published larger than the sum, never smaller.
        long written = state.written();
        long lost = state.lost();
        long barriersConsumed = state.barriersConsumed();
        long consumed = disruptor.getRingBuffer().getMinimumGatingSequence();
        long cursor = disruptor.getRingBuffer().getCursor();
        long barriers = barriersPublished.get();
        long claimed = cursor + 1 - barriers;
        long queued = Math.max(0, (cursor - consumed) - (barriers - barriersConsumed));
        if (stopped) {
            // The consumer has stopped (or was abandoned, and writes nothing more): every event
            // claimed and not written is lost, whether the consumer counted it, held it in a batch
            // it never finished, or a producer racing close put it in the ring after its last look.
            lost = Math.max(lost, claimed - written);
            queued = 0;
        }
        Map<String, Long> byKind = publisher.droppedByKind();
        long dropped = 0;
        for (long n : byKind.values()) {
            dropped += n;
        }
        long stalls = publisher.stalls();
        Throwable failure = state.firstFailure();
        String failureText = failure != null ? failure.toString()
            : stalls > 0 ? "consumer stalled: " + stalls + " calls gave up after "
                + config.overflowStallTimeoutMillis() + " ms without progress (overflow.stallTimeoutMillis)" : null;
        return new LoggerStats(claimed + dropped, written, dropped, lost, state.bytes(), state.failures(),
            publisher.pool().pendingBytes(), failureText, byKind, queued, stalls);
    }

    private long deadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownTimeoutMillis());
    }

    /**
     * Publishes the close barrier, waits for it, and stops the consumer, all within
     * {@code shutdown.timeoutMillis}. A consumer that does not answer in time (a hung disk) is
     * halted and abandoned: it writes nothing more, and what it had not written counts as lost.
     * The outcome's message names the counts once the consumer is stopped, so that they are the
     * ones {@link #stats()} shows right after.
     */
    private LoggerFailedException drainAndStop() {
        long deadline = deadline();
        Barrier barrier = new Barrier();
        Throwable failure = null;
        String timedOut = null;
        try {
            long sequence = publisher.claimBarrier(deadline, false);
            if (sequence == Backoff.TIMED_OUT) {
                timedOut = "no room in the ring for the close barrier: the consumer made no progress";
            } else {
                barriersPublished.incrementAndGet();
                publisher.publishBarrier(sequence, SlotKind.CLOSE, barrier);
                try {
                    failure = barrier.awaitUntil(deadline);
                } catch (TimeoutException e) {
                    timedOut = "the consumer did not write and close the files";
                }
            }
        } catch (RuntimeException e) {
            // Whatever went wrong, the consumer must still be stopped below.
            failure = e;
        }
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            disruptor.shutdown(left, TimeUnit.NANOSECONDS);
        } catch (com.lmax.disruptor.TimeoutException | RuntimeException e) {
            state.abandon();
            disruptor.halt();
            if (timedOut == null && failure == null) {
                timedOut = "the consumer did not stop";
            }
        }
        stopped = true;
        if (timedOut != null) {
            LoggerStats s = stats();
            return new LoggerFailedException("close of the logger of " + name + " timed out after "
                + config.shutdownTimeoutMillis() + " ms (shutdown.timeoutMillis): " + timedOut + counts(s), failure);
        }
        return failure == null ? null : failed("close", failure);
    }

    /**
     * Waits for a flush barrier until the deadline. A flush racing close may have put its barrier
     * behind the close barrier, where a stopped consumer never reaches it: once close has finished,
     * the flush reports close's outcome instead of waiting out the timeout.
     */
    private Throwable awaitFlush(Barrier barrier, long deadline) {
        while (true) {
            long now = System.nanoTime();
            try {
                return barrier.awaitUntil(Math.min(deadline, now + TimeUnit.MILLISECONDS.toNanos(50)));
            } catch (TimeoutException e) {
                if (closed) {
                    return closeFailure;
                }
                if (System.nanoTime() - deadline >= 0) {
                    return new TimeoutException("flush of the logger of " + name
                        + " timed out after " + config.shutdownTimeoutMillis() + " ms (shutdown.timeoutMillis)");
                }
            }
        }
    }

    private void awaitClosed() {
        synchronized (closeLock) {
            boolean interrupted = false;
            while (!closed) {
                try {
                    closeLock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    private LoggerFailedException failed(String what, Throwable cause) {
        return new LoggerFailedException(what + " of the logger of " + name + " failed: " + cause + counts(stats()),
            cause);
    }

    private static String counts(LoggerStats s) {
        return " (written " + s.written() + ", lost " + s.lost() + ", dropped " + s.dropped() + ")";
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already shutting down; the hook will find the logger closed.
            }
        }
    }

    private void closeFromShutdownHook() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("tblog: closing " + name + " at JVM exit: " + e);
        }
    }
}
