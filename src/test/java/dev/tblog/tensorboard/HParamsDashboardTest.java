package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.tblog.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.Json.texts;
import static dev.tblog.tensorboard.TensorBoardBackend.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HPARAMS as TensorBoard shows what tblog wrote, through {@code POST /data/plugin/hparams/experiment}
 * and {@code /session_groups}: one session per run (and per later call on one logger), every
 * parameter a typed column (Boolean as BOOL, enum and String as STRING, numbers as FLOAT64 with their
 * range), runs with different keys side by side, and each metric's value the one logged. No sweep is
 * declared: TensorBoard guesses the metric columns from the scalar tags of the sessions, and tblog's
 * self-metrics (on in the run "monitored") are never among them.
 */
class HParamsDashboardTest {
    enum Solver { EULER, RK4 }

    private static final int TRAINING_STEPS = 10;

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(HParamsDashboardTest::write);

    private static double trainingLoss(int step) {
        return 1.0 / (1 + step);
    }

    private static void write(Path logdir) throws InterruptedException {
        train(logdir, "lr-0.01", params(0.01, 10, true, Solver.EULER, "baseline"), Map.of("accuracy", 0.91, "error", 0.09));
        train(logdir, "lr-0.1", params(0.1, 20, false, Solver.RK4, "faster"), Map.of("accuracy", 0.85, "error", 0.15));
        try (Logger log = LogCalls.logger(logdir, "adam")) {
            LogCalls.parameters(log, Map.of("learning_rate", 0.05, "momentum", 0.9, "solver", "adam"),
                Map.of("accuracy", 0.7, "error", 0.3));
        }
        try (Logger log = LogCalls.logger(logdir, "search")) {
            LogCalls.parameters(log, Map.of("learning_rate", 0.2, "plastic", true), Map.of("accuracy", 0.5));
            LogCalls.parameters(log, Map.of("learning_rate", 0.3, "plastic", false), Map.of("accuracy", 0.6));
        }
        try (Logger log = LogCalls.logger(logdir, "monitored", "selfMetrics.enabled", "true",
            "selfMetrics.intervalMillis", "100")) {
            for (int step = 0; step < TRAINING_STEPS; step++) {
                LogCalls.scalar(log, "accuracy", 0.08 * step, step);
                Thread.sleep(40); // several self-metric intervals
            }
            LogCalls.parameters(log, Map.of("learning_rate", 0.25, "plastic", true), Map.of("accuracy", 0.8));
        }
    }

    private static Map<String, Object> params(double learningRate, int tau, boolean plastic, Solver solver, String note) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learning_rate", learningRate);
        params.put("tau", tau);
        params.put("plastic", plastic);
        params.put("solver", solver);
        params.put("note", note);
        return params;
    }

    /** A run that logs a training curve of loss and accuracy, then its parameters and final metrics. */
    private static void train(Path logdir, String run, Map<String, Object> params, Map<String, Double> metrics) {
        try (Logger log = LogCalls.logger(logdir, run)) {
            for (int step = 0; step < TRAINING_STEPS; step++) {
                LogCalls.scalar(log, "loss", trainingLoss(step), step);
                LogCalls.scalar(log, "accuracy", metrics.get("accuracy") * step / TRAINING_STEPS, step);
            }
            LogCalls.parameters(log, params, metrics);
        }
    }

    @Test
    void shouldTypeEveryKeyOfEveryRunInTheExperimentByItsValues() {
        JsonNode experiment = tensorBoard.post("/data/plugin/hparams/experiment", Map.of("experimentName", ""));
        Map<String, JsonNode> infos = new HashMap<>();
        experiment.get("hparamInfos").forEach(info -> infos.put(info.get("name").asText(), info));
        assertThat(infos).containsOnlyKeys("learning_rate", "tau", "plastic", "solver", "note", "momentum");
        assertThat(infos.get("learning_rate").get("type").asText()).isEqualTo("DATA_TYPE_FLOAT64");
        assertThat(infos.get("learning_rate").get("domainInterval").get("minValue").asDouble()).isEqualTo(0.01);
        assertThat(infos.get("learning_rate").get("domainInterval").get("maxValue").asDouble()).isEqualTo(0.3);
        assertThat(infos.get("tau").get("type").asText()).isEqualTo("DATA_TYPE_FLOAT64");
        assertThat(infos.get("momentum").get("type").asText()).isEqualTo("DATA_TYPE_FLOAT64");
        assertThat(infos.get("plastic").get("type").asText()).isEqualTo("DATA_TYPE_BOOL");
        assertThat(infos.get("plastic").get("domainDiscrete")).containsExactlyInAnyOrder(
            BooleanNode.TRUE, BooleanNode.FALSE);
        assertThat(infos.get("solver").get("type").asText()).isEqualTo("DATA_TYPE_STRING");
        assertThat(texts(infos.get("solver").get("domainDiscrete"))).containsExactlyInAnyOrder("EULER", "RK4", "adam");
        assertThat(infos.get("note").get("type").asText()).isEqualTo("DATA_TYPE_STRING");

        // No experiment summary: TensorBoard takes every scalar tag of the sessions as a metric.
        List<String> metrics = new ArrayList<>();
        experiment.get("metricInfos").forEach(m -> {
            assertThat(m.get("name").path("group").asText("")).isEmpty();
            metrics.add(m.get("name").get("tag").asText());
        });
        assertThat(metrics).containsExactlyInAnyOrder("accuracy", "error", "loss");
    }

    @Test
    void shouldShowEachRunAsASessionWithItsOwnValuesAndBooleansAsBooleans() {
        Map<String, JsonNode> groups = sessionGroups();
        assertThat(groups).containsOnlyKeys("lr-0.01", "lr-0.1", "adam", "search", "search/trial-0002", "monitored");

        JsonNode first = groups.get("lr-0.01").get("hparams");
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("learning_rate", "tau", "plastic", "solver", "note");
        assertThat(first.get("learning_rate").asDouble()).isEqualTo(0.01);
        assertThat(first.get("tau").asDouble()).isEqualTo(10.0);
        assertThat(first.get("plastic").isBoolean()).as("plastic is a JSON Boolean: %s", first.get("plastic")).isTrue();
        assertThat(first.get("plastic").booleanValue()).isTrue();
        assertThat(first.get("solver").asText()).isEqualTo("EULER");
        assertThat(first.get("note").asText()).isEqualTo("baseline");

        JsonNode second = groups.get("lr-0.1").get("hparams");
        assertThat(second.get("plastic").isBoolean()).isTrue();
        assertThat(second.get("plastic").booleanValue()).isFalse();
        assertThat(second.get("solver").asText()).isEqualTo("RK4");
        assertThat(second.get("tau").asDouble()).isEqualTo(20.0);

        groups.values().forEach(group -> group.get("sessions").forEach(session ->
            assertThat(session.get("status").asText()).isEqualTo("STATUS_SUCCESS")));
    }

    @Test
    void shouldShowOnlyItsOwnKeysForARunWithOtherKeys() {
        JsonNode adam = sessionGroups().get("adam").get("hparams");
        assertThat(fieldNames(adam)).containsExactlyInAnyOrder("learning_rate", "momentum", "solver");
        assertThat(adam.get("momentum").asDouble()).isEqualTo(0.9);
        assertThat(adam.get("solver").asText()).isEqualTo("adam");
        assertThat(metrics(sessionGroups().get("adam"))).containsOnlyKeys("accuracy", "error");
    }

    @Test
    void shouldShowTheLoggedMetricValuesAfterTheTrainingCurve() {
        Map<String, JsonNode> groups = sessionGroups();
        Map<String, JsonNode> first = metrics(groups.get("lr-0.01"));
        assertThat(first).containsOnlyKeys("accuracy", "error", "loss");
        assertThat(number(first.get("accuracy").get("value"))).isEqualTo((double) 0.91f);
        assertThat(number(first.get("error").get("value"))).isEqualTo((double) 0.09f);
        assertThat(number(first.get("loss").get("value"))).isEqualTo((double) (float) trainingLoss(TRAINING_STEPS - 1));
        // A metric that is also a training curve goes one step past it; a new one at the run's last step.
        assertThat(first.get("accuracy").get("trainingStep").asLong()).isEqualTo(TRAINING_STEPS);
        assertThat(first.get("error").get("trainingStep").asLong()).isEqualTo(TRAINING_STEPS - 1);
        assertThat(number(metrics(groups.get("lr-0.1")).get("accuracy").get("value"))).isEqualTo((double) 0.85f);
    }

    @Test
    void shouldMakeASecondCallOnOneLoggerASessionOfItsOwn() {
        Map<String, JsonNode> groups = sessionGroups();
        assertThat(groups.get("search").get("hparams").get("learning_rate").asDouble()).isEqualTo(0.2);
        assertThat(groups.get("search").get("hparams").get("plastic").booleanValue()).isTrue();
        assertThat(number(metrics(groups.get("search")).get("accuracy").get("value"))).isEqualTo((double) 0.5f);
        JsonNode trial = groups.get("search/trial-0002");
        assertThat(trial.get("hparams").get("learning_rate").asDouble()).isEqualTo(0.3);
        assertThat(trial.get("hparams").get("plastic").booleanValue()).isFalse();
        assertThat(number(metrics(trial).get("accuracy").get("value"))).isEqualTo((double) 0.6f);
    }

    @Test
    void shouldNeverTakeSelfMetricsForMetricColumnsAndStillShowThemInScalars() {
        JsonNode tags = tensorBoard.get("/data/plugin/scalars/tags");
        assertThat(fieldNames(tags.get("tblog/monitored"))).as("self-metrics in SCALARS")
            .contains("tblog/events_per_second", "tblog/dropped", "tblog/queue_depth");
        List<String> columns = new ArrayList<>();
        tensorBoard.post("/data/plugin/hparams/experiment", Map.of("experimentName", ""))
            .get("metricInfos").forEach(m -> columns.add(m.get("name").get("tag").asText()));
        assertThat(columns).isNotEmpty().noneMatch(tag -> tag.startsWith("tblog/"));
        assertThat(metrics(sessionGroups().get("monitored"))).containsOnlyKeys("accuracy");
        assertThat(number(metrics(sessionGroups().get("monitored")).get("accuracy").get("value"))).isEqualTo((double) 0.8f);
    }

    /** Session groups by name; one session per group, as tblog leaves group names empty. */
    private static Map<String, JsonNode> sessionGroups() {
        JsonNode answer = tensorBoard.post("/data/plugin/hparams/session_groups", Map.of(
            "experimentName", "",
            "allowedStatuses", List.of("STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"),
            "colParams", List.of(),
            "startIndex", 0,
            "sliceSize", 1000));
        Map<String, JsonNode> groups = new HashMap<>();
        answer.get("sessionGroups").forEach(group -> {
            assertThat(group.get("sessions")).as("sessions of %s", group.get("name")).hasSize(1);
            groups.put(group.get("name").asText(), group);
        });
        assertThat(answer.get("totalSize").asInt()).isEqualTo(groups.size());
        return groups;
    }

    /** A session group's metric values by tag (all in the session's own run: group ""). */
    private static Map<String, JsonNode> metrics(JsonNode group) {
        Map<String, JsonNode> metrics = new HashMap<>();
        group.get("metricValues").forEach(m -> {
            assertThat(m.get("name").path("group").asText("")).isEmpty();
            metrics.put(m.get("name").get("tag").asText(), m);
        });
        return metrics;
    }
}
