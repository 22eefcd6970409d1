package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.tblog.Logger;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.read.RecordReader;
import dev.tblog.tensorboard.LogCalls.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.Json.texts;
import static dev.tblog.tensorboard.TensorBoardBackend.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HPARAMS of a declared sweep as TensorBoard shows it, through {@code POST /data/plugin/hparams/experiment}
 * and {@code /session_groups}: the sweep of {@link LogCalls#declareSweep}, declared by this JVM and by
 * a second JVM at the same moment, then runs that log training curves (scalars the undeclared
 * table would take for metric columns): one without the {@code batch} parameter and with
 * self-metrics on, one a folder deeper (another sweep's run, compared on the same columns).
 */
class SweepDashboardTest {
    private static final int TRAINING_STEPS = 10;

    /** What the second JVM printed. */
    private static final List<String> otherProcess = new ArrayList<>();

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(SweepDashboardTest::write);

    private static void write(Path logdir) throws Exception {
        declareInTwoProcessesAtOnce(logdir);
        train(logdir, "lr-0.01", params(0.01, Solver.EULER, 32), 0.91, false);
        train(logdir, "lr-0.1", params(0.1, Solver.RK4, 64), 0.85, false);
        Map<String, Object> noBatch = params(0.5, Solver.RK4, 16);
        noBatch.remove("batch");
        train(logdir, "lr-0.5", noBatch, 0.7, true);
        // An earlier sweep's run in a folder of its own, compared on the same declared columns.
        train(logdir.resolve("earlier-sweep"), "lr-0.2", params(0.2, Solver.EULER, 16), 0.8, false);
    }

    /** A second JVM and this one declare the same sweep in the same folder once both are ready. */
    private static void declareInTwoProcessesAtOnce(Path logdir) throws Exception {
        Path go = logdir.resolve("go");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            SweepDeclarer.class.getName(), logdir.toString(), go.toString())
            .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the second JVM starts waiting").isEqualTo("waiting");
            Files.createFile(go);
            LogCalls.declareSweep(logdir);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                otherProcess.add(line);
            }
        }
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).as("second JVM: %s", otherProcess).isZero();
        Files.delete(go);
    }

    private static Map<String, Object> params(double learningRate, Solver solver, int batch) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("learning_rate", learningRate);
        params.put("solver", solver);
        params.put("batch", batch);
        params.put("plastic", true);
        return params;
    }

    private static double loss(int step) {
        return 1.0 / (1 + step);
    }

    /**
     * A run with the scalars a real one has (loss and accuracy curves, a learning-rate schedule, a
     * train/test split in addScalars sub-runs), then its parameters and final accuracy; the loss
     * metric is the training curve's last point.
     */
    private static void train(Path logdir, String run, Map<String, Object> params, double accuracy, boolean selfMetrics)
        throws InterruptedException {
        String[] settings = selfMetrics ? new String[] {"selfMetrics.enabled", "true", "selfMetrics.intervalMillis", "100"}
            : new String[0];
        try (Logger log = LogCalls.logger(logdir, run, settings)) {
            for (int step = 0; step < TRAINING_STEPS; step++) {
                LogCalls.scalar(log, "loss", loss(step), step);
                LogCalls.scalar(log, "accuracy", accuracy * step / TRAINING_STEPS, step);
                LogCalls.scalar(log, "Plasticity/Learning rate", (double) params.get("learning_rate") / (1 + step), step);
                LogCalls.scalars(log, "Accuracy/Split", Map.of("train", 0.5, "test", 0.4), step);
                if (selfMetrics) {
                    Thread.sleep(40); // several self-metric intervals
                }
            }
            LogCalls.parameters(log, params, Map.of("accuracy", accuracy));
        }
    }

    @Test
    void shouldShowExactlyTheDeclaredHParamsWithTheirDomainsAndTexts() {
        Map<String, JsonNode> infos = new HashMap<>();
        experiment().get("hparamInfos").forEach(info -> infos.put(info.get("name").asText(), info));
        assertThat(infos).containsOnlyKeys("learning_rate", "solver", "batch", "plastic");

        JsonNode rate = infos.get("learning_rate");
        assertThat(rate.get("type").asText()).isEqualTo("DATA_TYPE_FLOAT64");
        assertThat(rate.get("domainInterval").get("minValue").asDouble()).isEqualTo(1e-4);
        assertThat(rate.get("domainInterval").get("maxValue").asDouble()).isEqualTo(1.0);
        assertThat(rate.get("displayName").asText()).isEqualTo("Learning rate");
        assertThat(rate.get("description").asText()).isEqualTo("Step size of the Hebbian rule");

        JsonNode solver = infos.get("solver");
        assertThat(solver.get("type").asText()).isEqualTo("DATA_TYPE_STRING");
        assertThat(texts(solver.get("domainDiscrete"))).containsExactly("EULER", "RK4");
        assertThat(solver.get("displayName").asText()).isEqualTo("Solver");
        assertThat(solver.path("description").asText("")).isEmpty();

        JsonNode batch = infos.get("batch");
        assertThat(batch.get("type").asText()).isEqualTo("DATA_TYPE_FLOAT64");
        List<Double> batches = new ArrayList<>();
        batch.get("domainDiscrete").forEach(v -> batches.add(v.asDouble()));
        assertThat(batches).containsExactly(16.0, 32.0, 64.0);
        assertThat(batch.path("displayName").asText("")).isEmpty();

        JsonNode plastic = infos.get("plastic");
        assertThat(plastic.get("type").asText()).isEqualTo("DATA_TYPE_BOOL");
        assertThat(plastic.get("domainDiscrete")).containsExactly(BooleanNode.FALSE, BooleanNode.TRUE);
        assertThat(plastic.get("description").asText()).isEqualTo("Whether the weights learn");
    }

    @Test
    void shouldShowExactlyTheDeclaredMetricsInTheirOrder() {
        List<String> tags = new ArrayList<>();
        experiment().get("metricInfos").forEach(m -> {
            assertThat(m.get("name").path("group").asText("")).isEmpty();
            tags.add(m.get("name").get("tag").asText());
        });
        // Not loss/accuracy of the sub-runs, not Plasticity/Learning rate, not tblog/*: only what was declared.
        assertThat(tags).containsExactly("accuracy", "loss");
        JsonNode accuracy = experiment().get("metricInfos").get(0);
        assertThat(accuracy.get("displayName").asText()).isEqualTo("Accuracy (test)");
        assertThat(accuracy.get("description").asText()).isEqualTo("Share of fresh samples recognized");
        assertThat(experiment().get("metricInfos").get(1).get("displayName").asText()).isEqualTo("Loss");
    }

    @Test
    void shouldShowEveryRunWithItsValuesAndMetricsIncludingARunWithoutAKey() {
        Map<String, JsonNode> groups = sessionGroups();
        assertThat(groups).containsOnlyKeys("lr-0.01", "lr-0.1", "lr-0.5", "earlier-sweep/lr-0.2");
        assertThat(groups.get("earlier-sweep/lr-0.2").get("hparams").get("learning_rate").asDouble()).isEqualTo(0.2);

        JsonNode first = groups.get("lr-0.01").get("hparams");
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("learning_rate", "solver", "batch", "plastic");
        assertThat(first.get("learning_rate").asDouble()).isEqualTo(0.01);
        assertThat(first.get("solver").asText()).isEqualTo("EULER");
        assertThat(first.get("batch").asDouble()).isEqualTo(32.0);
        assertThat(first.get("plastic").booleanValue()).isTrue();
        assertThat(groups.get("lr-0.1").get("hparams").get("solver").asText()).isEqualTo("RK4");
        assertThat(groups.get("lr-0.1").get("hparams").get("batch").asDouble()).isEqualTo(64.0);

        JsonNode withoutBatch = groups.get("lr-0.5").get("hparams");
        assertThat(fieldNames(withoutBatch)).containsExactlyInAnyOrder("learning_rate", "solver", "plastic");
        assertThat(withoutBatch.get("learning_rate").asDouble()).isEqualTo(0.5);

        Map<String, Double> accuracies = Map.of("lr-0.01", 0.91, "lr-0.1", 0.85, "lr-0.5", 0.7, "earlier-sweep/lr-0.2", 0.8);
        accuracies.forEach((run, accuracy) -> {
            Map<String, JsonNode> metrics = metrics(groups.get(run));
            assertThat(metrics).as(run).containsOnlyKeys("accuracy", "loss");
            assertThat(number(metrics.get("accuracy").get("value"))).isEqualTo((double) accuracy.floatValue());
            assertThat(metrics.get("accuracy").get("trainingStep").asLong()).isEqualTo(TRAINING_STEPS);
            // A declared metric addParameters did not pass: the last point of its training curve.
            assertThat(number(metrics.get("loss").get("value"))).isEqualTo((double) (float) loss(TRAINING_STEPS - 1));
            assertThat(metrics.get("loss").get("trainingStep").asLong()).isEqualTo(TRAINING_STEPS - 1);
        });
    }

    @Test
    void shouldHoldOneExperimentAfterTwoProcessesDeclaredTheSameSweepAtOnce() throws IOException {
        assertThat(otherProcess).as("the second JVM declared the same sweep without error").containsExactly("declared");
        List<Path> rootFiles;
        try (Stream<Path> files = Files.list(tensorBoard.logdir())) {
            rootFiles = files.filter(Files::isRegularFile).toList();
        }
        assertThat(rootFiles).as("one event file in the root, no temporary file left").hasSize(1);
        Path file = rootFiles.get(0);
        assertThat(file.getFileName().toString()).contains("tfevents");
        List<HParamsPluginData> experiments = new ArrayList<>();
        for (byte[] record : RecordReader.readAll(file)) {
            for (Summary.Value value : Event.parseFrom(record).getSummary().getValueList()) {
                assertThat(value.getTag()).isEqualTo("_hparams_/experiment");
                experiments.add(HParamsPluginData.parseFrom(value.getMetadata().getPluginData().getContent()));
            }
        }
        assertThat(experiments).hasSize(1);
        assertThat(experiments.get(0).getExperiment().getHparamInfosCount()).isEqualTo(4);
        assertThat(texts(tensorBoard.get("/data/runs")).stream().filter("."::equals)).hasSize(1);
    }

    @Test
    void shouldShowTheRootRunInNoScalarChartAndSelfMetricsBesideTheirRun() {
        JsonNode tags = tensorBoard.get("/data/plugin/scalars/tags");
        assertThat(tags.has(".")).as("the sweep's root run holds no scalar").isFalse();
        assertThat(fieldNames(tags.get("tblog/lr-0.5"))).contains("tblog/events_per_second", "tblog/queue_depth");
        assertThat(fieldNames(tags.get("lr-0.5"))).noneMatch(tag -> tag.startsWith("tblog/"));
        assertThat(sessionGroups()).doesNotContainKey("tblog/lr-0.5");
    }

    private static JsonNode experiment() {
        return tensorBoard.post("/data/plugin/hparams/experiment", Map.of("experimentName", ""));
    }

    /** Session groups by name; one session per group. */
    private static Map<String, JsonNode> sessionGroups() {
        JsonNode answer = tensorBoard.post("/data/plugin/hparams/session_groups", Map.of(
            "experimentName", "",
            "allowedStatuses", List.of("STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"),
            "colParams", List.of(),
            "startIndex", 0,
            "sliceSize", 1000));
        Map<String, JsonNode> groups = new HashMap<>();
        answer.get("sessionGroups").forEach(group -> {
            assertThat(group.get("sessions")).hasSize(1);
            groups.put(group.get("name").asText(), group);
        });
        return groups;
    }

    private static Map<String, JsonNode> metrics(JsonNode group) {
        Map<String, JsonNode> metrics = new HashMap<>();
        group.get("metricValues").forEach(m -> metrics.put(m.get("name").get("tag").asText(), m));
        return metrics;
    }
}
