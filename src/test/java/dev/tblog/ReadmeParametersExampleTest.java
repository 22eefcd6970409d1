package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The examples of the README sections "Logging parameters" (both modes: without a declaration and
 * with a declared sweep) and "Logging text", kept compiling and running.
 */
class ReadmeParametersExampleTest {
    enum Solver { EULER, RK4 }

    @TempDir
    Path runs;

    private static double accuracy(long step) {
        return step / 1000.0;
    }

    private static double loss(long step) {
        return 1.0 / (1 + step);
    }

    private static Logger logger(Path logdir, String run) {
        return Logger.builder().logdir(logdir).experiment(run).set("shutdownHook.enabled", "false").build();
    }

    @Test
    void shouldRunTheReadmeSweepExample() throws Exception {
        Path sweep = runs.resolve("sweep-1");
        Sweep.in(sweep)                               // once per sweep, in each process that logs its runs
            .hparam("learning_rate", Domain.interval(1e-4, 1.0), "Learning rate", "Step size of the rule")
            .hparam("tau", Domain.discrete(10, 20, 50), "Time constant (ms)")
            .hparam("plastic", Domain.bool())
            .hparam("solver", Domain.discrete(Solver.class))
            .metric("accuracy", "Accuracy (test)", "Share of test samples recognized")
            .metric("error")
            .declare();

        for (double rate : new double[] {0.01, 0.1}) {   // one logger per run, in this process or others
            try (Logger log = logger(sweep, "lr-" + rate)) {
                for (long step = 0; step < 1000; step++) {
                    log.addScalar("accuracy", accuracy(step), step);
                    log.addScalar("loss", loss(step), step);             // a training curve, not a column
                }
                log.addParameters(
                    Map.of("learning_rate", rate, "tau", 10, "plastic", true, "solver", Solver.EULER),
                    Map.of("accuracy", 0.91, "error", 0.09));
            }
        }

        List<Event> root = TestEvents.read(sweep);
        assertThat(TestEvents.withTag(root, "_hparams_/experiment")).hasSize(1);
        assertThat(TestEvents.withTag(TestEvents.read(sweep.resolve("lr-0.1")), "_hparams_/session_start_info")).hasSize(1);
        // What the README says a declared sweep refuses: a key it does not declare, a value outside a domain.
        try (Logger log = logger(sweep, "lr-2.0")) {
            assertThatThrownBy(() -> log.addParameters(Map.of("note", "baseline"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'note' is not declared");
            assertThatThrownBy(() -> log.addParameters(Map.of("learning_rate", 2.0), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hparam 'learning_rate' = 2.0 is outside its declared domain interval [1.0E-4, 1.0] (sweep of ")
                .hasMessageContaining("sweep-1");
        }
        assertThatThrownBy(() -> Sweep.in(sweep).hparam("learning_rate", Domain.interval(1e-3, 1.0)).declare())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("hparam 'learning_rate': FLOAT64 interval [0.001, 1.0] here, FLOAT64 interval [1.0E-4, 1.0] in the folder");
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
