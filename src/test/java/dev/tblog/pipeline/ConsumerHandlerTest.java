package dev.tblog.pipeline;

import dev.tblog.config.FsyncPolicy;
import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.proto.Event;
import dev.tblog.ring.LogSlot;
import dev.tblog.ring.SlotKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer on its own, fed slot by slot as the Disruptor would feed it: it writes at the end of
 * each batch (and past the byte threshold), keeps the records in the order of the slots, answers
 * barriers after everything before them is written, and never dies on an error.
 */
class ConsumerHandlerTest {
    private static final Path RUN = Path.of("run");

    private final MemorySinks sinks = new MemorySinks();
    private final PipelineState state = new PipelineState();
    private final List<Throwable> errors = new ArrayList<>();
    private long sequence;

    private ConsumerHandler consumer(FsyncPolicy fsync, int writeThreshold) throws IOException {
        RunFiles runs = new RunFiles(RUN, sinks, writeThreshold, 0, false, false);
        return new ConsumerHandler(runs, state, fsync, errors::add, new SelfMetrics(false, 1000, () -> 0, () -> 0, () -> 0));
    }

    private MemorySinks.MemorySink mainFile() {
        return sinks.in(RUN).get(0);
    }

    private void scalar(ConsumerHandler c, String tag, long step, boolean endOfBatch) {
        LogSlot slot = new LogSlot();
        slot.setScalar(sequence, tag, step, step * 0.5, 1_700_000_000_000L);
        c.onEvent(slot, sequence++, endOfBatch);
        assertThat(slot.filledFor(sequence)).as("the slot is not filled for any later sequence").isFalse();
    }

    private Barrier barrier(ConsumerHandler c, SlotKind kind) {
        Barrier barrier = new Barrier();
        LogSlot slot = new LogSlot();
        slot.setPayload(sequence, kind, barrier, 0);
        c.onEvent(slot, sequence++, true);
        assertThat(slot.payload()).as("the barrier is dropped after use").isNull();
        return barrier;
    }

    private static Throwable outcome(Barrier barrier) throws TimeoutException {
        return barrier.awaitUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
    }

    private static List<Long> steps(List<Event> events, String tag) {
        return events.stream().filter(e -> e.hasSummary() && e.getSummary().getValue(0).getTag().equals(tag))
            .map(Event::getStep).toList();
    }

    @Test
    void shouldWriteAtTheEndOfEachBatchAndNotBefore() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.CLOSE, 65536);
        assertThat(mainFile().writes).as("the file_version record, at open").hasSize(1);
        scalar(c, "x", 1, false);
        scalar(c, "x", 2, false);
        assertThat(mainFile().writes).as("mid-batch: nothing written yet").hasSize(1);
        assertThat(state.written()).isZero();
        scalar(c, "x", 3, true);
        assertThat(mainFile().writes).as("one write for the batch").hasSize(2);
        assertThat(state.written()).isEqualTo(3);
        assertThat(state.bytes()).isEqualTo(mainFile().size());
        assertThat(steps(mainFile().events(), "x")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldWriteMidBatchOncePastTheByteThreshold() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.CLOSE, 4096);
        for (int i = 0; i < 1000; i++) {
            scalar(c, "x", i, false);
        }
        assertThat(mainFile().writes.size()).as("written past 4096 bytes without a batch end").isGreaterThan(2);
        scalar(c, "x", 1000, true);
        assertThat(steps(mainFile().events(), "x")).hasSize(1001).isSorted();
    }

    /** A kind whose payloads write one scalar each, or fail. */
    private static final class StepPayload implements Payload {
        static final PayloadKind<StepEncoder> KIND = PayloadKind.of("step", StepEncoder.class, StepEncoder::new);
        final long step;
        final boolean fail;
        final AtomicInteger released = new AtomicInteger();

        StepPayload(long step, boolean fail) {
            this.step = step;
            this.fail = fail;
        }

        @Override
        public PayloadKind<StepEncoder> kind() {
            return KIND;
        }

        @Override
        public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
            encoders.get(KIND).write(this, out, wallTimeMillis);
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }

    private static final class StepEncoder implements PayloadEncoder {
        static final AtomicInteger CLOSED = new AtomicInteger();

        void write(StepPayload p, EventWriter out, long wallTimeMillis) throws IOException {
            if (p.fail) {
                throw new IllegalArgumentException("bad payload " + p.step);
            }
            out.writeScalar(null, "x", p.step, wallTimeMillis, p.step);
        }

        @Override
        public void close() {
            CLOSED.incrementAndGet();
        }
    }

    private StepPayload payload(ConsumerHandler c, long step, boolean fail, boolean endOfBatch) {
        StepPayload p = new StepPayload(step, fail);
        LogSlot slot = new LogSlot();
        slot.setPayload(sequence, SlotKind.PAYLOAD, p, 0);
        c.onEvent(slot, sequence++, endOfBatch);
        assertThat(slot.payload()).as("the payload is dropped after use").isNull();
        return p;
    }

    @Test
    void shouldKeepTheRecordsInTheOrderOfTheSlotsAcrossKinds() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.CLOSE, 65536);
        scalar(c, "x", 0, false);
        StepPayload one = payload(c, 1, false, false);
        scalar(c, "x", 2, false);
        payload(c, 3, false, true);
        assertThat(steps(mainFile().events(), "x")).containsExactly(0L, 1L, 2L, 3L);
        assertThat(one.released).as("released once, after writing").hasValue(1);
    }

    @Test
    void shouldSkipABadPayloadCountItLostReportItAndGoOn() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.CLOSE, 65536);
        StepPayload bad = payload(c, 1, true, false);
        scalar(c, "x", 2, true);
        assertThat(bad.released).hasValue(1);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage("bad payload 1"));
        assertThat(state.lost()).isEqualTo(1);
        assertThat(state.written()).isEqualTo(1);
        assertThat(state.ioFailed()).as("not a storage failure").isFalse();
        assertThat(steps(mainFile().events(), "x")).containsExactly(2L);
        LogSlot empty = new LogSlot();
        c.onEvent(empty, sequence++, true);
        assertThat(state.written()).as("an empty slot is skipped").isEqualTo(1);
    }

    @Test
    void shouldSkipASlotNotFilledForItsSequenceInsteadOfWritingItsEarlierLapAgain() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.CLOSE, 65536);
        LogSlot slot = new LogSlot();
        slot.setScalar(sequence, "x", 1, 0.5, 1_700_000_000_000L);
        c.onEvent(slot, sequence, true);
        // A lap later a producer claims the same slot and fails before filling it.
        c.onEvent(slot, sequence + 1024, true);
        assertThat(steps(mainFile().events(), "x")).containsExactly(1L);
        assertThat(state.written()).isEqualTo(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void shouldReleaseThePayloadOfAHalfFilledSlot() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.CLOSE, 65536);
        StepPayload p = new StepPayload(1, false);
        LogSlot slot = new LogSlot();
        slot.setPayload(sequence - 1, SlotKind.PAYLOAD, p, 0); // the payload is in, the stamp is not this sequence's
        c.onEvent(slot, sequence, true);
        assertThat(p.released).as("released, not written").hasValue(1);
        assertThat(slot.payload()).isNull();
        assertThat(state.written()).isZero();
    }

    @Test
    void shouldAnswerAFlushAfterWritingAndSyncingWhenThePolicySays() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.FLUSH, 65536);
        scalar(c, "x", 1, false);
        Barrier flush = barrier(c, SlotKind.FLUSH);
        assertThat(outcome(flush)).isNull();
        assertThat(steps(mainFile().events(), "x")).containsExactly(1L);
        assertThat(mainFile().forces).isEqualTo(1);
        assertThat(state.barriersConsumed()).isEqualTo(1);
    }

    @Test
    void shouldCloseFilesAndEncodersAtTheCloseBarrierAndCountLaterEventsLost() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.CLOSE, 65536);
        payload(c, 1, false, false);
        int closedBefore = StepEncoder.CLOSED.get();
        Barrier close = barrier(c, SlotKind.CLOSE);
        assertThat(outcome(close)).isNull();
        assertThat(mainFile().closed).isTrue();
        assertThat(mainFile().forces).as("fsync once at close").isEqualTo(1);
        assertThat(StepEncoder.CLOSED.get()).as("the kind's encoder is closed with the files").isEqualTo(closedBefore + 1);
        scalar(c, "x", 2, true);
        assertThat(state.lost()).isEqualTo(1);
        assertThat(steps(mainFile().events(), "x")).containsExactly(1L);
    }

    @Test
    void shouldMoveToTheFailedStateOnAStorageFailureAndFailLaterBarriers() throws Exception {
        ConsumerHandler c = consumer(FsyncPolicy.CLOSE, 65536);
        IOException full = new IOException("No space left on device");
        mainFile().failWrites = full;
        scalar(c, "x", 1, false);
        scalar(c, "x", 2, true);
        assertThat(state.ioFailed()).isTrue();
        assertThat(state.firstFailure()).isSameAs(full);
        assertThat(state.lost()).as("the failed batch is counted lost").isEqualTo(2);
        assertThat(state.written()).isZero();
        scalar(c, "x", 3, true);
        assertThat(state.lost()).as("events after the failure are lost").isEqualTo(3);
        assertThat(outcome(barrier(c, SlotKind.FLUSH))).isSameAs(full);
        assertThat(errors).contains(full);
    }
}
