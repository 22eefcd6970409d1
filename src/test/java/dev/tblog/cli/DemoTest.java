package dev.tblog.cli;

import dev.tblog.SimpleLeakDetection;
import dev.tblog.read.LogInspector;
import dev.tblog.read.RunReport;
import dev.tblog.read.TagSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job: the demo's log folder is sound and every run of the sweep fills every tab. */
@ExtendWith(SimpleLeakDetection.class)
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void shouldGiveEveryRunOfTheSweepEveryKindAndItsOwnSession() throws Exception {
        Path logdir = dir.resolve("runs");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.standard().run(List.of("demo", "--logdir", logdir.toString(), "--runs", "3",
            "--trials", "25", "--seed", "7"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("events/s", "run 3/3", "tensorboard --logdir " + logdir);

        List<RunReport> runs = LogInspector.inspect(logdir);
        assertThat(LogInspector.sound(runs)).isTrue();
        List<RunReport> sessions = runs.stream()
            .filter(r -> r.tags().containsKey("_hparams_/session_start_info")).collect(Collectors.toList());
        assertThat(sessions).hasSize(3);
        assertThat(sessions).extracting(r -> r.name().replaceAll(".*/", ""))
            .containsExactlyInAnyOrder("lr-0.05", "lr-0.2", "lr-0.01");
        for (RunReport run : sessions) {
            Set<String> kinds = run.tags().values().stream().map(TagSummary::kind).collect(Collectors.toSet());
            assertThat(kinds).as("kinds in %s", run.name()).contains("scalar", "image", "histogram", "text", "hparams");
            assertThat(run.tags()).containsKeys("Accuracy", "Population/Firing rate", "Projection/Receptive fields",
                "Weight distribution", "Activity", "Notes/text_summary", "accuracy");
            assertThat(run.tags().get("Projection/Receptive fields").detail()).startsWith("30x5");
            assertThat(run.tags().get("Accuracy").count()).isEqualTo(25);
            assertThat(run.tags().get("_hparams_/session_start_info").detail()).contains("learning_rate=");
        }
        // addScalars: the train/test sub-runs of each run.
        assertThat(runs).extracting(RunReport::name).filteredOn(n -> n.endsWith("Accuracy_Split_train")).hasSize(3);
    }
}
