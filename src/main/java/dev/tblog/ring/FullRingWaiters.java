package dev.tblog.ring;

import com.lmax.disruptor.RingBuffer;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Producers asleep on a full ring, woken by the consumer one at a time as it frees room.
 *
 * <p>Why: with more logging threads than cores (4 on the 2-core dev VM), threads that spin, yield
 * or poll with short parks while the ring is full stay runnable, so the scheduler gives them the
 * consumer's core, the one thread that makes room; and those that run at once on both cores pass
 * the ring's cursor and slots between the cores on every claim (measured while polling: ~100-190 ns
 * of producer CPU per scalar against ~30 for one thread, a figure that also counted the benchmark
 * harness's busy-wait at each iteration's end; sleeping here, 4 producers take 46-60 ns together in
 * the logging alone). A thread that finds the ring full after its spins
 * registers here and parks; the consumer, each time it gives slots back within a batch (every 1,024
 * events), wakes one sleeper once {@link #wakeOneFree} slots are free (an eighth of the ring), and
 * no other until the ring has been nearly full again, or until it is empty or goes idle, when it
 * wakes them all. One woken thread fills the room faster than the consumer empties it, so it runs
 * alone, on the core the consumer does not use. (Waking a second one at a quarter free, as before,
 * put two producers on the cores more often: 4 producers at 8 tags per step reached 7 % less,
 * interleaved on the dev VM. Waking them all at half free, as before, also woke the threads that
 * sleep here to take turns ({@link #sleepOutTurn}) while the ring still had work for the consumer:
 * with them, 4 producers at 8 tags ran at 14.5 M scalars/s against 12.1-13.9 at half or
 * three-quarters free, on a 2-core AMD EPYC VM, 2026-12-02.)
 *
 * <p>A thread that the consumer does not wake sleeps {@link #PARK_NANOS} at most: when the awake
 * ones keep the ring neither nearly full nor empty, a sleeper waits that long for its room.
 *
 * <p>A thread is in the queue once at most ({@link Sleeper}): one that woke by itself (after
 * {@link #PARK_NANOS}) and sleeps again keeps its place instead of queuing a second time. With an
 * entry per sleep, 4 producers on the 2-core dev VM queued ~4,000 times a second, up to ~150
 * entries of the same 4 threads, and every wake-up of a stale entry was a spurious return that
 * queued the thread again. For the same reason {@link #wakeAll} takes off only the entries there
 * when it began: threads it wakes that find the ring still full queue again behind it.
 *
 * <p>No wake-up is lost for long: the sleeper re-checks the ring after registering (a full fence on
 * either side: the queue's CAS for the producer, {@link VarHandle#fullFence()} here), and parks at
 * most {@link #PARK_NANOS} at a time, so it also sees close, a stopped consumer and stalls as
 * before. A thread still queued from an earlier sleep re-checks the ring the same way; the
 * consumer, finding the queue not empty, wakes its head. An entry whose thread woke by itself and
 * went on costs that thread one spurious return from its next park, which every park tolerates.
 * When the queue is full the thread polls with the plain back-off instead.
 *
 * <p>Allocation-free once each thread has slept here once (its {@link Sleeper}, kept in a
 * {@link ThreadLocal} of this ring). The queue is preallocated; it is JCTools' atomic-field variant:
 * the {@code Unsafe} one makes JDK 24 and later print a warning on the application's console (the
 * compatibility apps check for it).
 *
 * <p>Thread contract: {@link #register} from any producer thread; {@link #wakeIfRoom} and
 * {@link #wakeAll} from the one consumer thread only (the queue has one reader); lock-free.
 */
public final class FullRingWaiters {
    /** The longest a registered thread sleeps before it looks at the ring by itself. */
    static final long PARK_NANOS = 10_000_000;
    static final int CAPACITY = 256;
    /**
     * The smallest ring worth sleeping on: an eighth of it must take the consumer much longer than
     * waking a thread (~50-100 µs on the dev VM). On a 64-slot ring, 4 threads logging 20,000
     * scalars each took 1.4 s sleeping against 1.1 s polling.
     */
    public static final int MIN_RING_SIZE = 16_384;

    private final MpscAtomicArrayQueue<Sleeper> sleepers = new MpscAtomicArrayQueue<>(CAPACITY);
    private final ThreadLocal<Sleeper> sleeperOfThread = ThreadLocal.withInitial(Sleeper::new);
    private final RingBuffer<?> ring;
    private final long wakeOneFree;
    private final long wakeAllFree;
    /**
     * Whether a sleeper was woken since the ring was last nearly full; consumer thread only. The
     * next one is woken once the ring was nearly full again (that one filled it), or all once empty.
     */
    private boolean wokenSinceFull;

    /** Whether threads blocked on a ring of {@code ringSize} slots should sleep here ({@link #MIN_RING_SIZE}). */
    public static boolean worthSleepingOn(int ringSize) {
        return ringSize >= MIN_RING_SIZE;
    }

    /** @param ring the ring whose free slots decide when a sleeper is woken */
    public FullRingWaiters(RingBuffer<?> ring) {
        this.ring = ring;
        int size = ring.getBufferSize();
        this.wakeOneFree = Math.max(1, size / 8);
        this.wakeAllFree = size;
    }

    /**
     * Queues the calling thread, unless it is still queued from an earlier sleep; false when the
     * queue is full (it then polls instead of sleeping).
     */
    boolean register() {
        Sleeper sleeper = sleeperOfThread.get();
        if (sleeper.queued) {
            return true;
        }
        sleeper.queued = true;
        if (!sleepers.offer(sleeper)) {
            sleeper.queued = false;
            return false;
        }
        return true;
    }

    /**
     * Wakes one sleeper once {@link #wakeOneFree} slots are free behind {@code consumed} (one per
     * time the ring was nearly full), every sleeper once the ring is empty; consumer thread, after
     * it published {@code consumed}.
     */
    public void wakeIfRoom(long consumed) {
        long free = ring.getBufferSize() - (ring.getCursor() - consumed);
        if (free < wakeOneFree) {
            wokenSinceFull = false; // the awake ones keep up: the next eighth goes to the next sleeper
            return;
        }
        if (sleepers.isEmpty()) {
            VarHandle.fullFence(); // Dekker with register: the published sequence before this look
            if (sleepers.isEmpty()) {
                return;
            }
        }
        if (free >= wakeAllFree) {
            wakeAll();
        } else if (!wokenSinceFull) {
            Sleeper next = sleepers.poll();
            if (next != null) {
                next.wake();
                wokenSinceFull = true;
            }
        }
    }

    /**
     * Wakes every thread queued when it began: the ring went idle or empty. Those that
     * queue again meanwhile (the ring still full to them) stay for the next wake-up; draining until
     * empty turned into a loop of waking and re-queuing.
     */
    public void wakeAll() {
        wokenSinceFull = false;
        for (int queued = sleepers.size(); queued > 0; queued--) {
            Sleeper next = sleepers.poll();
            if (next == null) {
                return;
            }
            next.wake();
        }
    }

    /**
     * A producer that interleaves with another ({@link ProducerTurns}) sleeps here once, until the
     * consumer wakes it (or {@link #PARK_NANOS}), unless the ring is empty: the consumer wakes
     * every sleeper once it empties the ring, and may have looked just before this thread queued.
     * Returns at once when the queue is full.
     */
    void sleepOutTurn() {
        if (!register()) {
            return;
        }
        // Registered first (the queue's CAS is a full fence), then the look: a consumer that
        // emptied the ring since either sees this thread queued or is seen here.
        if (ring.getCursor() != ring.getMinimumGatingSequence()) {
            LockSupport.parkNanos(PARK_NANOS);
        }
    }

    /** Registered threads not yet woken (some may have woken by themselves); for tests and toString. */
    int asleep() {
        return sleepers.size();
    }

    /**
     * A thread's place in the queue. {@link #queued} is set by the thread when it queues and
     * cleared by the consumer before it wakes the thread, so a thread that sleeps again after that
     * wake-up queues again, and one that woke by itself does not.
     */
    private static final class Sleeper {
        private final Thread thread = Thread.currentThread();
        private volatile boolean queued;

        /** Consumer thread, after taking this off the queue. */
        void wake() {
            queued = false;
            LockSupport.unpark(thread);
        }
    }

    @Override
    public String toString() {
        return "FullRingWaiters[" + asleep() + " asleep, wake one at " + wakeOneFree + " free, all at "
            + wakeAllFree + "]";
    }
}
