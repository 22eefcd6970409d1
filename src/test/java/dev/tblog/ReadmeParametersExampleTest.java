package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the README sections "Logging parameters" and "Logging text", kept compiling and running. */
class ReadmeParametersExampleTest {
    enum Solver { EULER, RK4 }

    @TempDir
    Path runs;

    private static double accuracy(long step) {
        return step / 1000.0;
    }

    @Test
    void shouldRunTheReadmeExamples() {
        try (Logger log = Logger.builder().logdir(runs).experiment("lr-0.01").set("shutdownHook.enabled", "false").build()) {
            for (long step = 0; step < 1000; step++) {
                log.addScalar("accuracy", accuracy(step), step);
            }
            log.addParameters(
                Map.of("learning_rate", 0.01,
                       "tau", 10,
                       "plastic", true,
                       "solver", Solver.EULER,
                       "note", "baseline"),
                Map.of("accuracy", 0.91, "error", 0.09));
            log.addText("Notes", """
                ### Run lr-0.01
                | parameter | value |
                |---|---|
                | solver | `EULER` |
                | plastic | true |

                Diverged once at step 412, *recovered* after a restart.
                """);
            log.addText("Notes", "Final accuracy: **0.91**");
        }
        List<Event> events = TestEvents.read(runs.resolve("lr-0.01"));
        List<Event> accuracy = TestEvents.withTag(events, "accuracy");
        assertThat(accuracy).hasSize(1001);
        assertThat(accuracy.get(1000).getStep()).isEqualTo(1000L);
        assertThat(accuracy.get(1000).getSummary().getValue(0).getSimpleValue()).isEqualTo(0.91f);
        assertThat(TestEvents.withTag(events, "Notes/text_summary")).extracting(Event::getStep).containsExactly(0L, 1L);
    }
}
