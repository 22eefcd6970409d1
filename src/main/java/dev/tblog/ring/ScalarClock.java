package dev.tblog.ring;

import com.lmax.disruptor.Cursored;

/**
 * The wall clock of the scalar path. Reading the system clock ({@link System#currentTimeMillis()},
 * a vDSO {@code clock_gettime}) was half of a producer's CPU per {@code addScalar} on the dev VM
 * (~25 of ~55 ns, perf). While the consumer is taking scalars off the ring it reads the clock
 * anyway, every {@value #REFRESH_EVERY} events; it publishes that time here, and a producer whose
 * claim falls in the window of the last refresh uses it instead of reading the clock itself.
 *
 * <p>The time is used only while it is fresh, by three rules:
 * <ul>
 *   <li>the consumer refreshes it at the start of every batch and every {@value #REFRESH_EVERY}
 *       events of a batch (a few microseconds of scalars);</li>
 *   <li>it marks it stale before anything that can take long: the end of a batch (the consumer may
 *       then wait or park for any time), a payload (a PNG can take milliseconds) and every write
 *       to storage (a throttled disk, an HDFS pipeline);</li>
 *   <li>it is valid for at most {@value #VALID_CLAIMS} claims past the ring's cursor at the
 *       refresh, so a consumer descheduled mid-batch on a loaded machine leaves a stale time in
 *       use for at most that many scalars (well under a millisecond at full speed).</li>
 * </ul>
 * Outside that window a producer reads the system clock, and publishes its reading the same way
 * for the next {@value #PRODUCER_CLAIMS} claims past its own: while the consumer is idle, writing
 * or starved of CPU (other work on the machine), producers read the clock once per
 * {@value #PRODUCER_CLAIMS} scalars rather than on every one (with 2 busy threads beside it, 1
 * producer's CPU per scalar went from ~55 to ~32 ns). The producer publishes the time before the
 * scalar that read it, so the consumer's end of the batch holding that scalar marks it stale, as it
 * does its own. A wall time is thus the time the scalar entered the ring, to the millisecond, or
 * earlier by the consumer's refresh interval (microseconds), or by as long as the consumer thread
 * was descheduled in the middle of a batch (a scheduler slice on a loaded machine), whichever the
 * claim window ends first. A time never outlives a pause in logging: the end of the batch made it
 * stale. What TensorBoard shows (seconds, relative times) cannot tell the difference, and scalars
 * of one step share their millisecond more often, which coalescing packs into one event.
 *
 * <p>Thread contract: {@link #millis} from any producer thread, lock-free, allocation-free;
 * {@link #refresh} and {@link #stale} from the one consumer thread. The two fields are volatile and
 * on a cache line of their own: every producer reads them; the consumer writes them, and a
 * producer that read the system clock does. Racing writers are benign: each writes a time read at
 * or after the claims its window covers were made, and the time before the window's end.
 */
public final class ScalarClock extends ScalarClockFields {
    /** Events of a batch between two refreshes by the consumer. */
    public static final int REFRESH_EVERY = 64;
    /** Claims past the cursor at the last refresh for which its time may be used. */
    static final long VALID_CLAIMS = 4096;
    /** Claims past a producer's own for which the time it read from the system clock may be used. */
    static final long PRODUCER_CLAIMS = 64;

    @SuppressWarnings("unused") // padding: keeps the next object's fields off this line
    private long p9, p10, p11, p12, p13, p14, p15;

    private final Cursored ring;
    /** False for a clock no consumer marks stale: every claim then reads the system clock. */
    private final boolean sharesReadings;

    /**
     * A clock whose consumer refreshes it and marks it stale ({@link #refresh}, {@link #stale}).
     *
     * @param ring the ring whose cursor bounds the claims that may use a refreshed time
     */
    public ScalarClock(Cursored ring) {
        this(ring, true);
    }

    private ScalarClock(Cursored ring, boolean sharesReadings) {
        this.ring = ring;
        this.sharesReadings = sharesReadings;
    }

    /** A clock with no consumer behind it: every claim reads the system clock. */
    public static ScalarClock systemOnly() {
        return new ScalarClock(() -> -1, false);
    }

    /**
     * The wall time for the scalar claimed at {@code sequence}: a fresh time in whose window the
     * claim falls, else the system clock, which it then publishes for the next
     * {@value #PRODUCER_CLAIMS} claims. Call it between the claim and its publish.
     */
    public long millis(long sequence) {
        if (sequence <= validThrough) {
            long m = cachedMillis;
            if (m != STALE) {
                return m;
            }
        }
        long now = System.currentTimeMillis();
        if (sharesReadings) {
            cachedMillis = now; // the time first: a claim that sees the new window sees this time
            validThrough = sequence + PRODUCER_CLAIMS;
        }
        return now;
    }

    /** Publishes the time now for the next {@value #VALID_CLAIMS} claims; consumer thread only. */
    public void refresh() {
        cachedMillis = System.currentTimeMillis();
        validThrough = ring.getCursor() + VALID_CLAIMS;
    }

    /** Producers read the system clock until the next {@link #refresh}; consumer thread only. */
    public void stale() {
        if (cachedMillis != STALE) {
            cachedMillis = STALE;
        }
    }

    /** Whether producers would use a refreshed time now (for tests and {@link #toString}). */
    boolean fresh() {
        return cachedMillis != STALE;
    }

    @Override
    public String toString() {
        return "ScalarClock[" + (fresh() ? "fresh through claim " + validThrough : "stale") + "]";
    }
}

/** The clock's padding before its fields: a superclass, since the JVM orders a class's own fields freely. */
abstract class ScalarClockPadding {
    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7;
}

/** The fields of {@link ScalarClock}, between its paddings. */
abstract class ScalarClockFields extends ScalarClockPadding {
    static final long STALE = Long.MIN_VALUE;
    /** The consumer's last time, or {@link #STALE}. */
    protected volatile long cachedMillis = STALE;
    /** The last claim that may use {@link #cachedMillis}. */
    protected volatile long validThrough = -1;
}
