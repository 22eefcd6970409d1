package dev.tblog.ring;

/**
 * Producers take turns: a thread that finds itself claiming the ring's slots in alternation with
 * another thread, at a high rate, sleeps among the {@link FullRingWaiters} until the consumer wakes
 * it, so that one thread fills the ring at a time.
 *
 * <p>Why: threads that log at once on different cores pass the ring's cursor, its availability
 * flags and the slots between the cores on every claim. On the 2-core dev VM (AMD EPYC, 2026-12-02)
 * 4 producers at 8 tags per step took 135-200 ns of CPU per scalar that way, against 20-40 for one
 * thread; the slowed producers never filled the ring, so none of them ever slept, and they held
 * both cores (the consumer ran a quarter of the time): 9-10 M scalars/s against 22-24 for one
 * thread. Sleeping at a full ring alone is then never reached; this is the other way in.
 *
 * <p>The check: every {@value #CHECK_EVERY}th claim (its sequence a multiple), the thread that made
 * it notes itself and the time. It has interleaved with another thread when it also made the
 * check before last, another thread the one in between, and the three came within
 * {@value #WINDOW_NANOS} ns of each other in pairs (over ~1 M claims a second). Two threads that
 * hand over (one sleeps, the next goes on: checks by A, A, B) do not count, nor do threads that
 * log now and then. The thread that finds it sleeps once (at most
 * {@link FullRingWaiters#PARK_NANOS}), unless the ring is empty: the consumer wakes sleepers one at
 * a time as it frees an eighth of a full ring, and all once the ring is empty.
 *
 * <p>Cost: a check is one clock read and four writes to a line of its own, once per
 * {@value #CHECK_EVERY} claims of all threads together; the other calls test their sequence only.
 * A thread that sleeps here has published its event: nothing waits on it. Only under the
 * {@code block} overflow policy (a {@code drop} caller never waits).
 *
 * <p>Thread contract: {@link #afterPublish} from any producer thread, lock-free, allocation-free.
 * The check's fields are plain volatiles: racing checks may each see a mix of the other's writes,
 * which at worst lets a thread sleep once too often or too seldom.
 */
public final class ProducerTurns extends ProducerTurnsFields {
    /** One claim in this many is checked. */
    public static final int CHECK_EVERY = 1024;
    /** Consecutive checks closer than this (ns) mean a high claim rate. */
    static final long WINDOW_NANOS = 1_000_000;

    @SuppressWarnings("unused") // padding: keeps the next object's fields off this line
    private long p9, p10, p11, p12, p13, p14, p15;

    private final FullRingWaiters sleepers;

    /** @param sleepers where a thread that found it interleaved sleeps, of the ring it claims from */
    public ProducerTurns(FullRingWaiters sleepers) {
        this.sleepers = sleepers;
    }

    /**
     * After the calling thread published its claim of {@code sequence}: checks every
     * {@value #CHECK_EVERY}th claim, and sleeps if the thread interleaves with another.
     */
    public void afterPublish(long sequence) {
        if ((sequence & (CHECK_EVERY - 1)) == 0 && interleaved(Thread.currentThread(), System.nanoTime())) {
            sleepers.sleepOutTurn();
        }
    }

    /**
     * Notes a check by {@code thread} at {@code nanos} and says whether it interleaves with another
     * thread: it made the check before last, another made the last, all within the window.
     */
    boolean interleaved(Thread thread, long nanos) {
        Thread last = lastChecker;
        Thread beforeLast = checkerBeforeLast;
        long lastAt = lastCheckNanos;
        long beforeLastAt = beforeLastCheckNanos;
        checkerBeforeLast = last;
        beforeLastCheckNanos = lastAt;
        lastChecker = thread;
        lastCheckNanos = nanos;
        return beforeLast == thread && last != null && last != thread
            && nanos - lastAt < WINDOW_NANOS && lastAt - beforeLastAt < WINDOW_NANOS;
    }

    @Override
    public String toString() {
        return "ProducerTurns[check every " + CHECK_EVERY + " claims, window " + WINDOW_NANOS / 1000 + " us]";
    }
}

/** The checks' fields after padding: a superclass, since the JVM orders a class's own fields freely. */
abstract class ProducerTurnsPadding {
    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7;
}

/** The last two checks: who made them, when. */
abstract class ProducerTurnsFields extends ProducerTurnsPadding {
    volatile Thread lastChecker;
    volatile Thread checkerBeforeLast;
    volatile long lastCheckNanos;
    volatile long beforeLastCheckNanos;
}
