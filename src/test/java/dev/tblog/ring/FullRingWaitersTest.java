package dev.tblog.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.tblog.config.OverflowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers asleep on a full ring, on a real ring whose consumer the test plays (a gating sequence
 * moved by hand): who is woken at which room, and a blocked call that sleeps there.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FullRingWaitersTest {
    private static final int SLOTS = 64;

    private final RingBuffer<LogSlot> ring = RingBuffer.createMultiProducer(LogSlot::new, SLOTS);
    private final Sequence consumer = new Sequence();
    private final FullRingWaiters waiters = new FullRingWaiters(ring);

    FullRingWaitersTest() {
        ring.addGatingSequences(consumer);
    }

    private void fillRing() {
        for (int i = 0; i < SLOTS; i++) {
            ring.publish(ring.next());
        }
    }

    /** The consumer takes {@code n} events, gives the slots back and wakes whom there is room for. */
    private void consume(int n) {
        consumer.set(consumer.get() + n);
        waiters.wakeIfRoom(consumer.get());
    }

    /**
     * A thread that registers, sleeps until unparked, and counts its wake-up; before that it
     * registers and wakes by itself (1 ms sleeps, the ring still full) {@code selfWakes} times.
     * Parked by the time this returns.
     */
    private Thread parkedSleeper(AtomicInteger woken, int selfWakes) {
        Thread t = new Thread(() -> {
            for (int i = 0; i < selfWakes; i++) {
                waiters.register();
                LockSupport.parkNanos(this, 1_000_000);
            }
            waiters.register();
            LockSupport.park(this);
            woken.incrementAndGet();
        }, "sleeper");
        t.setDaemon(true);
        t.start();
        while (t.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        return t;
    }

    private Thread parkedSleeper(AtomicInteger woken) {
        return parkedSleeper(woken, 0);
    }

    private static void awaitCount(AtomicInteger count, int expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    void shouldWakeOneSleeperAtAnEighthOfTheRingFreeNoSecondAtHalfAndAllOnceEmpty() throws Exception {
        fillRing();
        AtomicInteger woken = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            parkedSleeper(woken);
        }

        consume(SLOTS / 8 - 1);
        Thread.sleep(100);
        assertThat(woken).as("less than an eighth free").hasValue(0);

        consume(1);
        awaitCount(woken, 1);
        consume(SLOTS / 8);
        Thread.sleep(100);
        assertThat(woken).as("an eighth free, then a quarter: still one sleeper").hasValue(1);

        consume(SLOTS / 2 - SLOTS / 4);
        Thread.sleep(100);
        assertThat(woken).as("half free: still one").hasValue(1);

        consume(SLOTS / 2 - 1);
        Thread.sleep(100);
        assertThat(woken).as("one event left: still one").hasValue(1);

        consume(1);
        awaitCount(woken, 3);
        assertThat(woken).as("empty: every sleeper").hasValue(3);
        assertThat(waiters.asleep()).isZero();
    }

    @Test
    void shouldStartOverWithOneSleeperOnceTheAwakeOnesFilledTheRingAgain() throws Exception {
        fillRing();
        AtomicInteger woken = new AtomicInteger();
        parkedSleeper(woken);
        consume(SLOTS / 8);
        awaitCount(woken, 1);

        ring.publish(ring.next(SLOTS / 8)); // the woken thread fills the room it was given
        parkedSleeper(woken);
        consume(0); // nearly full again: the count starts over
        consume(SLOTS / 8);
        awaitCount(woken, 2);
        assertThat(woken).as("the next eighth goes to the next sleeper").hasValue(2);
    }

    @Test
    void shouldLeaveSleepersAloneWhileNothingIsFree() throws Exception {
        fillRing();
        AtomicInteger woken = new AtomicInteger();
        parkedSleeper(woken);
        waiters.wakeIfRoom(consumer.get());
        Thread.sleep(100);
        assertThat(woken).hasValue(0);
        waiters.wakeAll();
        awaitCount(woken, 1);
        assertThat(woken).as("the ring went idle: everyone").hasValue(1);
    }

    @Test
    void shouldQueueAThreadOnceThoughItWokeByItselfAndSleepsAgain() throws Exception {
        fillRing();
        AtomicInteger woken = new AtomicInteger();
        parkedSleeper(woken, 5);
        assertThat(waiters.asleep()).as("six sleeps, one place in the queue").isEqualTo(1);

        consume(SLOTS / 8);
        awaitCount(woken, 1);
        assertThat(woken).hasValue(1);
        assertThat(waiters.asleep()).isZero();
    }

    @Test
    void shouldLetACallThatFindsTheRingFullSleepThereUntilTheConsumerWakesIt() throws Exception {
        Publisher p = new Publisher(ring, ScalarClock.systemOnly(), waiters, false, OverflowPolicy.BLOCK, 0, 1 << 20,
            () -> true, () -> { }, "logger of test");
        fillRing();
        AtomicInteger done = new AtomicInteger();
        Thread caller = new Thread(() -> {
            p.scalar("late", -1, 7, 1.5);
            done.incrementAndGet();
        }, "caller");
        caller.setDaemon(true);
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiters.asleep() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(waiters.asleep()).as("the blocked call sleeps among the waiters").isEqualTo(1);
        assertThat(done).hasValue(0);

        consume(SLOTS / 8);
        awaitCount(done, 1);
        assertThat(done).hasValue(1);
        LogSlot slot = ring.get(SLOTS);
        assertThat(slot.filledFor(SLOTS)).isTrue();
        assertThat(slot.tag()).isEqualTo("late");
        assertThat(slot.step()).isEqualTo(7);
    }
}
