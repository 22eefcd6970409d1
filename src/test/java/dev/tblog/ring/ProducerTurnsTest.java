package dev.tblog.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.tblog.config.OverflowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers take turns: which checks count as two threads claiming in alternation, and a caller that
 * finds it sleeping among the ring's waiters until the consumer (played by the test) wakes it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProducerTurnsTest {
    private static final int SLOTS = FullRingWaiters.MIN_RING_SIZE;
    private static final long MICROS = 1_000;

    private final RingBuffer<LogSlot> ring = RingBuffer.createMultiProducer(LogSlot::new, SLOTS);
    private final Sequence consumer = new Sequence();
    private final FullRingWaiters waiters = new FullRingWaiters(ring);
    private final ProducerTurns turns = new ProducerTurns(waiters);
    private final Thread a = new Thread("a");
    private final Thread b = new Thread("b");

    ProducerTurnsTest() {
        ring.addGatingSequences(consumer);
    }

    @Test
    void shouldNotCountOneThreadCheckingAlone() {
        assertThat(turns.interleaved(a, 0)).isFalse();
        assertThat(turns.interleaved(a, 10 * MICROS)).isFalse();
        assertThat(turns.interleaved(a, 20 * MICROS)).isFalse();
    }

    @Test
    void shouldCountAThreadWhoseChecksAlternateWithAnothersAtAHighRate() {
        assertThat(turns.interleaved(a, 0)).isFalse();
        assertThat(turns.interleaved(b, 50 * MICROS)).isFalse();
        assertThat(turns.interleaved(a, 100 * MICROS)).as("a, b, a within the window").isTrue();
        assertThat(turns.interleaved(b, 150 * MICROS)).as("b, a, b").isTrue();
    }

    @Test
    void shouldNotCountAHandOverFromOneThreadToTheNext() {
        turns.interleaved(a, 0);
        turns.interleaved(a, 50 * MICROS);
        assertThat(turns.interleaved(b, 100 * MICROS)).as("a, a, b: a went to sleep, b goes on").isFalse();
        assertThat(turns.interleaved(b, 150 * MICROS)).as("a, b, b").isFalse();
    }

    @Test
    void shouldNotCountThreadsThatLogNowAndThen() {
        long window = ProducerTurns.WINDOW_NANOS;
        turns.interleaved(a, 0);
        turns.interleaved(b, window);
        assertThat(turns.interleaved(a, 2 * window)).as("a, b, a, each a window apart").isFalse();
        turns.interleaved(b, 2 * window + 10 * MICROS);
        assertThat(turns.interleaved(a, 3 * window + 20 * MICROS)).as("the last pair a window apart").isFalse();
    }

    @Test
    void shouldCheckOnlyEveryCheckEveryThClaim() {
        // Claims off the check's multiple never note a checker: a, b, a on them counts nothing.
        turns.afterPublish(1);
        turns.afterPublish(ProducerTurns.CHECK_EVERY + 1);
        assertThat(turns.lastChecker).isNull();
        turns.afterPublish(ProducerTurns.CHECK_EVERY);
        assertThat(turns.lastChecker).isSameAs(Thread.currentThread());
    }

    @Test
    void shouldSleepAnInterleavedCallerAfterItsPublishUntilTheConsumerWakesIt() throws Exception {
        Thread caller = interleavedCaller();
        caller.start();
        assertThat(sawParked(caller)).as("the interleaved caller parked").isTrue();
        assertThat(waiters.asleep()).as("asleep among the ring's waiters").isEqualTo(1);
        assertThat(ring.get(ProducerTurns.CHECK_EVERY).filledFor(ProducerTurns.CHECK_EVERY))
            .as("its scalar was published before it slept").isTrue();

        consumer.set(ProducerTurns.CHECK_EVERY);
        waiters.wakeIfRoom(consumer.get());
        caller.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(caller.isAlive()).isFalse();
        assertThat(waiters.asleep()).as("the consumer took it off the queue to wake it").isZero();
    }

    @Test
    void shouldNotSleepWhenTheRingIsEmpty() throws Exception {
        Thread caller = interleavedCaller();
        // The consumer has taken everything, the caller's event included once it is published: the
        // ring is empty at the caller's look, and the consumer may have woken everyone just before.
        consumer.set(ProducerTurns.CHECK_EVERY);
        caller.start();
        assertThat(sawParked(caller)).as("an interleaved caller parked on an empty ring").isFalse();
        caller.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(ring.getCursor()).isEqualTo(ProducerTurns.CHECK_EVERY);
    }

    /**
     * A thread, not started, that logs one scalar through a publisher whose producers take turns:
     * claims 0 to CHECK_EVERY - 1 are made here, so it claims CHECK_EVERY, and the last two checks
     * are noted as its own and then {@code a}'s, so its check finds it interleaved.
     */
    private Thread interleavedCaller() {
        Publisher publisher = new Publisher(ring, ScalarClock.systemOnly(), waiters, true, OverflowPolicy.BLOCK, 0,
            1 << 20, () -> true, () -> { }, "logger of test");
        for (int i = 0; i < ProducerTurns.CHECK_EVERY; i++) {
            ring.publish(ring.next());
        }
        Thread caller = new Thread(() -> publisher.scalar("x", -1, 1, 2.0), "caller");
        caller.setDaemon(true);
        // Noted as checks of a clock 1 s ahead, so that the caller's own check falls in the window
        // however long its thread takes to start.
        long soon = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        publisher.turns().interleaved(caller, soon);
        publisher.turns().interleaved(a, soon);
        return caller;
    }

    /** Watches {@code t} until it parks (true) or ends (false); a park here lasts 10 ms at most. */
    private static boolean sawParked(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.isAlive() && System.nanoTime() < deadline) {
            if (t.getState() == Thread.State.TIMED_WAITING) {
                return true;
            }
        }
        return false;
    }
}
