package dev.tblog.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Batched claims for the scalar path ({@code ring.claimBatch}): a logging thread claims several
 * consecutive slots with one compare-and-swap on the ring's cursor, fills the first now and the
 * others as it logs again. Claiming is the one step where logging threads contend; with 4 threads
 * on 2 cores, one claim per scalar kept the cursor's cache line moving between the cores on every
 * call, and neighbouring slots of different threads shared lines.
 *
 * <p>A reserved slot its thread does not fill would hold the consumer up (it handles slots in
 * order), so it is given up ({@link LogSlot#tryAbandon}, published unfilled, counted in
 * {@link #unused()}): by the thread itself before it logs any other kind and at {@code flush()}
 * and {@code close()} ({@link #releaseOwn()}), and by the consumer when it reaches such a slot and
 * the thread has not come back within its wait's spin and yield phases ({@link #abandonFrom}). A thread whose slot was given up
 * claims anew. Only the parking wait strategy gives slots up, and only a multi-producer sequencer
 * can publish a slot for another thread, so batches are used with those only (else the batch is 1
 * and this class is not used).
 *
 * <p>Thread contract: {@link #claim} and {@link #releaseOwn} from producer threads, each on its
 * own reservation (a thread-local); {@link #abandonFrom} from the consumer thread; lock-free.
 * A thread's first claim allocates its reservation; later claims allocate nothing.
 */
public final class Reservations {
    /** What {@link #claim} returns when the ring has no room for a whole batch. */
    public static final long NO_BATCH = -1;

    private final RingBuffer<LogSlot> ring;
    private final int batch;
    private final AtomicLong unused = new AtomicLong();
    private final ThreadLocal<Reservation> own = ThreadLocal.withInitial(Reservation::new);

    /** One thread's reserved, not yet used sequences: {@code [next, end)}. */
    private static final class Reservation {
        long next;
        long end;
    }

    /**
     * @param ring a multi-producer ring
     * @param batch slots per claim, 2 or more
     */
    public Reservations(RingBuffer<LogSlot> ring, int batch) {
        if (batch < 2 || batch > ring.getBufferSize()) {
            throw new IllegalArgumentException("claim batch " + batch + " must be 2 to the ring's size "
                + ring.getBufferSize());
        }
        this.ring = ring;
        this.batch = batch;
    }

    /**
     * A sequence for the calling thread's next scalar, taken for filling: from its reservation, or
     * from a new batch it claims now; {@link #NO_BATCH} when the ring has no room for a batch (the
     * caller then claims one slot under the overflow policy).
     */
    public long claim() {
        Reservation r = own.get();
        while (r.next < r.end) {
            long sequence = r.next++;
            if (ring.get(sequence).beginReservedFill(sequence)) {
                return sequence;
            }
            // The consumer reached it first and gave it up: the rest of the reservation goes too.
            release(r);
        }
        long last;
        try {
            last = ring.tryNext(batch);
        } catch (InsufficientCapacityException full) {
            return NO_BATCH;
        }
        long first = last - batch + 1;
        for (long s = first + 1; s <= last; s++) {
            ring.get(s).reserve(s);
        }
        r.next = first + 1;
        r.end = last + 1;
        return first;
    }

    /** Gives up the calling thread's reserved slots, so that nothing waits for them (flush, close). */
    public void releaseOwn() {
        release(own.get());
    }

    private void release(Reservation r) {
        long given = 0;
        for (long s = r.next; s < r.end; s++) {
            if (ring.get(s).tryAbandon(s)) {
                ring.publish(s);
                given++;
            }
        }
        r.next = r.end;
        if (given > 0) {
            unused.addAndGet(given);
        }
    }

    /**
     * Gives up reserved, unfilled slots from {@code sequence} on, in order, up to {@code last},
     * stopping at the first that is not such a slot; the consumer calls it for a slot it waits for.
     *
     * @return how many it gave up
     */
    public int abandonFrom(long sequence, long last) {
        int given = 0;
        for (long s = sequence; s <= last && ring.get(s).tryAbandon(s); s++) {
            ring.publish(s);
            given++;
        }
        if (given > 0) {
            unused.addAndGet(given);
        }
        return given;
    }

    /**
     * Slots in {@code (after, last]} reserved and neither filled nor given up yet: claimed, but no
     * event yet. A scan of the ring (for statistics, not for a hot path); exact when no producer runs.
     */
    public long reservedBetween(long after, long last) {
        long reserved = 0;
        for (long s = Math.max(after + 1, last - ring.getBufferSize() + 1); s <= last; s++) {
            if (ring.get(s).isReserved(s)) {
                reserved++;
            }
        }
        return reserved;
    }

    /** Slots claimed and given up unfilled so far: claimed, but no event. */
    public long unused() {
        return unused.get();
    }

    /** Slots per claim. */
    public int batch() {
        return batch;
    }

    @Override
    public String toString() {
        return "Reservations[batch " + batch + ", " + unused() + " given up]";
    }
}
