package dev.tblog.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Batched claims on a real multi-producer ring whose consumer the test plays: every slot a thread
 * reserved ends filled by it or given up (by it or by the consumer), never both, never neither.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReservationsTest {
    private static final int SLOTS = 64;
    private static final int BATCH = 8;

    private final RingBuffer<LogSlot> ring = RingBuffer.createMultiProducer(LogSlot::new, SLOTS);
    private final Sequence consumer = new Sequence();
    private final Reservations reservations;

    ReservationsTest() {
        ring.addGatingSequences(consumer);
        reservations = new Reservations(ring, BATCH);
    }

    /** Claims the way the publisher does: take, fill with {@code value}, publish. */
    private long log(long value) {
        long s = reservations.claim();
        assertThat(s).isNotEqualTo(Reservations.NO_BATCH);
        ring.get(s).setScalar(s, 0, value, value, 0);
        ring.publish(s);
        return s;
    }

    @Test
    void shouldClaimABatchWithOneClaimAndFillItInOrder() {
        assertThat(log(0)).isZero();
        assertThat(ring.getCursor()).as("one claim took the whole batch").isEqualTo(BATCH - 1);
        for (int s = 1; s < BATCH; s++) {
            assertThat(ring.get(s).isReserved(s)).isTrue();
            assertThat(ring.isAvailable(s)).isFalse();
        }
        for (int i = 1; i < BATCH; i++) {
            assertThat(log(i)).isEqualTo(i);
        }
        assertThat(ring.getCursor()).isEqualTo(BATCH - 1);
        assertThat(log(BATCH)).as("the next batch").isEqualTo(BATCH);
        for (int s = 0; s <= BATCH; s++) {
            assertThat(ring.get(s).filledFor(s)).isTrue();
            assertThat(ring.get(s).step()).isEqualTo(s);
        }
        assertThat(reservations.unused()).isZero();
    }

    @Test
    void shouldLetTheConsumerGiveUpWhatTheThreadLeftAndTheThreadClaimAnew() {
        log(0);
        log(1);
        assertThat(reservations.reservedBetween(-1, ring.getCursor())).isEqualTo(BATCH - 2);
        // The consumer waits for slot 2, which its thread has not come back to fill.
        assertThat(reservations.abandonFrom(2, ring.getCursor())).isEqualTo(BATCH - 2);
        for (int s = 2; s < BATCH; s++) {
            assertThat(ring.isAvailable(s)).as("published unfilled").isTrue();
            assertThat(ring.get(s).filledFor(s)).as("skipped by the consumer").isFalse();
        }
        assertThat(reservations.unused()).isEqualTo(BATCH - 2);
        assertThat(reservations.reservedBetween(-1, ring.getCursor())).isZero();
        // The thread comes back: its reserved slot is gone, so it claims a new batch.
        assertThat(log(2)).isEqualTo(BATCH);
        assertThat(ring.get(2).filledFor(2)).isFalse();
        assertThat(reservations.abandonFrom(BATCH, ring.getCursor())).as("a filled slot is never given up").isZero();
    }

    @Test
    void shouldGiveUpTheThreadsOwnSlotsAtItsFlush() {
        log(0);
        reservations.releaseOwn();
        for (int s = 1; s < BATCH; s++) {
            assertThat(ring.isAvailable(s)).isTrue();
            assertThat(ring.get(s).filledFor(s)).isFalse();
        }
        assertThat(reservations.unused()).isEqualTo(BATCH - 1);
        reservations.releaseOwn();
        assertThat(reservations.unused()).as("nothing left to give up").isEqualTo(BATCH - 1);
        assertThat(log(1)).isEqualTo(BATCH);
    }

    @Test
    void shouldAnswerNoBatchWhenTheRingHasNoRoomForOne() {
        ring.next(SLOTS - BATCH + 1);
        assertThat(reservations.claim()).isEqualTo(Reservations.NO_BATCH);
        assertThat(ring.getCursor()).as("nothing claimed").isEqualTo(SLOTS - BATCH);
    }

    @Test
    void shouldRefuseABatchTheRingCannotHold() {
        assertThatThrownBy(() -> new Reservations(ring, SLOTS + 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("" + (SLOTS + 1));
        assertThatThrownBy(() -> new Reservations(ring, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEndEverySlotFilledOrGivenUpWhenTheConsumerRacesThreeThreads() throws Exception {
        int perThread = 20_000;
        int threads = 3;
        RingBuffer<LogSlot> big = RingBuffer.createMultiProducer(LogSlot::new, 1024);
        Sequence taken = new Sequence();
        big.addGatingSequences(taken);
        Reservations shared = new Reservations(big, BATCH);
        AtomicBoolean done = new AtomicBoolean();
        List<Long> seen = new ArrayList<>();
        long[] skipped = new long[1];
        // The consumer: takes slots in order; a slot it waits for is given up after a few spins.
        Thread consumerThread = new Thread(() -> {
            long next = 0;
            int spins = 0;
            while (!done.get() || next <= big.getCursor()) {
                if (big.isAvailable(next)) {
                    LogSlot slot = big.get(next);
                    if (slot.filledFor(next)) {
                        seen.add(slot.step());
                    } else {
                        skipped[0]++;
                    }
                    taken.set(next++);
                    spins = 0;
                } else if (next <= big.getCursor() && ++spins > 20) {
                    shared.abandonFrom(next, big.getCursor());
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        consumerThread.start();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = (long) t * perThread;
            Thread producer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    long s;
                    while ((s = shared.claim()) == Reservations.NO_BATCH) {
                        Thread.onSpinWait();
                    }
                    big.get(s).setScalar(s, 0, base + i, 0, 0);
                    big.publish(s);
                    if (i % 97 == 0) {
                        Thread.yield(); // leave reservations open for the consumer to meet
                    }
                }
                shared.releaseOwn();
            });
            producer.start();
            producers.add(producer);
        }
        start.countDown();
        for (Thread producer : producers) {
            producer.join();
        }
        done.set(true);
        consumerThread.join();
        Set<Long> unique = new HashSet<>(seen);
        assertThat(seen).as("every value exactly once").hasSize(threads * perThread);
        assertThat(unique).hasSize(threads * perThread);
        assertThat(skipped[0]).as("slots without an event are the ones given up").isEqualTo(shared.unused());
        assertThat(big.getCursor() + 1).isEqualTo(threads * perThread + shared.unused());
    }
}
