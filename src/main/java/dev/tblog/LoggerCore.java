package dev.tblog;

import com.lmax.disruptor.dsl.Disruptor;
import dev.tblog.config.FsyncPolicy;
import dev.tblog.config.TblogConfig;
import dev.tblog.encode.Payload;
import dev.tblog.pipeline.Barrier;
import dev.tblog.pipeline.ConsumerHandler;
import dev.tblog.pipeline.PipelineState;
import dev.tblog.pipeline.RunFiles;
import dev.tblog.pipeline.SelfMetrics;
import dev.tblog.ring.LogSlot;
import dev.tblog.ring.PayloadPool;
import dev.tblog.ring.RingClaimer;
import dev.tblog.ring.SlotKind;
import dev.tblog.sink.EventSinkFactory;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The machinery behind {@link Logger}: owns the ring (the Disruptor and its one consumer thread),
 * the claim → fill → publish seam the {@code add*} calls go through, drop counts and the payload
 * pool, and the lifecycle: flush barriers, close (drain, stop, wait with a timeout, halt), the
 * shutdown hook, and the {@link LoggerStats} snapshot. {@link Logger} validates and fills slots;
 * this class decides whether a slot may be had and what happens at flush and close.
 *
 * <p>Producers: {@link #claim(Payload)} (closed check, claim under the overflow policy, drop
 * counting), fill {@link #slot(long)} inside {@code try}, {@link #publish(long)} in {@code finally};
 * payload kinds go through {@link #publishPayload(Payload, boolean)}.
 *
 * <p>Thread contract: any thread. Claim and publish are lock-free (under {@code block} they wait
 * while the ring is full); {@link #flush()} and {@link #close()} block until the consumer has done
 * their work; {@link #stats()} is a lock-free snapshot.
 */
final class LoggerCore {
    private final Path runDir;
    private final TblogConfig config;
    private final PipelineState state = new PipelineState();
    private final Disruptor<LogSlot> disruptor;
    private final RingClaimer claimer;
    private final DropCounts drops = new DropCounts();
    private final PayloadPool payloadPool;
    private final AtomicLong barriersPublished = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final BooleanSupplier accepting = () -> !closing.get() && state.running();
    private final Object closeLock = new Object();
    private final Thread shutdownHook;
    /** Set once close finished; guarded by closeLock for writers, volatile for readers. */
    private volatile boolean closed;
    /** close's outcome; written before closed is set, so a reader that sees closed sees it. */
    private volatile LoggerFailedException closeFailure;

    /**
     * Creates the run's first event file, starts the consumer and registers the shutdown hook
     * ({@code shutdownHook.enabled}).
     *
     * @throws UncheckedIOException the event file cannot be created
     */
    LoggerCore(Path runDir, TblogConfig config, EventSinkFactory sinkFactory, Consumer<Throwable> errorHandler) {
        this.runDir = runDir;
        this.config = config;
        RunFiles runs;
        try {
            runs = new RunFiles(runDir, sinkFactory, config.writeThresholdBytes(), config.fileMaxBytes(),
                config.fsyncPolicy() != FsyncPolicy.NEVER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an event file in " + runDir + ": " + e, e);
        }
        this.disruptor = new Disruptor<>(LogSlot::new, config.ringSize(),
            new DefaultThreadFactory("tblog-consumer", true), config.producerType().producerType(),
            config.waitStrategy().create());
        this.payloadPool = new PayloadPool(config.payloadMaxPendingBytes());
        SelfMetrics selfMetrics = new SelfMetrics(config.selfMetricsEnabled(), config.selfMetricsIntervalMillis(),
            drops::total, disruptor.getRingBuffer()::getCursor, payloadPool::pendingBytes);
        disruptor.handleEventsWith(new ConsumerHandler(runs, state, config.fsyncPolicy(), errorHandler, selfMetrics));
        this.claimer = new RingClaimer(disruptor.getRingBuffer(), config.overflowPolicy(),
            accepting, "logger of " + runDir + " is closed",
            config.overflowStallTimeoutMillis());
        disruptor.start();
        if (config.shutdownHook()) {
            shutdownHook = new Thread(this::closeFromShutdownHook, "tblog-shutdown-" + runDir.getFileName());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    Path runDir() {
        return runDir;
    }

    TblogConfig config() {
        return config;
    }

    /** Whether close has begun (the {@code add*} calls throw from then on). */
    boolean isClosing() {
        return closing.get();
    }

    /**
     * Claims a slot: throws if closed, else claims under the overflow policy and counts a drop.
     *
     * @param payload the payload to publish, or {@code null} for a scalar (only its kind is read)
     * @return the slot's sequence, or {@link RingClaimer#DROPPED}
     * @throws IllegalStateException the logger is closed (or closed while {@code block} waited)
     */
    long claim(Payload payload) {
        ensureOpen();
        long sequence = claimer.claim();
        if (sequence == RingClaimer.DROPPED) {
            if (payload == null) {
                drops.scalar();
            } else {
                drops.kind(payload.kind());
            }
        }
        return sequence;
    }

    /** The slot of a claimed sequence, to fill inside {@code try}. */
    LogSlot slot(long sequence) {
        return claimer.slot(sequence);
    }

    /** Publishes a claimed sequence; call in {@code finally}. */
    void publish(long sequence) {
        claimer.publish(sequence);
    }

    /**
     * Publishes a payload for the consumer (the seam for every event kind other than scalars).
     *
     * @param droppable whether the {@code drop} policy may drop it; if not, the call waits for room
     * @return false when the {@code drop} policy dropped it (the payload is then released here)
     */
    boolean publishPayload(Payload payload, boolean droppable) {
        long sequence;
        try {
            sequence = droppable ? claim(payload) : claimWaiting();
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
        if (sequence == RingClaimer.DROPPED) {
            payload.release();
            return false;
        }
        try {
            claimer.slot(sequence).setPayload(SlotKind.PAYLOAD, payload, System.currentTimeMillis());
        } finally {
            claimer.publish(sequence);
        }
        return true;
    }

    /** The pool that payloads copy the caller's data into; its budget is payload.maxPendingBytes. */
    PayloadPool payloadPool() {
        return payloadPool;
    }

    /** False once the logger is closed or its consumer stopped. */
    BooleanSupplier accepting() {
        return accepting;
    }

    /** Counts one call of a payload kind dropped because the payload pool was full under {@code drop}. */
    void countDropped(String kind) {
        drops.kind(kind);
    }

    /** Throws if the logger is closed (once close has begun). */
    void ensureOpen() {
        if (closing.get()) {
            throw new IllegalStateException("logger of " + runDir + " is closed");
        }
    }

    /** As {@link Logger#flush()}. */
    void flush() {
        if (closing.get()) {
            awaitClosed();
            return;
        }
        Barrier barrier = new Barrier();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownTimeoutMillis());
        long sequence;
        try {
            // Bounded: a consumer that is there but stuck (hung disk) with the ring full must not
            // hang flush forever.
            sequence = claimer.claimWaiting(() -> state.running() && !closing.get() && System.nanoTime() < deadline);
        } catch (IllegalStateException e) {
            if (closing.get()) {
                awaitClosed();
                return;
            }
            Throwable cause = state.firstFailure();
            throw failed("flush", cause != null ? cause : new TimeoutException(
                "no room in the ring for the flush barrier within " + config.shutdownTimeoutMillis()
                    + " ms (shutdown.timeoutMillis): the consumer makes no progress"));
        }
        barriersPublished.incrementAndGet();
        try {
            claimer.slot(sequence).setPayload(SlotKind.FLUSH, barrier, System.currentTimeMillis());
        } finally {
            claimer.publish(sequence);
        }
        Throwable failure = awaitFlush(barrier, deadline);
        if (failure != null) {
            throw failed("flush", failure);
        }
    }

    /** As {@link Logger#close()}. */
    void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            removeShutdownHook();
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
        if (closed) {
            // The consumer has stopped: what a producer racing close put in the ring after the
            // consumer's last look will never be written.
            lost += queued;
            queued = 0;
        }
        Map<String, Long> byKind = drops.byKind();
        long dropped = 0;
        for (long n : byKind.values()) {
            dropped += n;
        }
        Throwable failure = state.firstFailure();
        String failureText = failure != null ? failure.toString()
            : claimer.stalls() > 0 ? "consumer stalled: " + claimer.stalls() + " calls gave up after "
                + config.overflowStallTimeoutMillis() + " ms without progress (overflow.stallTimeoutMillis)" : null;
        return new LoggerStats(claimed + dropped, written, dropped, lost, state.bytes(), state.failures(),
            payloadPool.pendingBytes(), failureText, byKind, queued, claimer.stalls());
    }

    /** Claims a slot whatever the overflow policy, waiting while the logger accepts events. */
    private long claimWaiting() {
        ensureOpen();
        return claimer.claimWaiting(accepting);
    }

    private LoggerFailedException drainAndStop() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownTimeoutMillis());
        Barrier barrier = new Barrier();
        Throwable failure;
        boolean published = false;
        try {
            long sequence = claimer.claimWaiting(() -> state.running() && System.nanoTime() < deadline);
            barriersPublished.incrementAndGet();
            try {
                claimer.slot(sequence).setPayload(SlotKind.CLOSE, barrier, System.currentTimeMillis());
            } finally {
                claimer.publish(sequence);
                published = true;
            }
            failure = await(barrier, "close");
        } catch (RuntimeException e) {
            // Whatever went wrong, the consumer must still be stopped below.
            failure = e;
        }
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            disruptor.shutdown(left, TimeUnit.NANOSECONDS);
        } catch (com.lmax.disruptor.TimeoutException | RuntimeException e) {
            disruptor.halt();
            if (failure == null) {
                failure = new TimeoutException("consumer did not stop within "
                    + config.shutdownTimeoutMillis() + " ms");
            }
        }
        if (failure == null && !published) {
            failure = new IllegalStateException("close barrier was not published");
        }
        if (failure instanceof LoggerFailedException) {
            return (LoggerFailedException) failure;
        }
        return failure == null ? null : failed("close", failure);
    }

    private Throwable await(Barrier barrier, String what) {
        try {
            return barrier.await(config.shutdownTimeoutMillis());
        } catch (TimeoutException e) {
            throw new LoggerFailedException(what + " of the logger of " + runDir + " timed out after "
                + config.shutdownTimeoutMillis() + " ms (shutdown.timeoutMillis)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoggerFailedException(what + " of the logger of " + runDir + " was interrupted", e);
        }
    }

    /**
     * Waits for a flush barrier until the deadline. A flush racing close may have put its barrier
     * behind the close barrier, where a stopped consumer never reaches it: once close has finished,
     * the flush reports close's outcome instead of waiting out the timeout.
     */
    private Throwable awaitFlush(Barrier barrier, long deadline) {
        while (true) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                return barrier.await(Math.max(1, Math.min(leftMillis, 50)));
            } catch (TimeoutException e) {
                if (closed) {
                    return closeFailure;
                }
                if (leftMillis <= 0) {
                    return new TimeoutException("flush of the logger of " + runDir
                        + " timed out after " + config.shutdownTimeoutMillis() + " ms (shutdown.timeoutMillis)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoggerFailedException("flush of the logger of " + runDir + " was interrupted", e);
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
        LoggerStats s = stats();
        return new LoggerFailedException(what + " of the logger of " + runDir + " failed: " + cause
            + " (written " + s.written() + ", lost " + s.lost() + ", dropped " + s.dropped() + ")", cause);
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
            System.err.println("tblog: closing " + runDir + " at JVM exit: " + e);
        }
    }
}
