package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import dev.tblog.read.RecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.TensorBoardBackend.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coalesced steps ({@code write.coalesceSteps}) through TensorBoard's own loader: the same calls
 * logged into a run with coalescing on and one with it off show exactly the same points: the same
 * tags, and for every tag the same steps and values in the same order, each with the wall time of its
 * own call. The calls cover what could tell the two apart: 8 tags per step, a tag repeated within a
 * step, a step that goes back, a text between two scalars of a step, {@code addScalars} sub-runs,
 * automatic steps, step 0 and negative steps, two threads' steps interleaved (gathered as two
 * events at once), and a tag whose next step is that of an event older than its last value.
 */
class CoalescedStepsDashboardTest {
    private static final String ON = "coalesced";
    private static final String OFF = "separate";
    private static final int STEPS = 150;
    private static final String[] METRICS = {"loss", "accuracy", "rate/excitatory", "rate/inhibitory",
        "weights/mean", "weights/std", "lr", "time/step_ms"};

    /** For each run and tag, the calls in order: [step, float value bits, from ms, until ms]. */
    private static final Map<String, List<long[]>> calls = new LinkedHashMap<>();

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(CoalescedStepsDashboardTest::write);

    private static void write(Path logdir) {
        try (Logger on = LogCalls.logger(logdir, ON, "write.coalesceSteps", "true");
             Logger off = LogCalls.logger(logdir, OFF, "write.coalesceSteps", "false")) {
            Logger[] both = {on, off};
            for (int step = 0; step < STEPS; step++) {
                for (int k = 0; k < METRICS.length; k++) {
                    scalar(both, METRICS[k], Math.sin(step * 0.1 + k) * (k + 1), step);
                }
                if (step % 10 == 0) {
                    scalar(both, "again", step, step);              // a tag twice in one step:
                    scalar(both, "between", -step, step);
                    scalar(both, "again", step + 0.5, step);        // the second stays after the first
                    for (Logger log : both) {
                        LogCalls.text(log, "notes", "step " + step, step);   // a payload inside a step
                    }
                    scalar(both, "after-text", step * 2.0, step);
                }
            }
            for (int step = 0; step < 40; step++) {                // two threads' steps, interleaved in the ring
                for (int k = 0; k < 4; k++) {
                    scalar(both, "thread0/m" + k, step + k * 0.25, step);
                    scalar(both, "thread1/m" + k, -step - k * 0.25, 1000 + step);
                }
            }
            for (int i = 0; i < 5; i++) {                           // a step whose event is older than the
                scalar(both, "order/y", i, 7 + 10 * i);              // tag's last value: not joined there
                scalar(both, "order/x", i, 5 + 10 * i);
                scalar(both, "order/x", i + 0.5, 7 + 10 * i);
            }
            for (int step = 0; step < 20; step++) {
                scalar(both, "rewind/a", step, step);
                scalar(both, "rewind/b", -step, step);
            }
            for (int step = 10; step < 15; step++) {                // steps going back, two tags per step
                scalar(both, "rewind/a", 100 + step, step);
                scalar(both, "rewind/b", -100 - step, step);
            }
            for (long step : new long[] {-3, -3, 0, 0, 1L << 40}) {
                scalar(both, "far/x", step, step);
                scalar(both, "far/y", 2 * step, step);
            }
            for (int i = 0; i < 12; i++) {
                for (Logger log : both) {
                    LogCalls.scalarAtNextStep(log, "auto/a", i);
                    LogCalls.scalarAtNextStep(log, "auto/b", -i);
                }
            }
            for (int step = 0; step < 30; step++) {
                for (Logger log : both) {
                    LogCalls.scalars(log, "Split", Map.of("train", step * 1.0, "test", step * 0.5), step);
                }
            }
        }
    }

    private static void scalar(Logger[] both, String tag, double value, long step) {
        long from = System.currentTimeMillis();
        for (Logger log : both) {
            LogCalls.scalar(log, tag, value, step);
        }
        long until = System.currentTimeMillis();
        calls.computeIfAbsent(tag, t -> new ArrayList<>())
            .add(new long[] {step, Float.floatToRawIntBits((float) value), from, until});
    }

    @Test
    void shouldShowTheSameTagsInBothRuns() {
        JsonNode tags = tensorBoard.get("/data/plugin/scalars/tags");
        assertThat(fieldNames(tags.get(ON))).containsExactlyInAnyOrderElementsOf(fieldNames(tags.get(OFF)));
        assertThat(fieldNames(tags.get(ON))).containsAll(calls.keySet()).contains("auto/a", "auto/b");
        assertThat(fieldNames(tags.get(ON + "/Split_train"))).containsExactly("Split");
    }

    @Test
    void shouldShowEveryCallAsThePointOfItsStepValueAndWallTimeWithCoalescingOnAndOff() {
        for (Map.Entry<String, List<long[]>> tag : calls.entrySet()) {
            for (String run : List.of(ON, OFF)) {
                JsonNode points = scalars(run, tag.getKey());
                List<long[]> expected = tag.getValue();
                assertThat(points).as("%s in %s", tag.getKey(), run).hasSize(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    long[] call = expected.get(i);
                    JsonNode point = points.get(i);
                    String what = run + " " + tag.getKey() + " #" + i;
                    assertThat(point.get(1).asLong()).as(what).isEqualTo(call[0]);
                    assertThat(Double.compare(number(point.get(2)), Float.intBitsToFloat((int) call[1])))
                        .as("%s: value %s", what, point.get(2)).isZero();
                    long millis = Math.round(point.get(0).doubleValue() * 1000);
                    WallTimeRules.assertWallTimeOfCall(millis, call[2], call[3], what);
                }
            }
        }
    }

    @Test
    void shouldShowIdenticalSeriesForEveryTagOfBothRunsWallTimesToTheMillisecondOfTheirCalls() {
        JsonNode tags = tensorBoard.get("/data/plugin/scalars/tags");
        for (String tag : fieldNames(tags.get(ON))) {
            JsonNode on = scalars(ON, tag);
            JsonNode off = scalars(OFF, tag);
            assertThat(on).as(tag).hasSize(off.size());
            for (int i = 0; i < on.size(); i++) {
                assertThat(on.get(i).get(1).asLong()).as("%s #%d step", tag, i).isEqualTo(off.get(i).get(1).asLong());
                assertThat(Double.compare(number(on.get(i).get(2)), number(off.get(i).get(2))))
                    .as("%s #%d value", tag, i).isZero();
                // Both loggers took the call's millisecond; they differ only when it ticked between the two calls.
                assertThat(Math.abs(on.get(i).get(0).doubleValue() - off.get(i).get(0).doubleValue()))
                    .as("%s #%d wall time", tag, i).isLessThan(0.05);
            }
        }
        for (String key : List.of("train", "test")) {
            JsonNode on = scalars(ON + "/Split_" + key, "Split");
            JsonNode off = scalars(OFF + "/Split_" + key, "Split");
            assertThat(Json.longs(on, 1)).isEqualTo(Json.longs(off, 1)).hasSize(30);
        }
    }

    @Test
    void shouldHaveWrittenTheEightMetricsOfAStepAsOneEventWhenOnAndEightWhenOff() {
        int on = records(ON);
        int off = records(OFF);
        int scalars = calls.values().stream().mapToInt(List::size).sum() + 24;
        assertThat(off).as("one record per scalar, text and file version").isEqualTo(scalars + STEPS / 10 + 1);
        assertThat(on).as("8 metrics per step in one record").isLessThan(off - STEPS * (METRICS.length - 2));
    }

    private static int records(String run) {
        try (Stream<Path> files = Files.list(tensorBoard.logdir().resolve(run))) {
            Path file = files.filter(p -> p.getFileName().toString().contains("tfevents")).findFirst().orElseThrow();
            return RecordReader.readAll(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode scalars(String run, String tag) {
        return tensorBoard.get("/data/plugin/scalars/scalars", "run", run, "tag", tag);
    }
}
