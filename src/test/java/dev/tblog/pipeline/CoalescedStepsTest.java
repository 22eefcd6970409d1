package dev.tblog.pipeline;

import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coalesced steps in the run's files: which scalars share an event, and that nothing else moves:
 * every value in the order logged, with its own step and wall time, records in the order of the ring.
 */
class CoalescedStepsTest {
    private static final Path RUN = Path.of("run");

    private final MemorySinks sinks = new MemorySinks();

    private RunFiles coalescing() throws Exception {
        return new RunFiles(RUN, sinks, 65536, 0, false, true);
    }

    /** The events after the file_version record of the main file. */
    private List<Event> events() {
        List<Event> all = sinks.in(RUN).get(0).events();
        return all.subList(1, all.size());
    }

    private static List<String> tags(Event e) {
        return e.getSummary().getValueList().stream().map(Summary.Value::getTag).toList();
    }

    @Test
    void shouldWriteTheScalarsOfOneStepAndMillisecondAsOneEventInTheOrderLogged() throws Exception {
        RunFiles runs = coalescing();
        for (long step = 1; step <= 3; step++) {
            for (String tag : List.of("loss", "accuracy", "rate/e", "rate/i")) {
                runs.scalar(tag, step, 5000 + step, step * 10 + tag.length());
            }
        }
        runs.writeAll();
        List<Event> events = events();
        assertThat(events).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Event e = events.get(i);
            assertThat(e.getStep()).isEqualTo(i + 1);
            assertThat(e.getWallTime()).isEqualTo((5000 + i + 1) / 1000.0);
            assertThat(tags(e)).containsExactly("loss", "accuracy", "rate/e", "rate/i");
            assertThat(e.getSummary().getValue(1).getSimpleValue()).isEqualTo((i + 1) * 10 + 8);
        }
    }

    @Test
    void shouldWriteEachStepsOwnTagsWhenTheTagsAfterTheFirstChange() throws Exception {
        RunFiles runs = coalescing();
        List<List<String>> steps = List.of(List.of("loss", "accuracy", "lr"), List.of("loss", "accuracy", "lr"),
            List.of("loss", "grad_norm", "lr"), List.of("loss", "lr"), List.of("loss", "grad_norm", "accuracy", "lr"),
            List.of("loss", "accuracy", "lr"));
        for (int step = 0; step < steps.size(); step++) {
            for (String tag : steps.get(step)) {
                runs.scalar(tag, step + 1, 1000 + step, step * 100 + tag.length());
            }
        }
        runs.writeAll();
        List<Event> events = events();
        assertThat(events).extracting(CoalescedStepsTest::tags).containsExactlyElementsOf(steps);
        for (int step = 0; step < steps.size(); step++) {
            int s = step;
            assertThat(events.get(step).getSummary().getValueList()).extracting(Summary.Value::getSimpleValue)
                .containsExactlyElementsOf(steps.get(step).stream().map(t -> (float) (s * 100 + t.length())).toList());
        }
    }

    @Test
    void shouldStartANewEventAtAnotherStepMillisecondOrFile() throws Exception {
        RunFiles runs = coalescing();
        runs.scalar("a", 1, 1000, 1);
        runs.scalar("b", 1, 1000, 2);   // joins
        runs.scalar("c", 2, 1000, 3);   // another step
        runs.scalar("d", 2, 1001, 4);   // another millisecond
        runs.scalarsMember("Loss", "train", 2, 1001, 5); // another file
        runs.scalar("e", 2, 1001, 6);   // back in the main file: joins d's event, still open
        runs.writeAll();
        assertThat(events()).extracting(CoalescedStepsTest::tags)
            .containsExactly(List.of("a", "b"), List.of("c"), List.of("d", "e"));
        List<Event> train = sinks.in(RUN.resolve("Loss_train")).get(0).events();
        assertThat(train.get(1).getSummary().getValue(0).getSimpleValue()).isEqualTo(5);
    }

    @Test
    void shouldGatherTheStepsOfThreadsLoggingAtOnceAsOneEventEach() throws Exception {
        RunFiles runs = coalescing();
        for (String metric : List.of("loss", "lr", "rate")) {   // two threads' scalars, interleaved in the ring
            runs.scalar("t0/" + metric, 3, 1000, 3);
            runs.scalar("t1/" + metric, 9, 1000, 9);
        }
        runs.writeAll();
        List<Event> events = events();
        assertThat(events).extracting(CoalescedStepsTest::tags)
            .containsExactly(List.of("t0/loss", "t0/lr", "t0/rate"), List.of("t1/loss", "t1/lr", "t1/rate"));
        assertThat(events).extracting(Event::getStep).containsExactly(3L, 9L);
    }

    @Test
    void shouldKeepATagsValuesInOrderThoughAnOlderEventHasTheStepOfItsNextValue() throws Exception {
        RunFiles runs = coalescing();
        runs.scalar("y", 7, 1000, 1);
        runs.scalar("x", 5, 1000, 2);
        runs.scalar("x", 7, 1000, 3);   // y's event (step 7) is older than x's last: x@7 would come before x@5
        runs.writeAll();
        List<Event> events = events();
        assertThat(events).extracting(CoalescedStepsTest::tags)
            .containsExactly(List.of("y"), List.of("x"), List.of("x"));
        assertThat(events).extracting(Event::getStep).containsExactly(7L, 5L, 7L);
    }

    @Test
    void shouldEncodeTheOldestEventOnceTooManyAreGathered() throws Exception {
        RunFiles runs = coalescing();
        for (int step = 1; step <= ScalarGroups.OPEN + 1; step++) {
            runs.scalar("a", step, 1000, step);
        }
        runs.scalar("b", 1, 1000, 10);   // step 1's event was encoded to make room: b starts another
        runs.scalar("b2", ScalarGroups.OPEN + 1, 1000, 11); // the newest is still open: joins it
        runs.writeAll();
        List<Long> steps = new ArrayList<>();
        for (long step = 1; step <= ScalarGroups.OPEN + 1; step++) {
            steps.add(step);
        }
        steps.add(1L);
        List<Event> events = events();
        assertThat(events).extracting(Event::getStep).containsExactlyElementsOf(steps);
        assertThat(tags(events.get(ScalarGroups.OPEN))).containsExactly("a", "b2");
        assertThat(tags(events.get(ScalarGroups.OPEN + 1))).containsExactly("b");
    }

    @Test
    void shouldKeepARepeatedTagOfOneStepInTwoEventsInOrder() throws Exception {
        RunFiles runs = coalescing();
        runs.scalar("a", 7, 1000, 1);
        runs.scalar("b", 7, 1000, 2);
        runs.scalar("a", 7, 1000, 3);   // a again: TensorBoard keeps the last, so it must stay after the first
        runs.scalar("b", 7, 1000, 4);
        runs.writeAll();
        List<Event> events = events();
        assertThat(events).extracting(CoalescedStepsTest::tags).containsExactly(List.of("a", "b"), List.of("a", "b"));
        assertThat(events.get(1).getSummary().getValue(0).getSimpleValue()).isEqualTo(3);
    }

    @Test
    void shouldWriteTheGatheredEventBeforeAnyOtherRecord() throws Exception {
        RunFiles runs = coalescing();
        runs.scalar("a", 1, 1000, 1);
        runs.scalar("b", 1, 1000, 2);
        runs.writeValue(null, "text", 1, 1000, null, RunFilesTestBodies.SIMPLE_VALUE_ONE);
        runs.scalar("c", 1, 1000, 3);
        runs.writeAll();
        assertThat(events()).extracting(CoalescedStepsTest::tags)
            .containsExactly(List.of("a", "b"), List.of("text"), List.of("c"));
    }

    @Test
    void shouldSplitAStepPastTheMostValuesOfOneEvent() throws Exception {
        RunFiles runs = coalescing();
        int n = ScalarGroup.MAX_VALUES * 2 + 3;
        for (int i = 0; i < n; i++) {
            runs.scalar("t" + i, 9, 1000, i);
        }
        runs.writeAll();
        List<Event> events = events();
        assertThat(events).extracting(e -> e.getSummaryOrBuilder().getValueCount())
            .containsExactly(ScalarGroup.MAX_VALUES, ScalarGroup.MAX_VALUES, 3);
        List<Float> values = new ArrayList<>();
        events.forEach(e -> e.getSummary().getValueList().forEach(v -> values.add(v.getSimpleValue())));
        for (int i = 0; i < n; i++) {
            assertThat(values.get(i)).isEqualTo(i);
        }
    }

    @Test
    void shouldWriteNothingOfAnOpenEventUntilTheBatchEndsAndKeepTheStepsForHparams() throws Exception {
        RunFiles runs = coalescing();
        long before = runs.bytesWritten();
        runs.scalar("a", 4, 1000, 1);
        runs.scalar("b", 4, 1000, 1);
        assertThat(runs.lastStep(null, "b")).isEqualTo(4);
        assertThat(runs.maxStep(null)).isEqualTo(4);
        assertThat(runs.bytesWritten()).isEqualTo(before);
        runs.writeAll();
        assertThat(runs.bytesWritten()).isGreaterThan(before);
        assertThat(events()).hasSize(1);
    }

    @Test
    void shouldWriteEveryScalarAsItsOwnEventWhenCoalescingIsOff() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 65536, 0, false, false);
        runs.scalar("a", 1, 1000, 1);
        runs.scalar("b", 1, 1000, 2);
        runs.writeAll();
        assertThat(events()).extracting(CoalescedStepsTest::tags).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void shouldRotateBetweenEventsWithEveryValueOnceAndFewerBytes() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 4096, 65536, false, true);
        for (int step = 0; step < 4000; step++) {
            for (int k = 0; k < 8; k++) {
                runs.scalar("metric/" + k, step, 1000 + step, step + k);
            }
        }
        runs.writeAll();
        long values = 0;
        long bytes = 0;
        for (MemorySinks.MemorySink file : sinks.in(RUN)) {
            List<Event> events = file.events();
            assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
            for (Event e : events.subList(1, events.size())) {
                assertThat(e.getSummary().getValueCount()).isEqualTo(8);
                values += 8;
            }
            bytes += file.size();
        }
        assertThat(sinks.in(RUN).size()).as("rotated").isGreaterThan(1);
        assertThat(values).isEqualTo(4000 * 8);
        assertThat((double) bytes / values).as("bytes per scalar").isLessThan(25);
    }
}
