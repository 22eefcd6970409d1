package dev.tblog.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import dev.tblog.config.FsyncPolicy;
import dev.tblog.encode.Encoders;
import dev.tblog.encode.Payload;
import dev.tblog.ring.FullRingWaiters;
import dev.tblog.ring.LogSlot;
import dev.tblog.ring.ScalarClock;
import dev.tblog.ring.ScalarFastPath;
import dev.tblog.ring.SlotKind;
import dev.tblog.ring.TagIds;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The consumer: turns each slot into records, writes at the end of every batch (so data reach the
 * OS, or HDFS's DataNodes, within milliseconds) and whenever a file passes the byte threshold, and
 * answers flush and close barriers (a flush also publishes the files of object stores, which show
 * only once closed: {@link RunFiles#publishAll()}).
 *
 * <p>It never dies on an error. A storage failure ({@link IOException}) moves the pipeline to a
 * failed state: from then on events are consumed and counted lost, barriers complete with the
 * failure, and producers under {@code block} keep moving. Any other error skips that event only: a
 * bad payload, or an event of a sub-run whose file could not be opened ({@link SubRunLostException},
 * reported once per sub-run, each event counted lost); the next barrier fails with it, later ones
 * complete. Either way the error goes to the error handler and {@link PipelineState}.
 *
 * <p>Thread contract: consumer thread only.
 */
public final class ConsumerHandler implements EventHandler<LogSlot> {
    private final RunFiles runs;
    private final PipelineState state;
    private final FsyncPolicy fsyncPolicy;
    private final Consumer<Throwable> errorHandler;
    private final SelfMetrics selfMetrics;
    /** The producers' wall clock, kept fresh while scalars are taken (see {@link ScalarClock}); null for none. */
    private final ScalarClock clock;
    /** The ids scalar slots carry instead of their tags; null when none do. */
    private final TagIds tagIds;
    /** One encoder per payload kind, made on first use; closed with the files. */
    private final Encoders encoders = new Encoders();
    private boolean closed;
    private long writtenInBatch;
    /** The first failure since the last barrier was settled: the next barrier reports it. */
    private Throwable failedSinceBarrier;
    /** The consumer's sequence in the ring, to give slots back within a long batch; null in unit tests. */
    private Sequence consumed;
    /** Producers asleep on a full ring; null for none. */
    private final FullRingWaiters sleepers;

    /** A consumer whose producers read the system clock (no {@link ScalarClock} to keep fresh). */
    public ConsumerHandler(RunFiles runs, PipelineState state, FsyncPolicy fsyncPolicy,
                           Consumer<Throwable> errorHandler, SelfMetrics selfMetrics) {
        this(runs, state, fsyncPolicy, errorHandler, selfMetrics, null, null);
    }

    /**
     * @param scalarPath what the producers share with the consumer for scalars: the wall clock,
     *     refreshed here while scalars are taken and made stale before anything slow (the end of a
     *     batch, a payload, a write), and the tags' ids; null for none
     * @param sleepers producers asleep on a full ring, woken here as slots are given back; null for none
     */
    public ConsumerHandler(RunFiles runs, PipelineState state, FsyncPolicy fsyncPolicy,
                           Consumer<Throwable> errorHandler, SelfMetrics selfMetrics, ScalarFastPath scalarPath,
                           FullRingWaiters sleepers) {
        this.sleepers = sleepers;
        this.clock = scalarPath == null ? null : scalarPath.clock();
        this.tagIds = scalarPath == null ? null : scalarPath.tagIds();
        if (clock != null) {
            runs.beforeIo(clock::stale);
        }
        this.selfMetrics = selfMetrics;
        this.runs = runs;
        this.state = state;
        this.fsyncPolicy = fsyncPolicy;
        this.errorHandler = errorHandler;
    }

    @Override
    public void onShutdown() {
        if (!closed) {
            // Halted without a close barrier (close timed out): write and close what we can.
            closeFiles(null);
        }
        state.running(false);
    }

    /**
     * Slots given back to producers every this many events within a batch, not only at its end: a
     * full ring (65,536 slots, a batch of as many) then refills while the consumer works through it,
     * instead of producers waiting for the whole batch.
     */
    static final int RELEASE_EVERY = 1024;

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        this.consumed = sequenceCallback;
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        if (clock != null) {
            clock.refresh();
        }
    }

    @Override
    public void onEvent(LogSlot slot, long sequence, boolean endOfBatch) {
        if (clock != null && (sequence & (ScalarClock.REFRESH_EVERY - 1)) == 0) {
            clock.refresh();
        }
        try {
            if (slot.filledFor(sequence)) {
                handle(slot);
            } // else a producer claimed the slot and failed before filling it: nothing to do
        } catch (SubRunLostException e) {
            // That sub-run's loss only: reported once, each of its events counted.
            if (e.firstReport()) {
                fail(e, false);
            }
            state.addLost(1);
        } catch (IOException e) {
            storageFailed(e);
            state.addLost(1);
        } catch (Throwable t) {
            fail(t, false);
            state.addLost(1);
        } finally {
            // A payload or barrier is dropped once handled, so a slot never pins one; a payload found
            // in a slot not filled for this sequence was half-filled by a failed producer: released too.
            // A scalar slot holds none and is not written to at all.
            Object payload = slot.payload();
            if (payload != null) {
                if (payload instanceof Payload) {
                    releaseQuietly((Payload) payload);
                }
                slot.dropPayload();
            }
        }
        if (endOfBatch) {
            stale(); // the consumer may wait for any time now
            endBatch(sequence); // the slots go back after it: a hung write holds the ring up
        } else if ((sequence & (RELEASE_EVERY - 1)) == RELEASE_EVERY - 1) {
            giveBack(sequence);
        }
    }

    /**
     * The consumer found no next event (the parking wait strategy ends its first wait of an idle
     * spell this way): writes whatever is still held, so data reach the OS as soon as producers
     * pause, and wakes sleeping producers if there is room for them: all of them when the ring went
     * idle (it is then empty). A full ring whose next slot was claimed but not yet
     * published (a producer descheduled in between, usual with more producers than cores) wakes no
     * one: waking them all there, as before, woke the 4 producers of the 2-core dev VM's benchmark
     * ~25 times a second into a ring with no room (~3,900 unparks a second, with the queue's stale
     * entries of that time), and they took the cores from the consumer and from the one producer
     * that had to finish its claim.
     */
    @Override
    public void onTimeout(long sequence) {
        stale();
        if (sleepers != null) {
            sleepers.wakeIfRoom(sequence);
        }
        endBatch(sequence);
    }

    /**
     * The slots up to {@code sequence} are handled and their payloads released: producers may reuse
     * them, and a producer asleep on the full ring is woken if there is room enough.
     */
    private void giveBack(long sequence) {
        if (consumed != null) {
            consumed.set(sequence);
            if (sleepers != null) {
                sleepers.wakeIfRoom(sequence);
            }
        }
    }

    private void stale() {
        if (clock != null) {
            clock.stale();
        }
    }

    private void handle(LogSlot slot) throws IOException {
        SlotKind kind = slot.kind();
        if (kind != SlotKind.SCALAR && kind != SlotKind.SCALARS_MEMBER) {
            stale(); // a payload or barrier can take milliseconds
        }
        switch (kind) {
            case EMPTY:
                return;
            case FLUSH:
                state.addBarrierConsumed();
                flush((Barrier) slot.payload());
                return;
            case CLOSE:
                state.addBarrierConsumed();
                close((Barrier) slot.payload());
                return;
            case TICK:
                // Nothing to write: the end of this batch checks the files' ages (file.maxAgeMillis).
                state.addBarrierConsumed();
                return;
            default:
                break;
        }
        if (closed || state.ioFailed() || state.abandoned()) {
            state.addLost(1);
            return;
        }
        switch (kind) {
            case SCALAR:
                int tagId = slot.tagId();
                if (tagId >= 0) {
                    runs.scalar(tagId, tagIds, slot.step(), slot.wallTimeMillis(), slot.value());
                } else {
                    runs.scalar(slot.tag(), slot.step(), slot.wallTimeMillis(), slot.value());
                }
                break;
            case SCALARS_MEMBER:
                runs.scalarsMember(slot.tag(), slot.subKey(), slot.step(), slot.wallTimeMillis(), slot.value());
                break;
            case PAYLOAD:
                ((Payload) slot.payload()).writeTo(encoders, runs, slot.wallTimeMillis());
                break;
            default:
                throw new IllegalStateException("unknown slot kind " + slot.kind());
        }
        writtenInBatch++;
    }

    private void endBatch(long sequence) {
        if (closed || state.ioFailed() || state.abandoned()) {
            publishCounts();
            return;
        }
        try {
            if (selfMetrics.enabled()) {
                long start = System.nanoTime();
                selfMetrics.beforeWrite(runs, state, sequence, start);
                runs.writeAll();
                selfMetrics.wrote(System.nanoTime() - start);
            } else {
                runs.writeAll();
            }
        } catch (IOException e) {
            storageFailed(e);
        }
        publishCounts();
    }

    private void publishCounts() {
        if (writtenInBatch > 0) {
            if (state.abandoned()) {
                state.addLost(writtenInBatch); // close already reported them lost
            } else {
                state.addWritten(writtenInBatch);
            }
            writtenInBatch = 0;
        }
        state.setBytes(runs.bytesWritten());
    }

    private void flush(Barrier barrier) {
        if (!closed && !state.ioFailed()) {
            try {
                runs.publishAll();
                if (fsyncPolicy == FsyncPolicy.FLUSH) {
                    runs.forceAll();
                }
            } catch (IOException e) {
                storageFailed(e);
            }
        }
        publishCounts();
        settle(barrier);
    }

    private void close(Barrier barrier) {
        if (!closed) {
            closeFiles(barrier);
        }
        settle(barrier);
    }

    private void closeFiles(Barrier barrier) {
        closed = true;
        try {
            if (!state.ioFailed() && !state.abandoned()) {
                runs.writeAll();
                if (fsyncPolicy != FsyncPolicy.NEVER) {
                    runs.forceAll();
                }
            }
        } catch (IOException e) {
            storageFailed(e);
        } finally {
            publishCounts();
            encoders.close();
            try {
                runs.closeAll();
            } catch (IOException e) {
                fail(e, true);
            }
        }
    }

    /**
     * Completes a barrier, or fails it: for good once the storage failed; else when something was
     * lost since the last barrier (a bad payload, a sub-run that could not be opened), reported by
     * this barrier only, so that later flushes, whose events were all written, return normally.
     */
    private void settle(Barrier barrier) {
        Throwable failure = state.ioFailed() ? state.firstFailure() : failedSinceBarrier;
        failedSinceBarrier = null;
        if (failure == null) {
            barrier.complete();
        } else {
            barrier.fail(failure);
        }
    }

    /** The storage failed: events encoded since the last count may not have reached it. */
    private void storageFailed(IOException e) {
        fail(e, true);
        state.addLost(writtenInBatch);
        writtenInBatch = 0;
    }

    private void fail(Throwable t, boolean io) {
        state.fail(t, io);
        if (failedSinceBarrier == null) {
            failedSinceBarrier = t;
        }
        try {
            errorHandler.accept(t);
        } catch (Throwable ignored) {
            // The handler is the user's; its own failure must not stop the consumer.
        }
    }

    private void releaseQuietly(Payload payload) {
        try {
            payload.release();
        } catch (Throwable t) {
            fail(t, false);
        }
    }
}
