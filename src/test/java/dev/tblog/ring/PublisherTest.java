package dev.tblog.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.tblog.config.OverflowPolicy;
import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim seam on a real ring whose consumer the test plays: a gating sequence it moves by hand.
 * Every outcome of a claim: a slot, DROPPED under drop, a wait that ends when the consumer moves,
 * a wait that gives up on a stalled consumer, and the two ends of a wait (closed, consumer stopped).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PublisherTest {
    private static final int SLOTS = 64;
    private static final long STALL_MILLIS = 200;

    private final RingBuffer<LogSlot> ring = RingBuffer.createMultiProducer(LogSlot::new, SLOTS);
    private final Sequence consumer = new Sequence();
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** How often the publisher woke the consumer. */
    private final AtomicInteger wakes = new AtomicInteger();

    PublisherTest() {
        ring.addGatingSequences(consumer);
    }

    private Publisher publisher(OverflowPolicy policy, long stallMillis, long budget) {
        return new Publisher(ring, policy, stallMillis, budget, running::get, wakes::incrementAndGet, "logger of test");
    }

    private void fill(Publisher p) {
        for (int i = 0; i < SLOTS; i++) {
            p.scalar("fill", -1, i, i);
        }
        assertThat(ring.remainingCapacity()).isZero();
    }

    /** The consumer takes {@code n} events. */
    private void consume(int n) {
        consumer.set(consumer.get() + n);
    }

    /** A kind of payload that only counts its releases. */
    private static final class CountingPayload implements Payload {
        static final PayloadKind<NoEncoder> KIND = PayloadKind.of("counting", NoEncoder.class, NoEncoder::new);

        final AtomicInteger released = new AtomicInteger();

        @Override
        public PayloadKind<NoEncoder> kind() {
            return KIND;
        }

        @Override
        public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) {
            throw new AssertionError("the test plays the consumer: nothing is written");
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }

    private static final class NoEncoder implements PayloadEncoder {
    }

    @Test
    void shouldFillTheClaimedSlotAndPublishIt() {
        Publisher p = publisher(OverflowPolicy.BLOCK, STALL_MILLIS, 1 << 20);
        long before = System.currentTimeMillis();
        p.scalar("loss", -1, 7, 0.5);
        long after = System.currentTimeMillis();
        p.scalarsMember("Loss", "train", 8, 1.5, 1235);
        assertThat(ring.getCursor()).isEqualTo(1);
        assertThat(ring.isAvailable(1)).isTrue();
        LogSlot first = ring.get(0);
        assertThat(first.kind()).isEqualTo(SlotKind.SCALAR);
        assertThat(first.tag()).isEqualTo("loss");
        assertThat(first.step()).isEqualTo(7);
        assertThat(first.value()).isEqualTo(0.5);
        assertThat(first.wallTimeMillis()).isBetween(before, after); // no consumer refreshes: the system clock
        LogSlot second = ring.get(1);
        assertThat(second.kind()).isEqualTo(SlotKind.SCALARS_MEMBER);
        assertThat(second.subKey()).isEqualTo("train");
        CountingPayload payload = new CountingPayload();
        assertThat(p.publish(payload)).isTrue();
        assertThat(ring.get(2).payload()).isSameAs(payload);
        assertThat(payload.released).hasValue(0);
    }

    @Test
    void shouldDropAtOnceUnderDropCountingByKindAndReleasingThePayload() {
        Publisher p = publisher(OverflowPolicy.DROP, STALL_MILLIS, 1 << 20);
        fill(p);
        p.scalar("x", -1, 1, 1);
        p.scalarsMember("x", "k", 1, 1, 0);
        CountingPayload payload = new CountingPayload();
        assertThat(p.publish(payload)).isFalse();
        assertThat(payload.released).as("a dropped payload gives its memory back").hasValue(1);
        assertThat(p.droppedByKind()).containsEntry("scalar", 2L).containsEntry("counting", 1L);
        assertThat(p.droppedTotal()).isEqualTo(3);
        assertThat(p.stalls()).isZero();
        assertThat(ring.getCursor()).as("nothing published past the full ring").isEqualTo(SLOTS - 1);
    }

    @Test
    void shouldWaitUnderBlockUntilTheConsumerMakesRoom() throws Exception {
        Publisher p = publisher(OverflowPolicy.BLOCK, 0, 1 << 20);
        fill(p);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> p.scalar("late", -1, 1, 1));
        Thread.sleep(100);
        assertThat(waiting).as("waits on the full ring").isNotDone();
        consume(1);
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(ring.get(SLOTS).tag()).isEqualTo("late");
        assertThat(p.droppedTotal()).isZero();
    }

    @Test
    void shouldGiveUpOnAStalledConsumerThenDropAtOnceUntilItMoves() {
        Publisher p = publisher(OverflowPolicy.BLOCK, STALL_MILLIS, 1 << 20);
        fill(p);
        long start = System.nanoTime();
        p.scalar("x", -1, 1, 1);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(waited).as("waited out the stall timeout").isBetween(STALL_MILLIS, STALL_MILLIS + 2_000);
        assertThat(p.stalls()).isEqualTo(1);
        assertThat(p.droppedByKind()).containsEntry("scalar", 1L);

        start = System.nanoTime();
        p.scalar("x", -1, 2, 2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("no second wait")
            .isLessThan(STALL_MILLIS);
        assertThat(p.stalls()).isEqualTo(2);

        consume(1);
        p.scalar("x", -1, 3, 3);
        assertThat(p.stalls()).as("the consumer moved: a slot again").isEqualTo(2);
        assertThat(ring.get(SLOTS).step()).isEqualTo(3);
    }

    @Test
    void shouldEndAWaitWithIllegalStateWhenTheLoggerClosesOrItsConsumerStops() throws Exception {
        Publisher p = publisher(OverflowPolicy.BLOCK, 0, 1 << 20);
        fill(p);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> p.scalar("x", -1, 1, 1));
        Thread.sleep(50);
        assertThat(p.beginClose()).isTrue();
        assertThat(p.beginClose()).as("only the first caller closes").isFalse();
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
            .hasMessageContaining("logger of test is closed");
        assertThatThrownBy(() -> p.scalar("x", -1, 1, 1)).isInstanceOf(IllegalStateException.class);

        RingBuffer<LogSlot> stoppedRing = RingBuffer.createMultiProducer(LogSlot::new, 64);
        stoppedRing.addGatingSequences(new Sequence());
        Publisher q = new Publisher(stoppedRing, OverflowPolicy.BLOCK, 0, 1 << 20, () -> false, () -> { },
            "logger of stopped");
        for (int i = 0; i < 64; i++) {
            q.scalar("fill", -1, i, i);
        }
        assertThatThrownBy(() -> q.scalar("x", -1, 1, 1)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("logger of stopped");
    }

    @Test
    void shouldWaitForAPayloadThatMustNotBeDroppedUnderDropButNotPastAStall() throws Exception {
        Publisher p = publisher(OverflowPolicy.DROP, STALL_MILLIS, 1 << 20);
        fill(p);
        CountingPayload kept = new CountingPayload();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> p.publishUnlessStalled(kept));
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        consume(1);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ring.get(SLOTS).payload()).isSameAs(kept);

        CountingPayload stalled = new CountingPayload();
        assertThat(p.publishUnlessStalled(stalled)).as("no progress: given up after the timeout").isFalse();
        assertThat(stalled.released).hasValue(1);
        assertThat(p.droppedByKind()).containsEntry("counting", 1L);
        assertThat(p.stalls()).isEqualTo(1);
    }

    @Test
    void shouldHandPooledArraysUnderThePolicyAndGiveUpOnAStall() throws Exception {
        Publisher drop = publisher(OverflowPolicy.DROP, STALL_MILLIS, 65536);
        PayloadKind<NoEncoder> image = PayloadKind.of("image", NoEncoder.class, NoEncoder::new);
        PayloadKind<NoEncoder> histogram = PayloadKind.of("histogram", NoEncoder.class, NoEncoder::new);
        byte[] held = drop.bytes(40_000, image);
        assertThat(held.length).isGreaterThanOrEqualTo(40_000);
        assertThat(drop.pool().pendingBytes()).isEqualTo(held.length);
        assertThat(drop.bytes(40_000, image)).as("past the budget under drop").isNull();
        assertThat(drop.droppedByKind()).containsEntry("image", 1L);
        drop.pool().release(held);
        assertThat(drop.bytes(40_000, image)).isNotNull();
        assertThatThrownBy(() -> drop.floats(100_000, image)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("payload.maxPendingBytes=65536");

        Publisher block = publisher(OverflowPolicy.BLOCK, STALL_MILLIS, 65536);
        double[] first = block.doubles(5_000, histogram);
        CompletableFuture<double[]> waiting = CompletableFuture.supplyAsync(() -> block.doubles(5_000, histogram));
        Thread.sleep(50);
        assertThat(waiting).as("waits for memory").isNotDone();
        block.pool().release(first);
        double[] second = waiting.get(5, TimeUnit.SECONDS);
        assertThat(second).isNotNull();

        // The consumer has work (an event in the ring) and does not move: the memory wait gives up.
        block.scalar("pending", -1, 0, 0);
        long start = System.nanoTime();
        assertThat(block.doubles(5_000, histogram)).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(STALL_MILLIS);
        assertThat(block.stalls()).isEqualTo(1);
        assertThat(block.droppedByKind()).containsEntry("histogram", 1L);
    }

    @Test
    void shouldWakeTheConsumerOnABarrierAFullRingAndADropButNotOnAnOrdinaryCall() throws Exception {
        Publisher p = publisher(OverflowPolicy.DROP, STALL_MILLIS, 1 << 20);
        fill(p);
        assertThat(wakes).as("an ordinary call signals nothing").hasValue(0);
        p.scalar("x", -1, 2, 2);
        assertThat(p.droppedTotal()).isEqualTo(1);
        assertThat(wakes).as("a drop wakes the consumer").hasValue(1);

        Publisher block = publisher(OverflowPolicy.BLOCK, STALL_MILLIS, 1 << 20);
        wakes.set(0);
        Thread waiting = new Thread(() -> block.scalar("x", -1, 3, 3));
        waiting.start();
        while (wakes.get() == 0) {
            Thread.sleep(1);
        }
        consume(1);
        waiting.join();
        assertThat(wakes).as("a wait for room wakes the consumer once").hasValue(1);

        consume(SLOTS);
        wakes.set(0);
        long sequence = block.claimBarrier(System.nanoTime() + 1_000_000_000L, true);
        block.publishBarrier(sequence, SlotKind.FLUSH, new Object());
        assertThat(wakes).as("a barrier wakes the consumer").hasValue(1);
    }

    @Test
    void shouldTimeOutABarrierClaimAtItsDeadline() {
        Publisher p = publisher(OverflowPolicy.BLOCK, STALL_MILLIS, 1 << 20);
        fill(p);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        assertThat(p.claimBarrier(deadline, true)).isEqualTo(Backoff.TIMED_OUT);
        assertThat(p.stalls()).as("a barrier is never counted as a dropped call").isZero();
        consume(1);
        long sequence = p.claimBarrier(System.nanoTime() + TimeUnit.SECONDS.toNanos(5), true);
        assertThat(sequence).isEqualTo(SLOTS);
        p.publishBarrier(sequence, SlotKind.FLUSH, "barrier");
        assertThat(ring.get(SLOTS).kind()).isEqualTo(SlotKind.FLUSH);
    }

    @Test
    void shouldParkAnInterruptedWaitingProducerAndRestoreItsFlag() throws Exception {
        Publisher p = publisher(OverflowPolicy.BLOCK, 0, 1 << 20);
        fill(p);
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            Thread.currentThread().interrupt();
            p.scalar("x", -1, 1, 1);
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        producer.start();
        Thread.sleep(100);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getThreadCpuTime(producer.getId());
        long wall = System.nanoTime();
        Thread.sleep(500);
        cpu = threads.getThreadCpuTime(producer.getId()) - cpu;
        wall = System.nanoTime() - wall;
        assertThat(cpu).as("CPU of the parked producer over %d ms", wall / 1_000_000).isLessThan(wall / 10);
        consume(1);
        producer.join(5_000);
        assertThat(producer.isAlive()).isFalse();
        assertThat(flagAfter).isTrue();
    }
}
