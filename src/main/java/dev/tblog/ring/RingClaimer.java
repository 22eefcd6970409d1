package dev.tblog.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Claims ring slots under the overflow policy. A full ring is a result here, not an exception:
 * {@link #claim()} returns {@link #DROPPED} under {@code drop}.
 *
 * <p>Under {@code block} the producer backs off (spin, yield, then park for growing spans up to
 * 1 ms) instead of burning a core, and gives up with {@link IllegalStateException} as soon as the
 * logger can no longer take events (closed, or its consumer halted), so a producer never waits on a
 * consumer that will not come back.
 *
 * <p>Thread contract: any producer thread, lock-free except for the waiting of {@code block}.
 */
public final class RingClaimer {
    /** Returned by {@link #claim()} when the event was dropped. */
    public static final long DROPPED = -1;

    private static final int SPINS = 64;
    private static final int YIELDS = 16;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private final RingBuffer<LogSlot> ring;
    private final OverflowPolicy policy;
    private final BooleanSupplier stillAccepting;
    private final String whenStopped;

    /**
     * @param stillAccepting read while waiting; false once the logger is closed or its consumer stopped
     * @param whenStopped the message of the exception thrown when waiting ends that way
     */
    public RingClaimer(RingBuffer<LogSlot> ring, OverflowPolicy policy, BooleanSupplier stillAccepting,
                       String whenStopped) {
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
            return policy == OverflowPolicy.DROP ? DROPPED : claimWaiting(stillAccepting);
        }
    }

    /**
     * A slot's sequence, waiting for room whatever the policy (for barriers, which are never dropped).
     *
     * @param keepWaiting read while waiting; when false, the wait ends with {@link IllegalStateException}
     */
    public long claimWaiting(BooleanSupplier keepWaiting) {
        int attempt = 0;
        long parkNanos = 1_000;
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
