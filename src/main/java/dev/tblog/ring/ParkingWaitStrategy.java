package dev.tblog.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * How the consumer waits for the next event ({@code ring.waitStrategy=parking}, the default): spin,
 * yield, then park for spans doubling from {@value #FIRST_PARK_NANOS} ns up to
 * {@value #MAX_PARK_NANOS} ns, and once the ring has been idle for {@value #LONG_IDLE_NANOS} ns, up
 * to {@value #LONG_IDLE_MAX_PARK_NANOS} ns. A logger idle for long wakes about 250 times a second
 * (each wake costs ~15-20 µs of CPU on the 2-core dev VM: at 1 ms spans that was 1.7 % of a core,
 * measured); an event published while the consumer is parked waits at most ~1 ms in a busy spell
 * and ~4 ms after a long idle one; a producer never signals it on the scalar path (no lock, no
 * system call per call). The rare callers
 * that must not wait that long wake it: flush and close barriers, and a producer that finds the ring
 * full ({@link #wake()}).
 *
 * <p>It waits until the next event is <em>published</em>, not merely claimed. A producer descheduled
 * between its claim and its publish (4 producers on 2 cores) leaves a gap; the Disruptor's batch
 * loop would spin on that gap at full speed, taking the very core the producer needs to finish. Here
 * the consumer backs off like any other wait and leaves the core to it, parking at most
 * {@value #GAP_MAX_PARK_NANOS} ns at a time: the events behind a gap are already there.
 *
 * <p>Before its first park of an idle spell it ends the wait once with {@link TimeoutException}:
 * the Disruptor then calls the handler's {@code onTimeout}, where the consumer writes what it holds
 * ("the ring is idle": data reach the OS as soon as producers pause).
 *
 * <p>Thread contract: {@link #waitFor} on the one consumer thread; {@link #wake()} and
 * {@link #signalAllWhenBlocking()} from any thread. {@link #watch} once, before the consumer starts.
 */
public final class ParkingWaitStrategy implements WaitStrategy {
    static final int SPINS = 128;
    static final int YIELDS = 64;
    static final long FIRST_PARK_NANOS = 20_000;
    static final long MAX_PARK_NANOS = 1_000_000;
    /** Idle this long (parked in one wait), the spans may grow to {@link #LONG_IDLE_MAX_PARK_NANOS}. */
    static final long LONG_IDLE_NANOS = 50_000_000;
    static final long LONG_IDLE_MAX_PARK_NANOS = 4_000_000;
    static final long GAP_MAX_PARK_NANOS = 50_000;

    private static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(ParkingWaitStrategy.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RingBuffer<?> ring;
    /** The consumer thread, set on its first wait; volatile so that {@link #wake()} sees it. */
    private volatile Thread consumer;
    /** Set by the consumer around each park (a full fence after setting it, see {@link #wake()}). */
    @SuppressWarnings("unused") // through PARKED
    private volatile boolean parked;
    /** The sequence whose idle spell already ended in a timeout; consumer thread only. */
    private long timedOutAt = Long.MIN_VALUE;

    /** The ring whose published slots the consumer waits for; call once, before the consumer starts. */
    public void watch(RingBuffer<?> ringBuffer) {
        this.ring = ringBuffer;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException, TimeoutException {
        long available = dependentSequence.get();
        if (available >= sequence && ring.isAvailable(sequence)) {
            return available;
        }
        if (consumer == null) {
            consumer = Thread.currentThread();
        }
        long parkNanos = FIRST_PARK_NANOS;
        long parkedNanos = 0;
        for (int round = 0; ; round++) {
            barrier.checkAlert();
            available = dependentSequence.get();
            if (available >= sequence && ring.isAvailable(sequence)) {
                return available;
            }
            if (round < SPINS) {
                Thread.onSpinWait();
            } else if (round < SPINS + YIELDS) {
                Thread.yield();
            } else if (timedOutAt != sequence) {
                timedOutAt = sequence;
                throw TimeoutException.INSTANCE; // once per idle spell: the handler writes what it holds
            } else {
                // Claimed but not published: a gap, which its producer fills as soon as it runs again.
                long most = available >= sequence ? GAP_MAX_PARK_NANOS : LONG_IDLE_MAX_PARK_NANOS;
                long span = Math.min(parkNanos, most);
                park(sequence, span);
                parkedNanos += span;
                parkNanos = Math.min(2 * parkNanos,
                    parkedNanos >= LONG_IDLE_NANOS ? LONG_IDLE_MAX_PARK_NANOS : MAX_PARK_NANOS);
            }
        }
    }

    private void park(long sequence, long nanos) {
        PARKED.setVolatile(this, true);
        // Dekker with wake(): the flag is visible before we look at the ring again; a waker that
        // published first is seen here, one that publishes after sees the flag and unparks us.
        VarHandle.fullFence();
        if (!ring.isAvailable(sequence)) {
            // The consumer ends on the close barrier or an alert, never on an interrupt; a set flag
            // would make every park return at once and the wait spin.
            Thread.interrupted();
            LockSupport.parkNanos(this, nanos);
        }
        PARKED.setVolatile(this, false);
    }

    /**
     * Wakes the consumer now if it is parked (flush and close barriers, a full ring); otherwise
     * nothing. Call after publishing.
     */
    public void wake() {
        VarHandle.fullFence(); // the publish before the look at the flag
        if ((boolean) PARKED.getVolatile(this)) {
            Thread t = consumer;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Called by the Disruptor on every publish and on an alert: nothing, so that a producer pays
     * nothing for a parked consumer. An alert (halt) is seen within one park.
     */
    @Override
    public void signalAllWhenBlocking() {
    }

    @Override
    public String toString() {
        return "parking[spin " + SPINS + ", yield " + YIELDS + ", park " + FIRST_PARK_NANOS / 1000 + " us to "
            + MAX_PARK_NANOS / 1_000_000 + " ms, " + LONG_IDLE_MAX_PARK_NANOS / 1_000_000 + " ms after "
            + LONG_IDLE_NANOS / 1_000_000 + " ms idle]";
    }
}
