package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A declared sweep seen from the caller: the builder's input rules, the folder's one declaration,
 * and addParameters checked against the sweep declared in this process (nothing published when it
 * is refused). The files themselves are checked in {@code ExperimentFileTest}, and through
 * TensorBoard in {@code SweepDashboardTest}.
 */
class SweepTest {
    enum Solver { EULER, RK4 }

    enum Empty { }

    private static final String START = "_hparams_/session_start_info";

    @TempDir
    Path root;

    private static Sweep declare(Path logdir) {
        return Sweep.in(logdir)
            .hparam("learning_rate", Domain.interval(1e-4, 1.0), "Learning rate", "Step size of the Hebbian rule")
            .hparam("solver", Domain.discrete(Solver.class))
            .hparam("batch", Domain.discrete(16, 32, 64), "Batch")
            .hparam("optimizer", Domain.discrete("adam", "sgd"))
            .hparam("plastic", Domain.bool())
            .metric("accuracy", "Accuracy (test)")
            .metric("loss")
            .declare();
    }

    private static Logger logger(Path logdir, String run) {
        return Logger.builder().logdir(logdir).experiment(run).set("shutdownHook.enabled", "false").build();
    }

    private static Map<String, Object> good() {
        Map<String, Object> params = new HashMap<>();
        params.put("learning_rate", 0.01);
        params.put("solver", Solver.RK4);
        params.put("batch", 32);
        params.put("optimizer", "adam");
        params.put("plastic", true);
        return params;
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> params = good();
        params.put(key, value);
        return params;
    }

    @Test
    void shouldCreateTheFolderAndTellWhatItDeclared() {
        Path logdir = root.resolve("sweep-1");
        Sweep sweep = declare(logdir);
        assertThat(sweep.logdir()).isEqualTo(logdir);
        assertThat(sweep.hparams()).containsExactly("batch", "learning_rate", "optimizer", "plastic", "solver");
        assertThat(sweep.metrics()).containsExactly("accuracy", "loss");
        assertThat(sweep.toString()).contains("sweep-1", "learning_rate", "accuracy");
        assertThat(logdir.resolve("events.out.tfevents.0000000000.sweep")).isRegularFile();
        assertThat(declare(logdir).hparams()).as("declared again: the same").isEqualTo(sweep.hparams());
    }

    @Test
    void shouldGiveTheSweepFileThePermissionsOfAnEventFile() throws Exception {
        Path logdir = root.resolve("sweep-1");
        declare(logdir);
        Path eventFile;
        try (Logger log = logger(logdir, "run")) {
            try (Stream<Path> files = Files.list(log.runDir())) {
                eventFile = files.findFirst().orElseThrow();
            }
        }
        Assumptions.assumeTrue(logdir.getFileSystem().supportedFileAttributeViews().contains("posix"),
            "POSIX permissions");
        // Readable by whoever may read the runs (a TensorBoard of another user), not private to its writer.
        assertThat(Files.getPosixFilePermissions(logdir.resolve("events.out.tfevents.0000000000.sweep")))
            .isEqualTo(Files.getPosixFilePermissions(eventFile));
    }

    @Test
    void shouldRefuseADifferentSweepInTheSameFolder() {
        Path logdir = root.resolve("sweep-1");
        declare(logdir);
        assertThatThrownBy(() -> Sweep.in(logdir).hparam("learning_rate", Domain.interval(0, 1)).metric("accuracy").declare())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("hparam 'learning_rate': FLOAT64 interval [0.0, 1.0] here, FLOAT64 interval [1.0E-4, 1.0] in the folder")
            .hasMessageContaining("hparam 'solver' only in the folder");
    }

    static Stream<Arguments> refusedCalls() {
        return Stream.of(
            refused("number above the interval", "'learning_rate' = 2.0 is outside its declared domain interval [1.0E-4, 1.0]",
                l -> l.addParameters(with("learning_rate", 2.0), Map.of())),
            refused("string for a number", "'learning_rate' = \"0.01\" is outside",
                l -> l.addParameters(with("learning_rate", "0.01"), Map.of())),
            refused("enum name not in the enum", "'solver' = \"RK45\" is outside its declared domain discrete {\"EULER\", \"RK4\"}",
                l -> l.addParameters(with("solver", "RK45"), Map.of())),
            refused("another enum's constant", "'solver' = \"EMPTY_LIKE\"",
                l -> l.addParameters(with("solver", Other.EMPTY_LIKE), Map.of())),
            refused("number not listed", "'batch' = 24.0 is outside its declared domain discrete {16.0, 32.0, 64.0}",
                l -> l.addParameters(with("batch", 24), Map.of())),
            refused("string not listed", "'optimizer' = \"rmsprop\"",
                l -> l.addParameters(with("optimizer", "rmsprop"), Map.of())),
            refused("number for a boolean", "'plastic' = 1.0 is outside its declared domain discrete {false, true}",
                l -> l.addParameters(with("plastic", 1), Map.of())),
            refused("undeclared parameter", "hparam 'momentum' is not declared",
                l -> l.addParameters(with("momentum", 0.9), Map.of())),
            refused("undeclared metric", "metric 'error' is not declared",
                l -> l.addParameters(good(), Map.of("accuracy", 0.9, "error", 0.1)))
        );
    }

    enum Other { EMPTY_LIKE }

    private static Arguments refused(String name, String message, Consumer<Logger> call) {
        return Arguments.of(Named.of(name, call), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCalls")
    void shouldRefuseACallOutsideTheDeclaredSweepAndPublishNothing(Consumer<Logger> call, String message) {
        Path logdir = root.resolve("sweep");
        declare(logdir);
        Logger log = logger(logdir, "run");
        assertThatThrownBy(() -> call.accept(log)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(message).hasMessageContaining(logdir.getFileName().toString());
        log.addParameters(good(), Map.of("accuracy", 0.9)); // the logger keeps working: this is the first session
        log.close();
        assertThat(log.stats().published()).isEqualTo(1);
        List<Event> starts = TestEvents.withTag(TestEvents.read(log.runDir()), START);
        assertThat(starts).hasSize(1);
        assertThat(log.runDir().resolve("trial-0002")).doesNotExist();
    }

    @Test
    void shouldAcceptEveryDeclaredKindOfValueAndARunLeavingDeclaredKeysOut() {
        Path logdir = root.resolve("sweep");
        declare(logdir);
        try (Logger log = logger(logdir, "run")) {
            assertThatCode(() -> {
                log.addParameters(good(), Map.of("accuracy", 0.9, "loss", 0.1));
                log.addParameters(Map.of("learning_rate", 1e-4, "solver", "EULER", "batch", 64L, "optimizer", "sgd",
                    "plastic", false), Map.of());
                log.addParameters(Map.of("learning_rate", 1), Map.of("accuracy", 0.5));
            }).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldCheckRunsAtAnyDepthAndLoggersMadeBeforeTheDeclaration() throws Exception {
        Path logdir = root.resolve("sweep");
        Files.createDirectories(logdir);
        Files.createDirectories(root.resolve("other"));
        try (Logger early = logger(logdir.resolve("group/inner"), "run");
             Logger aliased = logger(root.resolve("other/../sweep"), "aliased")) {
            early.addParameters(Map.of("momentum", 0.9), Map.of()); // no sweep yet: anything goes
            declare(logdir);
            assertThatThrownBy(() -> early.addParameters(with("learning_rate", -1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning_rate");
            assertThatThrownBy(() -> aliased.addParameters(with("learning_rate", -1), Map.of()))
                .as("the same folder reached through '..'").isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldNotCheckRunsOutsideTheSweepFolder() {
        declare(root.resolve("sweep"));
        try (Logger outside = logger(root.resolve("sweep-2"), "run")) {
            assertThatCode(() -> outside.addParameters(Map.of("learning_rate", 5.0, "momentum", 0.9), Map.of("error", 1)))
                .doesNotThrowAnyException();
        }
    }

    @Test
    void shouldRejectBadDeclarationsAtTheCallNamingTheBadPart() {
        Map<String, Runnable> bad = new HashMap<>();
        bad.put("log folder of a sweep must not be null", () -> Sweep.in((Path) null));
        bad.put("domain of hparam 'lr' must not be null", () -> Sweep.in(root).hparam("lr", null));
        bad.put("hparam 'lr' is declared twice",
            () -> Sweep.in(root).hparam("lr", Domain.bool()).hparam("lr", Domain.bool()));
        bad.put("display name of 'lr' must not be null", () -> Sweep.in(root).hparam("lr", Domain.bool(), null));
        bad.put("metric 'm' is declared twice", () -> Sweep.in(root).metric("m").metric("m"));
        bad.put("metric name must not be null", () -> Sweep.in(root).metric(null));
        bad.put("at least one hparam", () -> Sweep.in(root).metric("m").declare());
        bad.put("[1.0, 0.0]", () -> Domain.interval(1, 0));
        bad.put("\"adam\" twice", () -> Domain.discrete("adam", "sgd", "adam"));
        bad.put("at least one value, got null", () -> Domain.discrete((String[]) null));
        bad.put("NaN", () -> Domain.discrete(1, Double.NaN));
        bad.put("enum type of a discrete domain must not be null", () -> Domain.discrete((Class<Solver>) null));
        bad.put("has no constants", () -> Domain.discrete(Empty.class));
        bad.forEach((message, call) -> assertThatThrownBy(call::run).as(message)
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
        assertThatThrownBy(() -> Sweep.in((java.net.URI) null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("log folder of a sweep must not be null");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void shouldShowDomainsAsTheirValuesAndCompareThemByValue() {
        assertThat(Domain.discrete(Solver.class)).hasToString("discrete {\"EULER\", \"RK4\"}")
            .isEqualTo(Domain.discrete("EULER", "RK4")).hasSameHashCodeAs(Domain.discrete("EULER", "RK4"));
        assertThat(Domain.interval(0, 1)).hasToString("interval [0.0, 1.0]").isNotEqualTo(Domain.interval(0, 2));
        assertThat(Domain.discrete(1, 2)).hasToString("discrete {1.0, 2.0}");
        assertThat(Domain.bool()).hasToString("discrete {false, true}");
    }
}
