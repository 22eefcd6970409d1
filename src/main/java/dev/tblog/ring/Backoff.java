package dev.tblog.ring;

import com.lmax.disruptor.RingBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one way a producer waits, whatever it waits for: a ring slot for an event, pooled memory for
 * a payload's data, a slot for a flush or close barrier.
 *
 * <p>The back-off: {@value #SPINS} rounds of {@link Thread#onSpinWait()}, then
 * {@link LockSupport#parkNanos} for spans doubling from 1 µs up to 1 ms, so a long wait costs a
 * fraction of a core. No {@link Thread#yield()}: a yielding thread stays runnable, and beside busy
 * threads the kernel's EEVDF scheduler puts it behind them, so a producer and the consumer that
 * took turns by yielding on a small ring each waited ~0.9 s per second on their run queue. Without
 * the 16 yields this back-off had, a 4,096-slot ring beside 2 busy threads was as fast or faster in
 * each of 6 interleaved pairs (1 and 4 producers): 2.1 times as fast on average, 1.0-3.3 times;
 * without busy threads no difference. Every round first tries the {@link Room} again,
 * then checks the ends of the wait, in this order:
 * <ol>
 *   <li>the logger is closing (for waits that end on close) or its consumer stopped:
 *       {@link IllegalStateException};</li>
 *   <li>a deadline passed (barriers: {@code shutdown.timeoutMillis}): {@link #TIMED_OUT};</li>
 *   <li>a stall (waits that detect one): the consumer has work (the ring holds events it has not
 *       taken) and its sequence has not moved for {@code overflow.stallTimeoutMillis}:
 *       {@link #STALLED}, counted in {@link #stalls()}. From then on every such wait gives up at
 *       once, without waiting again, until the consumer's sequence moves.</li>
 * </ol>
 * A wait for a ring slot, when the publisher passes its {@link FullRingWaiters}, sleeps instead
 * of polling: after the spins it registers there and parks until the consumer wakes it
 * (or at most {@link FullRingWaiters#PARK_NANOS}, after which it checks the same ends and sleeps
 * again); see that class for why.
 *
 * <p>The progress measure is the consumer's sequence for every room: pooled memory is given back as
 * the consumer takes payloads, so a consumer that does not move frees nothing either. While the
 * ring is empty the consumer has nothing to do and no stall is counted (memory held by producers
 * still copying is not the consumer's fault).
 *
 * <p>Interrupts: a thread whose interrupt flag is set waits like any other. {@code parkNanos}
 * returns at once on a set flag, so the wait clears the flag before parking, and restores it
 * before it returns or throws: the caller's flag is as it was, and it cost no CPU.
 *
 * <p>Allocation-free: the rooms are long-lived objects, the state of one wait lives in locals (a
 * thread's first sleep on the ring makes its place among the {@link FullRingWaiters}, once).
 *
 * <p>Thread contract: any thread; lock-free. The stall mark is a volatile (see {@link #stalledAt}).
 */
public final class Backoff {
    /** {@link #await} gave up: the consumer made no progress for the stall timeout. */
    public static final long STALLED = -2;
    /** {@link #await} gave up: its deadline passed. */
    public static final long TIMED_OUT = -3;

    static final int SPINS = 64;
    static final long FIRST_PARK_NANOS = 1_000;
    static final long MAX_PARK_NANOS = 1_000_000;
    private static final long NOT_STALLED = Long.MIN_VALUE;

    /** Something a producer waits for. */
    public interface Room {
        /** What {@link #tryTake} returns when there is no room yet. */
        long NONE = -1;

        /**
         * One attempt, without waiting.
         *
         * @param amount what is asked for (bytes of pooled memory; ignored for a ring slot)
         * @return a result {@code >= 0} (a slot's sequence, 0 for reserved memory), or {@link #NONE}
         */
        long tryTake(long amount);
    }

    private final RingBuffer<?> ring;
    private final AtomicBoolean closing;
    private final BooleanSupplier consumerRunning;
    private final Runnable wakeConsumer;
    private final long stallTimeoutNanos;
    private final String closedMessage;
    private final AtomicLong stalls = new AtomicLong();
    /**
     * The consumer's sequence when a wait last gave up on it, or NOT_STALLED. Volatile: a producer
     * that sees it set (and the consumer still there) gives up at once instead of waiting again. A
     * benign race: two producers may each wait out the timeout once.
     */
    private volatile long stalledAt = NOT_STALLED;
    /** The room whose waits sleep until the consumer wakes them, and where they register; or null. */
    private final Room sleepingRoom;
    private final FullRingWaiters sleepers;

    /**
     * @param ring whose consumer sequence is the measure of progress
     * @param closing set once the logger's close has begun
     * @param consumerRunning false once the consumer thread stopped
     * @param wakeConsumer wakes a parked consumer; run once when a wait begins, since the consumer is
     *     what makes room
     * @param stallTimeoutMillis give up after this long without progress; 0 never
     * @param closedMessage the message of the {@link IllegalStateException} that ends a wait
     * @param sleepingRoom the room of ring slots, whose waits sleep until {@code sleepers} wakes
     *     them; null for none
     * @param sleepers where those waits register; null for none
     */
    public Backoff(RingBuffer<?> ring, AtomicBoolean closing, BooleanSupplier consumerRunning,
                   Runnable wakeConsumer, long stallTimeoutMillis, String closedMessage, Room sleepingRoom,
                   FullRingWaiters sleepers) {
        this.sleepingRoom = sleepers == null ? null : sleepingRoom;
        this.sleepers = sleepers;
        this.ring = ring;
        this.closing = closing;
        this.consumerRunning = consumerRunning;
        this.wakeConsumer = wakeConsumer;
        this.stallTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(stallTimeoutMillis);
        this.closedMessage = closedMessage;
    }

    /**
     * Waits until {@code room} gives a result.
     *
     * @param endsOnClose whether the wait ends when the logger's close begins (every call of a
     *     producer; not close's own barrier)
     * @param deadlineNanos a {@link System#nanoTime()} after which to give up, if {@code hasDeadline}
     * @param detectStall whether to give up on a consumer that makes no progress
     * @return the room's result, or {@link #STALLED}, or {@link #TIMED_OUT}
     * @throws IllegalStateException the logger is closing ({@code endsOnClose}) or its consumer stopped
     */
    public long await(Room room, long amount, boolean endsOnClose, boolean hasDeadline, long deadlineNanos,
                      boolean detectStall) {
        long result = room.tryTake(amount);
        if (result != Room.NONE) {
            return result;
        }
        boolean stallDetection = detectStall && stallTimeoutNanos > 0;
        if (stallDetection && stillStalled()) {
            stalls.incrementAndGet();
            return STALLED;
        }
        wakeConsumer.run(); // the consumer is what makes room: a parked one should not sleep on

        boolean interrupted = false;
        boolean sleeps = room == sleepingRoom;
        try {
            int round = 0;
            long parkNanos = FIRST_PARK_NANOS;
            long consumerSeen = Long.MIN_VALUE;
            long seenAt = 0;
            while (true) {
                result = room.tryTake(amount);
                if (result != Room.NONE) {
                    return result;
                }
                if ((endsOnClose && closing.get()) || !consumerRunning.getAsBoolean()) {
                    throw new IllegalStateException(closedMessage);
                }
                round++;
                if (round < SPINS) {
                    Thread.onSpinWait();
                    continue;
                }
                long now = System.nanoTime();
                if (hasDeadline && now - deadlineNanos >= 0) {
                    return TIMED_OUT;
                }
                if (stallDetection) {
                    long consumer = ring.getMinimumGatingSequence();
                    if (consumer != consumerSeen || ring.getCursor() == consumer) {
                        // It moved, or it has nothing to do: the clock starts again.
                        consumerSeen = consumer;
                        seenAt = now;
                    } else if (now - seenAt >= stallTimeoutNanos) {
                        stalledAt = consumer;
                        stalls.incrementAndGet();
                        return STALLED;
                    }
                }
                // A set flag makes parkNanos return at once: clear it while waiting, restore it after.
                interrupted |= Thread.interrupted();
                if (sleeps && sleepers.register()) {
                    result = room.tryTake(amount); // registered first: a consumer that freed room since wakes us
                    if (result != Room.NONE) {
                        return result;
                    }
                    LockSupport.parkNanos(FullRingWaiters.PARK_NANOS);
                    continue;
                }
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a wait gave up on the consumer and it has not moved since. */
    private boolean stillStalled() {
        long stalled = stalledAt;
        if (stalled == NOT_STALLED) {
            return false;
        }
        if (stalled == ring.getMinimumGatingSequence()) {
            return true;
        }
        stalledAt = NOT_STALLED;
        return false;
    }

    /** Waits that gave up on a consumer that made no progress. */
    public long stalls() {
        return stalls.get();
    }

    /** The stall timeout in milliseconds; 0 when stalls are never detected. */
    public long stallTimeoutMillis() {
        return TimeUnit.NANOSECONDS.toMillis(stallTimeoutNanos);
    }

    @Override
    public String toString() {
        return "Backoff[spin " + SPINS + ", park up to 1 ms"
            + (sleepers == null ? "" : ", ring slots: sleep until woken") + ", stall timeout "
            + stallTimeoutMillis() + " ms]";
    }
}
