package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.Json.longs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CUSTOM SCALARS as TensorBoard serves what tblog wrote: the layout lists every category and chart
 * (multiline regexes, margin series), the layouts of two runs merged by category title, a run's
 * later layout replacing its first; and each regex selects tags as the dashboard does, with
 * Python's {@code re.match}: from the start of the tag.
 */
class CustomScalarsDashboardTest {
    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(CustomScalarsDashboardTest::write);

    private static void write(Path logdir) {
        for (String run : new String[] {"lr-0.1", "lr-0.01"}) {
            try (Logger log = LogCalls.logger(logdir, run)) {
                for (int step = 0; step < 4; step++) {
                    LogCalls.scalar(log, "loss", 1.0 / (step + 1), step);
                    LogCalls.scalar(log, "train/loss", 1.2 / (step + 1), step);
                    LogCalls.scalar(log, "Accuracy/train", 0.5 + step * 0.1, step);
                    LogCalls.scalar(log, "Accuracy/test", 0.45 + step * 0.1, step);
                    LogCalls.scalar(log, "error", 0.3, step);
                    LogCalls.scalar(log, "error/low", 0.2, step);
                    LogCalls.scalar(log, "error/high", 0.4, step);
                }
                if (run.equals("lr-0.1")) {
                    LogCalls.customScalars(log, Map.of("Old", List.<String[]>of(new String[] {"multiline", "old", "loss"})));
                }
                // One layout per run: the same "Learning" category in both, "Runs" only in lr-0.01.
                Map<String, List<String[]>> layout = new LinkedHashMap<>();
                layout.put("Learning", List.of(new String[] {"multiline", "Losses", "loss", ".*loss"},
                    new String[] {"margin", "Error band", "error", "error/low", "error/high"}));
                if (run.equals("lr-0.01")) {
                    layout.put("Runs", List.<String[]>of(new String[] {"multiline", "Accuracy", "Accuracy/"}));
                }
                LogCalls.customScalars(log, layout);
            }
        }
    }

    @Test
    void shouldListTheChartsOfTheLayoutsMergedByCategory() {
        JsonNode layout = tensorBoard.get("/data/plugin/custom_scalars/layout");
        JsonNode categories = layout.get("category");
        assertThat(categories).extracting(c -> c.get("title").asText()).containsExactly("Learning", "Runs");
        JsonNode learning = categories.get(0).get("chart");
        assertThat(learning).extracting(c -> c.get("title").asText()).containsExactly("Losses", "Error band");
        assertThat(learning.get(0).get("multiline").get("tag")).extracting(JsonNode::asText)
            .containsExactly("loss", ".*loss");
        JsonNode series = learning.get(1).get("margin").get("series").get(0);
        assertThat(fieldNames(series)).containsExactlyInAnyOrder("value", "lower", "upper");
        assertThat(series.get("value").asText()).isEqualTo("error");
        assertThat(series.get("lower").asText()).isEqualTo("error/low");
        assertThat(series.get("upper").asText()).isEqualTo("error/high");
        assertThat(categories.get(1).get("chart").get(0).get("multiline").get("tag").get(0).asText())
            .isEqualTo("Accuracy/");
    }

    @Test
    void shouldMatchTagRegexesFromTheStartOfTheTagAsTheDashboardDoes() {
        assertThat(matched("lr-0.1", "loss")).containsExactly("loss");
        assertThat(matched("lr-0.1", ".*loss")).containsExactlyInAnyOrder("loss", "train/loss");
        assertThat(matched("lr-0.01", "Accuracy/")).containsExactlyInAnyOrder("Accuracy/train", "Accuracy/test");
        assertThat(matched("lr-0.01", "error")).containsExactlyInAnyOrder("error", "error/low", "error/high");
        JsonNode points = tensorBoard.get("/data/plugin/custom_scalars/scalars", "run", "lr-0.1", "tag", ".*loss")
            .get("tag_to_events").get("train/loss");
        assertThat(longs(points, 1)).containsExactly(0L, 1L, 2L, 3L);
    }

    private static List<String> matched(String run, String regex) {
        JsonNode answer = tensorBoard.get("/data/plugin/custom_scalars/scalars", "run", run, "tag", regex);
        assertThat(answer.get("regex_valid").asBoolean()).isTrue();
        return fieldNames(answer.get("tag_to_events"));
    }
}
