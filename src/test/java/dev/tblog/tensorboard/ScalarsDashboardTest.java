package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.Json.texts;
import static dev.tblog.tensorboard.TensorBoardBackend.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCALARS as TensorBoard shows what tblog wrote: the runs, the tags, and for every point the wall
 * time (to the millisecond of the call), the step and the value (as a 32-bit float), special values
 * and extreme steps included; {@code addScalars} keys as sub-runs drawn on one chart.
 */
class ScalarsDashboardTest {
    private static final int LOSS_POINTS = 300;
    /** NaN, infinities, float overflow and underflow, signed zero, float's extremes, inexact decimals. */
    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        1e39, -1e39, 1e-46, -0.0, Float.MAX_VALUE, Float.MIN_VALUE, 0.1, 1 / 3.0, -123456.789};
    private static final long[] FAR_STEPS = {-5, 0, 1L << 31, (1L << 53) + 1, Long.MAX_VALUE};
    private static final int SPLIT_STEPS = 40;
    private static final int EVAL_POINTS = 10;
    private static final String UNICODE_TAG = "Größe/Temperatur °C & 100% (µ+σ)";

    /** Wall-clock bounds of each {@code loss} call, in milliseconds. */
    private static final long[] lossCalledFrom = new long[LOSS_POINTS];
    private static final long[] lossCalledUntil = new long[LOSS_POINTS];

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(ScalarsDashboardTest::write);

    private static double loss(int step) {
        return Math.exp(-step / 50.0) + 0.01 * Math.sin(step);
    }

    private static double split(String key, int step) {
        return (key.equals("train") ? 0.9 : 0.7) * (1 - Math.exp(-step / 10.0));
    }

    private static void write(Path logdir) {
        try (Logger train = LogCalls.logger(logdir, "train")) {
            for (int step = 0; step < LOSS_POINTS; step++) {
                lossCalledFrom[step] = System.currentTimeMillis();
                LogCalls.scalar(train, "loss", loss(step), step);
                lossCalledUntil[step] = System.currentTimeMillis();
            }
            for (int i = 0; i < SPECIAL.length; i++) {
                LogCalls.scalar(train, "special", SPECIAL[i], i);
            }
            for (int i = 0; i < FAR_STEPS.length; i++) {
                LogCalls.scalar(train, "far", i, FAR_STEPS[i]);
            }
            for (int i = 0; i < 5; i++) {
                LogCalls.scalarAtNextStep(train, "Accuracy/Train", 0.5 + 0.1 * i);
            }
            LogCalls.scalar(train, UNICODE_TAG, 37.5, 3);
            for (int step = 0; step < SPLIT_STEPS; step++) {
                LogCalls.scalars(train, "Loss", Map.of("train", loss(step), "test", 1.5 * loss(step)), step);
                LogCalls.scalars(train, "Accuracy/Split",
                    Map.of("train", split("train", step), "test", split("test", step)), step);
            }
        }
        try (Logger eval = LogCalls.logger(logdir, "eval")) {
            for (int i = 0; i < EVAL_POINTS; i++) {
                LogCalls.scalar(eval, "loss", 2 * loss(10 * i), 10L * i);
            }
        }
    }

    @Test
    void shouldListEveryRunAndSubRun() {
        assertThat(texts(tensorBoard.get("/data/runs"))).containsExactlyInAnyOrder("train", "eval",
            "train/Loss_train", "train/Loss_test", "train/Accuracy_Split_train", "train/Accuracy_Split_test");
    }

    @Test
    void shouldGiveEachRunExactlyItsTags() {
        JsonNode tags = tensorBoard.get("/data/plugin/scalars/tags");
        assertThat(fieldNames(tags.get("train"))).containsExactlyInAnyOrder("loss", "special", "far", "Accuracy/Train",
            UNICODE_TAG);
        assertThat(fieldNames(tags.get("eval"))).containsExactly("loss");
        assertThat(fieldNames(tags.get("train/Loss_train"))).containsExactly("Loss");
        assertThat(fieldNames(tags.get("train/Loss_test"))).containsExactly("Loss");
        assertThat(fieldNames(tags.get("train/Accuracy_Split_test"))).containsExactly("Accuracy/Split");
        assertThat(tags.get("train").get("Accuracy/Train").get("displayName").asText()).isEqualTo("Accuracy/Train");
    }

    @Test
    void shouldShowEveryPointWithItsStepItsFloatValueAndTheMillisecondOfTheCall() {
        JsonNode points = scalars("train", "loss");
        assertThat(points).hasSize(LOSS_POINTS);
        for (int step = 0; step < LOSS_POINTS; step++) {
            JsonNode point = points.get(step);
            assertThat(point.get(1).asLong()).isEqualTo(step);
            assertSameValue(number(point.get(2)), (float) loss(step), "loss at step " + step);
            double wallTime = point.get(0).doubleValue();
            long millis = Math.round(wallTime * 1000);
            assertThat(Math.abs(wallTime * 1000 - millis)).as("whole milliseconds: %s", wallTime).isLessThan(1e-3);
            WallTimeRules.assertWallTimeOfCall(millis, lossCalledFrom[step], lossCalledUntil[step], "step " + step);
        }
    }

    @Test
    void shouldShowSpecialValuesAsFloat32WouldHoldThem() {
        JsonNode points = scalars("train", "special");
        assertThat(points).hasSize(SPECIAL.length);
        for (int i = 0; i < SPECIAL.length; i++) {
            assertThat(points.get(i).get(1).asLong()).isEqualTo(i);
            assertSameValue(number(points.get(i).get(2)), (float) SPECIAL[i], "special value " + SPECIAL[i]);
        }
    }

    @Test
    void shouldShowNegativeAndHugeStepsExactly() {
        JsonNode points = scalars("train", "far");
        assertThat(points).hasSize(FAR_STEPS.length);
        for (int i = 0; i < FAR_STEPS.length; i++) {
            assertThat(points.get(i).get(1).isIntegralNumber()).isTrue();
            assertThat(points.get(i).get(1).asLong()).isEqualTo(FAR_STEPS[i]);
            assertSameValue(number(points.get(i).get(2)), i, "far point " + i);
        }
    }

    @Test
    void shouldShowATagWithNonAsciiAndUrlCharacters() {
        JsonNode points = scalars("train", UNICODE_TAG);
        assertThat(points).hasSize(1);
        assertThat(points.get(0).get(1).asLong()).isEqualTo(3);
        assertSameValue(number(points.get(0).get(2)), 37.5f, UNICODE_TAG);
    }

    @Test
    void shouldCountAutomaticStepsFromZero() {
        JsonNode points = scalars("train", "Accuracy/Train");
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            steps.add(points.get(i).get(1).asLong());
            assertSameValue(number(points.get(i).get(2)), (float) (0.5 + 0.1 * i), "Accuracy/Train " + i);
        }
        assertThat(steps).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void shouldDrawAddScalarsKeysAsSubRunsOfOneChart() {
        // The multi-run route answers one chart: one tag, its series from several runs.
        JsonNode chart = tensorBoard.postForm("/data/plugin/scalars/scalars_multirun",
            "tag", "Loss", "runs", "train/Loss_train", "runs", "train/Loss_test");
        assertThat(fieldNames(chart)).containsExactlyInAnyOrder("train/Loss_train", "train/Loss_test");
        for (int step = 0; step < SPLIT_STEPS; step++) {
            assertThat(chart.get("train/Loss_train").get(step).get(1).asLong()).isEqualTo(step);
            assertSameValue(number(chart.get("train/Loss_train").get(step).get(2)), (float) loss(step), "train " + step);
            assertSameValue(number(chart.get("train/Loss_test").get(step).get(2)), (float) (1.5 * loss(step)),
                "test " + step);
        }
        JsonNode split = scalars("train/Accuracy_Split_test", "Accuracy/Split");
        assertThat(split).hasSize(SPLIT_STEPS);
        assertSameValue(number(split.get(SPLIT_STEPS - 1).get(2)), (float) split("test", SPLIT_STEPS - 1), "split");
    }

    @Test
    void shouldShareTheTagWithASecondRunThatHasItsOwnPoints() {
        JsonNode points = scalars("eval", "loss");
        assertThat(points).hasSize(EVAL_POINTS);
        for (int i = 0; i < EVAL_POINTS; i++) {
            assertThat(points.get(i).get(1).asLong()).isEqualTo(10L * i);
            assertSameValue(number(points.get(i).get(2)), (float) (2 * loss(10 * i)), "eval " + i);
        }
    }

    private static JsonNode scalars(String run, String tag) {
        return tensorBoard.get("/data/plugin/scalars/scalars", "run", run, "tag", tag);
    }

    /** Bit for bit, with NaN equal to NaN and -0.0 apart from 0.0. */
    private static void assertSameValue(double shown, float logged, String what) {
        assertThat(Double.compare(shown, logged)).as("%s: shown %s, float32 %s", what, shown, logged).isZero();
    }
}
