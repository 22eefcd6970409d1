package dev.tblog.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import dev.tblog.config.OverflowPolicy;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The one publishing seam of the producer side: every {@code add*} call of the logger ends here.
 * It owns the closed check, the claim of a ring slot under the overflow policy, the fill in
 * {@code try} and the publish in {@code finally}, the pooled copy of payload data, and the drop
 * counts by kind.
 *
 * <pre>{@code
 * long sequence = claim(kind);             // closed check, then a slot or DROPPED (counted)
 * if (sequence == DROPPED) return;
 * try {
 *     ring.get(sequence).setScalar(sequence, ...);   // fill, stamped with the sequence
 * } finally {
 *     ring.publish(sequence);              // always: the consumer skips a slot left half-filled
 * }
 * }</pre>
 *
 * <p>The overflow decision is a returned value, never an exception: under {@code drop} a full ring
 * or full payload memory is {@link #DROPPED} at once; under {@code block} the call waits through
 * the one {@link Backoff}, and gives up as {@link #DROPPED} (counted as a stall too) on a consumer
 * that made no progress for {@code overflow.stallTimeoutMillis}. A wait ends with
 * {@link IllegalStateException} when the logger closes or its consumer stops, as does any call
 * made after close began.
 *
 * <p>Producers take turns ({@link ProducerTurns}, when the logger's {@code ring.producersTakeTurns}
 * is on): under {@code block}, a scalar caller that finds itself claiming in alternation with
 * another thread at a high rate sleeps once, after its publish, until the consumer wakes it.
 *
 * <p>Payloads that must not be lost to a burst ({@link #publishUnlessStalled}, e.g. hparams) wait
 * for room under either policy, still bounded by the stall timeout.
 *
 * <p>Thread contract: any producer thread, lock-free except for the waits of {@code block}. The
 * scalar path ({@link #scalar}, {@link #scalarsMember}) allocates nothing, waiting or not (but for
 * a thread's first sleep on a full ring: its place among the {@link FullRingWaiters}, made once).
 */
public final class Publisher {
    /** A claim that the overflow policy dropped (or that gave up on a stalled consumer). */
    public static final long DROPPED = -1;
    /** The kind under which scalars (and members of {@code addScalars}) are counted when dropped. */
    public static final String SCALAR_KIND = DropCounts.SCALAR;

    private final RingBuffer<LogSlot> ring;
    private final OverflowPolicy policy;
    private final PayloadPool pool;
    private final Backoff backoff;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final DropCounts drops = new DropCounts();
    private final String closedMessage;
    private final Backoff.Room slots;
    private final Runnable wakeConsumer;
    private final ScalarClock clock;
    /** Null when producers do not take turns. */
    private final ProducerTurns turns;

    /**
     * A publisher whose scalars read the system clock ({@link ScalarClock#systemOnly()}).
     *
     * @param consumerRunning false once the consumer thread stopped
     * @param wakeConsumer wakes a parked consumer now: after a barrier, and when a wait begins
     * @param name how messages name the logger, e.g. {@code "logger of runs/exp"}
     */
    public Publisher(RingBuffer<LogSlot> ring, OverflowPolicy policy, long stallTimeoutMillis, long payloadBudgetBytes,
                     BooleanSupplier consumerRunning, Runnable wakeConsumer, String name) {
        this(ring, ScalarClock.systemOnly(), null, false, policy, stallTimeoutMillis, payloadBudgetBytes,
            consumerRunning, wakeConsumer, name);
    }

    /**
     * @param clock the wall clock of the scalar path, which the ring's consumer refreshes
     * @param sleepers where a call that finds the ring full sleeps until the consumer wakes it; null
     *     to poll with the plain back-off
     * @param takeTurns whether scalar callers that interleave with another thread sleep among the
     *     {@code sleepers} ({@link ProducerTurns}); only with sleepers and under the {@code block} policy
     * @param consumerRunning false once the consumer thread stopped
     * @param wakeConsumer wakes a parked consumer now: after a barrier, and when a wait begins
     * @param name how messages name the logger, e.g. {@code "logger of runs/exp"}
     */
    public Publisher(RingBuffer<LogSlot> ring, ScalarClock clock, FullRingWaiters sleepers, boolean takeTurns,
                     OverflowPolicy policy, long stallTimeoutMillis, long payloadBudgetBytes,
                     BooleanSupplier consumerRunning, Runnable wakeConsumer, String name) {
        boolean turnsApply = takeTurns && sleepers != null && policy == OverflowPolicy.BLOCK;
        this.turns = turnsApply ? new ProducerTurns(sleepers) : null;
        this.ring = ring;
        this.clock = clock;
        this.wakeConsumer = wakeConsumer;
        this.policy = policy;
        this.pool = new PayloadPool(payloadBudgetBytes);
        this.closedMessage = name + " is closed";
        this.slots = amount -> {
            if (ring.remainingCapacity() <= 0) {
                // Full: a look that only reads. A failed tryNext also writes the ring's shared cache
                // of the consumer's sequence, and waiting producers try on every spin.
                return Backoff.Room.NONE;
            }
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException full) {
                return Backoff.Room.NONE; // a preallocated exception: this path allocates nothing
            }
        };
        this.backoff = new Backoff(ring, closing, consumerRunning, wakeConsumer, stallTimeoutMillis, closedMessage,
            slots, sleepers);
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** Marks the logger closing; true for the one caller that did it. Every later call throws. */
    public boolean beginClose() {
        return closing.compareAndSet(false, true);
    }

    /** Whether close has begun. */
    public boolean isClosing() {
        return closing.get();
    }

    /** @throws IllegalStateException once close has begun */
    public void ensureOpen() {
        if (closing.get()) {
            throw new IllegalStateException(closedMessage);
        }
    }

    // ---- events ----------------------------------------------------------------------------

    /**
     * Publishes a scalar of the main run, stamped with the wall time at which it entered the ring
     * ({@link ScalarClock}), the slot carrying the tag's id when it has one; allocation-free.
     *
     * @param tagId the tag's id in the logger's {@link TagIds}, or {@code -1}: the slot then
     *     carries the tag itself
     * @throws IllegalStateException the logger is closed
     */
    public void scalar(String tag, int tagId, long step, double value) {
        long sequence = claim(null);
        if (sequence == DROPPED) {
            return;
        }
        try {
            LogSlot slot = ring.get(sequence);
            long wallTimeMillis = clock.millis(sequence);
            if (tagId >= 0) {
                slot.setScalar(sequence, tagId, step, value, wallTimeMillis);
            } else {
                slot.setScalar(sequence, tag, step, value, wallTimeMillis);
            }
        } finally {
            ring.publish(sequence);
        }
        if (turns != null) {
            turns.afterPublish(sequence);
        }
    }

    /** Publishes one member of an {@code addScalars} call; allocation-free. */
    public void scalarsMember(String mainTag, String key, long step, double value, long wallTimeMillis) {
        long sequence = claim(null);
        if (sequence == DROPPED) {
            return;
        }
        try {
            ring.get(sequence).setScalarsMember(sequence, mainTag, key, step, value, wallTimeMillis);
        } finally {
            ring.publish(sequence);
        }
        if (turns != null) {
            turns.afterPublish(sequence);
        }
    }

    /**
     * Publishes a payload under the overflow policy. A dropped payload is counted under its kind and
     * released here; so is one whose claim threw.
     *
     * @return false when dropped
     * @throws IllegalStateException the logger is closed
     */
    public boolean publish(Payload payload) {
        long sequence;
        try {
            sequence = claim(payload.kind().name());
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
        return publishClaimed(sequence, payload);
    }

    /**
     * Publishes a payload that no burst may drop: it waits for room under either policy, and is
     * dropped (counted, released) only when the consumer made no progress for the stall timeout.
     *
     * @return false when given up on a stalled consumer
     * @throws IllegalStateException the logger is closed, or closed while waiting
     */
    public boolean publishUnlessStalled(Payload payload) {
        long sequence;
        try {
            ensureOpen();
            sequence = toDropped(backoff.await(slots, 1, true, false, 0, true), payload.kind().name());
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
        return publishClaimed(sequence, payload);
    }

    private boolean publishClaimed(long sequence, Payload payload) {
        if (sequence == DROPPED) {
            payload.release();
            return false;
        }
        try {
            ring.get(sequence).setPayload(sequence, SlotKind.PAYLOAD, payload, System.currentTimeMillis());
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    /**
     * The closed check, then a slot's sequence, or {@link #DROPPED} (counted under {@code kind},
     * {@code null} for scalars) when the policy dropped the event.
     */
    private long claim(String kind) {
        ensureOpen();
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException full) {
            if (policy != OverflowPolicy.BLOCK) {
                wakeConsumer.run(); // a parked consumer must not sleep on while drops pile up
                return toDropped(DROPPED, kind);
            }
            return toDropped(backoff.await(slots, 1, true, false, 0, true), kind);
        }
    }

    /** How this publisher's scalar callers take turns; null when they do not (for tests). */
    ProducerTurns turns() {
        return turns;
    }

    private long toDropped(long sequence, String kind) {
        if (sequence >= 0) {
            return sequence;
        }
        if (kind == null) {
            drops.scalar();
        } else {
            drops.kind(kind);
        }
        return DROPPED;
    }

    // ---- pooled payload data ---------------------------------------------------------------

    /**
     * A pooled float array of at least {@code length}, or {@code null} when the overflow policy
     * dropped the call (counted under {@code kind}); the payload that holds it gives it back.
     *
     * @throws IllegalArgumentException the array alone is bigger than {@code payload.maxPendingBytes}
     * @throws IllegalStateException the logger is closed
     */
    public float[] floats(int length, PayloadKind<?> kind) {
        int sizeClass = PayloadPool.sizeClass(length);
        return reserve(pool.bytesOf(Float.BYTES, sizeClass), kind) ? pool.floats(sizeClass) : null;
    }

    /** As {@link #floats}, for doubles. */
    public double[] doubles(int length, PayloadKind<?> kind) {
        int sizeClass = PayloadPool.sizeClass(length);
        return reserve(pool.bytesOf(Double.BYTES, sizeClass), kind) ? pool.doubles(sizeClass) : null;
    }

    /** As {@link #floats}, for bytes. */
    public byte[] bytes(int length, PayloadKind<?> kind) {
        int sizeClass = PayloadPool.sizeClass(length);
        return reserve(pool.bytesOf(Byte.BYTES, sizeClass), kind) ? pool.bytes(sizeClass) : null;
    }

    /** As {@link #floats}, for booleans (one byte each). */
    public boolean[] booleans(int length, PayloadKind<?> kind) {
        int sizeClass = PayloadPool.sizeClass(length);
        return reserve(pool.bytesOf(Byte.BYTES, sizeClass), kind) ? pool.booleans(sizeClass) : null;
    }

    private boolean reserve(long bytes, PayloadKind<?> kind) {
        ensureOpen();
        if (pool.tryTake(bytes) != Backoff.Room.NONE) {
            return true;
        }
        if (policy != OverflowPolicy.BLOCK) {
            wakeConsumer.run(); // the consumer frees pooled memory: it must not sleep on
            return toDropped(DROPPED, kind.name()) != DROPPED;
        }
        return toDropped(backoff.await(pool, bytes, true, false, 0, true), kind.name()) != DROPPED;
    }

    /** The pool payloads give their arrays back to. */
    public PayloadPool pool() {
        return pool;
    }

    // ---- barriers --------------------------------------------------------------------------

    /**
     * Claims a slot for a flush or close barrier, which is never dropped: waits until the deadline.
     *
     * @param endsOnClose whether a close that begins meanwhile ends the wait (flush: yes; close's own
     *     barrier: no)
     * @return the sequence, or {@link Backoff#TIMED_OUT}
     * @throws IllegalStateException the consumer stopped, or ({@code endsOnClose}) close began
     */
    public long claimBarrier(long deadlineNanos, boolean endsOnClose) {
        return backoff.await(slots, 1, endsOnClose, true, deadlineNanos, false);
    }

    /**
     * Claims a slot for a barrier nobody waits for (a {@link SlotKind#TICK}) if the ring has room
     * now; never waits.
     *
     * @return the sequence, or {@link Backoff#TIMED_OUT} when the ring is full (the consumer is busy)
     */
    public long tryClaimBarrier() {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return Backoff.TIMED_OUT;
        }
    }

    /** Fills and publishes a claimed barrier slot, and wakes the consumer if it is parked. */
    public void publishBarrier(long sequence, SlotKind kind, Object barrier) {
        try {
            ring.get(sequence).setPayload(sequence, kind, barrier, System.currentTimeMillis());
        } finally {
            ring.publish(sequence);
        }
        wakeConsumer.run();
    }

    // ---- counts ----------------------------------------------------------------------------

    /** Calls dropped so far; each count read on its own, exact only when no producer runs. */
    public long droppedTotal() {
        return drops.total();
    }

    /** Drops by kind, sorted; {@value #SCALAR_KIND} always present. */
    public Map<String, Long> droppedByKind() {
        return drops.byKind();
    }

    /** Calls that gave up on a consumer that made no progress. */
    public long stalls() {
        return backoff.stalls();
    }

    /** The wait every producer shares. */
    public Backoff backoff() {
        return backoff;
    }

    /** The policy in force. */
    public OverflowPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "Publisher[" + policy + ", " + backoff + ", " + pool + "]";
    }
}
