package dev.tblog.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Claims ring slots under the overflow policy. A full ring is a result here, not an exception:
 * {@link #claim()} returns {@link #DROPPED} under {@code drop}.
 *
 * <p>Under {@code block} the producer backs off (spin, yield, then park for growing spans up to
 * 1 ms) instead of burning a core, and gives up with {@link IllegalStateException} as soon as the
 * logger can no longer take events (closed, or its consumer halted), so a producer never waits on a
 * consumer that will not come back. With a stall timeout, it also gives up ({@link #DROPPED},
 * counted in {@link #stalls()}) on a consumer that is there but makes no progress (a hung disk).
 *
 * <p>Thread contract: any producer thread, lock-free except for the waiting of {@code block}.
 */
public final class RingClaimer {
    /** Returned by {@link #claim()} when the event was dropped. */
    public static final long DROPPED = -1;

    private static final int SPINS = 64;
    private static final int YIELDS = 16;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private static final long NOT_STALLED = Long.MIN_VALUE;

    private final RingBuffer<LogSlot> ring;
    private final OverflowPolicy policy;
    private final BooleanSupplier stillAccepting;
    private final String whenStopped;
    private final long stallTimeoutNanos;
    /**
     * The consumer's sequence when a producer last gave up on it, or NOT_STALLED. Volatile: a
     * producer that sees it set (and the consumer still there) drops at once instead of waiting again;
     * a benign race, two producers may each wait out the timeout once.
     */
    private volatile long stalledAt = NOT_STALLED;
    private final AtomicLong stalls = new AtomicLong();

    /**
     * @param stillAccepting read while waiting; false once the logger is closed or its consumer stopped
     * @param whenStopped the message of the exception thrown when waiting ends that way
     */
    public RingClaimer(RingBuffer<LogSlot> ring, OverflowPolicy policy, BooleanSupplier stillAccepting,
                       String whenStopped) {
        this(ring, policy, stillAccepting, whenStopped, 0);
    }

    /**
     * @param stallTimeoutMillis under {@code block}: give up (return {@link #DROPPED}) after waiting this
     *     long with no progress of the consumer; 0 waits forever
     */
    public RingClaimer(RingBuffer<LogSlot> ring, OverflowPolicy policy, BooleanSupplier stillAccepting,
                       String whenStopped, long stallTimeoutMillis) {
        this.stallTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(stallTimeoutMillis);
        this.ring = ring;
        this.policy = policy;
        this.stillAccepting = stillAccepting;
        this.whenStopped = whenStopped;
    }

    /** A slot's sequence, or {@link #DROPPED} under {@code drop} when the ring is full. */
    public long claim() {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return policy.whenFull(this);
        }
    }

    /**
     * The {@code block} wait: like {@link #claimWaiting}, but returns {@link #DROPPED} once the
     * consumer has made no progress for the stall timeout (and at once while it still has not moved
     * since a producer last gave up). Allocation-free.
     */
    long claimBlocking() {
        if (stallTimeoutNanos == 0) {
            return claimWaiting(stillAccepting);
        }
        long stalled = stalledAt;
        if (stalled != NOT_STALLED) {
            if (stalled == ring.getMinimumGatingSequence()) {
                stalls.incrementAndGet();
                return DROPPED;
            }
            stalledAt = NOT_STALLED;
        }
        long sequence = waitForRoom(stillAccepting, true);
        if (sequence == DROPPED) {
            stalls.incrementAndGet();
        }
        return sequence;
    }

    /** Calls that {@code block} gave up on because the consumer made no progress. */
    public long stalls() {
        return stalls.get();
    }

    /**
     * A slot's sequence, waiting for room whatever the policy (for barriers, which are never dropped).
     *
     * @param keepWaiting read while waiting; when false, the wait ends with {@link IllegalStateException}
     */
    public long claimWaiting(BooleanSupplier keepWaiting) {
        return waitForRoom(keepWaiting, false);
    }

    /**
     * Spins, yields, then parks for growing spans up to 1 ms until a slot is free.
     *
     * @param detectStall whether to return {@link #DROPPED} once the consumer's sequence has not
     *     moved for the stall timeout (read only once parking, so spinning costs nothing extra)
     */
    private long waitForRoom(BooleanSupplier keepWaiting, boolean detectStall) {
        int attempt = 0;
        long parkNanos = 1_000;
        long consumerSeen = Long.MIN_VALUE;
        long seenAt = 0;
        while (true) {
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException full) {
                if (!keepWaiting.getAsBoolean()) {
                    throw new IllegalStateException(whenStopped);
                }
                attempt++;
                if (attempt < SPINS) {
                    Thread.onSpinWait();
                } else if (attempt < SPINS + YIELDS) {
                    Thread.yield();
                } else {
                    if (detectStall) {
                        long consumer = ring.getMinimumGatingSequence();
                        long now = System.nanoTime();
                        if (consumer != consumerSeen) {
                            consumerSeen = consumer;
                            seenAt = now;
                        } else if (now - seenAt >= stallTimeoutNanos) {
                            stalledAt = consumer;
                            return DROPPED;
                        }
                    }
                    LockSupport.parkNanos(parkNanos);
                    parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
                }
            }
        }
    }

    /** The slot of a claimed sequence. */
    public LogSlot slot(long sequence) {
        return ring.get(sequence);
    }

    /** Publishes a claimed sequence; call in {@code finally}. */
    public void publish(long sequence) {
        ring.publish(sequence);
    }

    /** The policy in force. */
    public OverflowPolicy policy() {
        return policy;
    }
}
