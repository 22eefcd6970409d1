package dev.tblog;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Value;
import dev.tblog.proto.DataType;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.hparams.SessionStartInfo;
import dev.tblog.proto.hparams.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * addParameters and addText, read back the way TensorBoard reads a log folder (format notes §3–4):
 * a run is a folder directly holding an event file, a session is a run holding
 * {@code _hparams_/session_start_info}, a metric's value is the last point of its scalar tag.
 * Expectations are written out here, never taken from the code under test.
 */
class ParametersTest {
    private static final String START = "_hparams_/session_start_info";
    private static final String END = "_hparams_/session_end_info";
    private static final String EXPERIMENT = "_hparams_/experiment";

    enum Solver { EULER, RK4 }

    @TempDir
    Path logdir;

    private Logger logger(String run) {
        return Logger.builder().logdir(logdir).experiment(run).set("shutdownHook.enabled", "false").build();
    }

    /** TensorBoard's runs: every folder under the log folder that directly holds an event file. */
    private Map<String, List<Event>> runs() {
        try (Stream<Path> dirs = Files.walk(logdir)) {
            Map<String, List<Event>> runs = new TreeMap<>();
            dirs.filter(Files::isDirectory).filter(d -> !TestEvents.eventFiles(d).isEmpty())
                .forEach(d -> runs.put(logdir.relativize(d).toString().replace('\\', '/'), TestEvents.read(d)));
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> subFolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Summary.Value only(List<Event> events, String tag) {
        List<Event> found = TestEvents.withTag(events, tag);
        assertThat(found).as(tag).hasSize(1);
        return found.get(0).getSummary().getValue(0);
    }

    private static HParamsPluginData hparams(Summary.Value v) {
        assertThat(v.getMetadata().getPluginData().getPluginName()).isEqualTo("hparams");
        try {
            return HParamsPluginData.parseFrom(v.getMetadata().getPluginData().getContent());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** The session of a run, or null when the run is none. */
    private static SessionStartInfo session(List<Event> events) {
        if (TestEvents.withTag(events, START).isEmpty()) {
            return null;
        }
        HParamsPluginData data = hparams(only(events, START));
        assertThat(data.getVersion()).isZero();
        assertThat(data.hasSessionStartInfo()).isTrue();
        return data.getSessionStartInfo();
    }

    /** What the HPARAMS tab shows as a session's metric: the last point of the tag in the run. */
    private static Event lastPoint(List<Event> events, String tag) {
        List<Event> points = TestEvents.withTag(events, tag);
        assertThat(points).as(tag).isNotEmpty();
        return points.get(points.size() - 1);
    }

    private static float value(Event e) {
        return e.getSummary().getValue(0).getSimpleValue();
    }

    private static List<Long> steps(List<Event> events, String tag) {
        return TestEvents.withTag(events, tag).stream().map(Event::getStep).collect(Collectors.toList());
    }

    @Test
    void shouldShowFiveSessionsWithTheUnionOfKeysAndNoExtraRunsForASweepOfFiveLoggers() {
        double[] lrs = {0.1, 0.03, 0.01, 0.003, 0.001};
        double[] finalAccuracy = {0.71, 0.83, 0.91, 0.88, 0.64};
        for (int r = 0; r < 5; r++) {
            try (Logger log = logger("lr-" + r)) {
                for (int step = 0; step < 100; step++) {
                    log.addScalar("accuracy", finalAccuracy[r] * step / 99.0, step);
                }
                for (int step = 0; step < 120; step++) {
                    log.addScalar("loss", 1.0 / (step + 1), step);
                }
                Map<String, Object> params = new HashMap<>();
                params.put("lr", lrs[r]);
                params.put("plastic", r % 2 == 0);
                params.put("solver", r < 3 ? Solver.EULER : Solver.RK4);
                params.put("layers", 3);
                if (r == 4) {
                    params.put("momentum", 0.9);
                }
                log.addParameters(params, Map.of("accuracy", finalAccuracy[r], "error", 1 - finalAccuracy[r]));
            }
        }

        Map<String, List<Event>> runs = runs();
        assertThat(runs.keySet()).as("no extra runs").containsExactly("lr-0", "lr-1", "lr-2", "lr-3", "lr-4");
        assertThat(subFolders(logdir)).containsExactlyInAnyOrder("lr-0", "lr-1", "lr-2", "lr-3", "lr-4");
        Set<String> unionOfKeys = new TreeSet<>();
        for (int r = 0; r < 5; r++) {
            String name = "lr-" + r;
            List<Event> events = runs.get(name);
            assertThat(subFolders(logdir.resolve(name))).as("sub-folders of " + name).isEmpty();
            assertThat(TestEvents.withTag(events, EXPERIMENT)).as("experiment tag in " + name).isEmpty();

            SessionStartInfo session = session(events);
            assertThat(session).as("session " + name).isNotNull();
            assertThat(session.getGroupName()).as("own row").isEmpty();
            Map<String, Value> hp = session.getHparamsMap();
            unionOfKeys.addAll(hp.keySet());
            assertThat(hp.get("lr")).isEqualTo(Value.newBuilder().setNumberValue(lrs[r]).build());
            assertThat(hp.get("plastic")).as("bool typed BOOL").isEqualTo(Value.newBuilder().setBoolValue(r % 2 == 0).build());
            assertThat(hp.get("solver")).isEqualTo(Value.newBuilder().setStringValue(r < 3 ? "EULER" : "RK4").build());
            assertThat(hp.get("layers")).isEqualTo(Value.newBuilder().setNumberValue(3).build());
            if (r == 4) {
                assertThat(hp.get("momentum")).isEqualTo(Value.newBuilder().setNumberValue(0.9).build());
            } else {
                assertThat(hp).doesNotContainKey("momentum");
            }
            assertThat(hparams(only(events, END)).getSessionEndInfo().getStatus()).isEqualTo(Status.STATUS_SUCCESS);

            // accuracy was logged at 0..99: the metric is one step later, the curve stays whole.
            assertThat(steps(events, "accuracy")).containsExactlyElementsOf(
                LongStream.rangeClosed(0, 100).boxed().collect(Collectors.toList()));
            Event accuracy = lastPoint(events, "accuracy");
            assertThat(value(accuracy)).isEqualTo((float) finalAccuracy[r]);
            // error is new: it lands at the run's highest step (loss went to 119).
            assertThat(steps(events, "error")).containsExactly(119L);
            assertThat(value(lastPoint(events, "error"))).isEqualTo((float) (1 - finalAccuracy[r]));
            assertThat(steps(events, "loss")).hasSize(120);
        }
        assertThat(unionOfKeys).containsExactly("layers", "lr", "momentum", "plastic", "solver");
    }

    @Test
    void shouldMakeSeveralCallsOnOneLoggerSessionsInTrialSubRuns() {
        try (Logger log = logger("search")) {
            for (int trial = 1; trial <= 3; trial++) {
                for (int i = 0; i < 10; i++) {
                    log.addScalar("loss", 1.0 / trial, (trial - 1) * 10L + i);
                }
                log.addParameters(Map.of("lr", 0.1 * trial), Map.of("best", trial));
            }
        }
        Map<String, List<Event>> runs = runs();
        assertThat(runs.keySet()).containsExactly("search", "search/trial-0002", "search/trial-0003");
        String[] names = {"search", "search/trial-0002", "search/trial-0003"};
        for (int trial = 1; trial <= 3; trial++) {
            List<Event> events = runs.get(names[trial - 1]);
            assertThat(session(events).getHparamsMap().get("lr"))
                .isEqualTo(Value.newBuilder().setNumberValue(0.1 * trial).build());
            assertThat(TestEvents.withTag(events, END)).hasSize(1);
            // Each trial's metric at the highest step of the logger's run when it was called.
            assertThat(steps(events, "best")).containsExactly(trial * 10L - 1);
            assertThat(value(lastPoint(events, "best"))).isEqualTo(trial);
        }
        assertThat(steps(runs.get("search"), "loss")).hasSize(30);
        assertThat(TestEvents.withTag(runs.get("search/trial-0002"), "loss")).as("training stays in the run").isEmpty();
    }

    @Test
    void shouldPutTheSessionAndMetricsOfARunWithoutHistoryAtStepZero() {
        try (Logger log = logger("run")) {
            log.addParameters(Map.of("lr", 0.1), Map.of("accuracy", 0.5));
        }
        List<Event> events = runs().get("run");
        assertThat(TestEvents.withTag(events, START)).extracting(Event::getStep).containsExactly(0L);
        assertThat(TestEvents.withTag(events, END)).extracting(Event::getStep).containsExactly(0L);
        assertThat(steps(events, "accuracy")).containsExactly(0L);
        Summary.Value start = only(events, START);
        assertThat(start.getTensor()).as("TensorBoard's null tensor").isEqualTo(TensorProto.newBuilder()
            .setDtype(DataType.DT_FLOAT)
            .setTensorShape(dev.tblog.proto.TensorShapeProto.newBuilder()
                .addDim(dev.tblog.proto.TensorShapeProto.Dim.newBuilder().setSize(0)))
            .build());
    }

    @Test
    void shouldFailOnBadParametersNamingKeyAndTypeAndPublishNothing() {
        try (Logger log = logger("run")) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("lr", 0.1);
            params.put("callback", new Object());
            assertThatThrownBy(() -> log.addParameters(params, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callback").hasMessageContaining("java.lang.Object");
            assertThatThrownBy(() -> log.addParameters(null, Map.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> log.addParameters(Map.of(), null)).isInstanceOf(IllegalArgumentException.class);
            Map<String, Double> nullMetric = new HashMap<>();
            nullMetric.put("accuracy", null);
            assertThatThrownBy(() -> log.addParameters(Map.of(), nullMetric))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accuracy");
            assertThatThrownBy(() -> log.addParameters(Map.of("lr", Double.NaN), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lr");
            assertThat(log.stats().published()).isZero();

            // A null value leaves the key out; failed calls did not use up the run's own session.
            Map<String, Object> withNull = new HashMap<>();
            withNull.put("lr", 0.2);
            withNull.put("seed", null);
            log.addParameters(withNull, Map.of());
        }
        assertThat(runs().keySet()).containsExactly("run");
        assertThat(session(runs().get("run")).getHparamsMap()).containsOnlyKeys("lr");
    }

    @Test
    void shouldThrowIllegalStateForAddParametersAfterClose() {
        Logger log = logger("run");
        log.close();
        assertThatThrownBy(() -> log.addParameters(Map.of("lr", 0.1), Map.of()))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> log.addText("Notes", "x", 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldWriteTextAsAStringTensorOfTheTextPluginUnderTagSlashTextSummary() {
        String markdown = "# Run notes\n\n| key | value |\n|---|---|\n| solver | *Euler* |\n\nµ = 0.5 ✓";
        try (Logger log = logger("run")) {
            log.addText("Notes", markdown, 7);
            log.addText("Notes", "second", 8);
        }
        List<Event> texts = TestEvents.withTag(runs().get("run"), "Notes/text_summary");
        assertThat(texts).extracting(Event::getStep).containsExactly(7L, 8L);
        Summary.Value first = texts.get(0).getSummary().getValue(0);
        assertThat(first.getMetadata().getPluginData().getPluginName()).isEqualTo("text");
        assertThat(first.getMetadata().getPluginData().getContent().isEmpty()).isTrue();
        TensorProto tensor = first.getTensor();
        assertThat(tensor.getDtype()).isEqualTo(DataType.DT_STRING);
        assertThat(tensor.getTensorShape().getDimList()).extracting(d -> d.getSize()).containsExactly(1L);
        assertThat(tensor.getStringValList()).hasSize(1);
        assertThat(tensor.getStringVal(0).toByteArray()).isEqualTo(markdown.getBytes(StandardCharsets.UTF_8));
        Summary.Value second = texts.get(1).getSummary().getValue(0);
        assertThat(second.hasMetadata()).as("metadata with the first value only").isFalse();
        assertThat(second.getTensor().getStringVal(0).toStringUtf8()).isEqualTo("second");
    }

    @Test
    void shouldCountTextStepsPerTagWithoutAStep() {
        try (Logger log = logger("run")) {
            log.addText("Notes", "a");
            log.addText("Notes", "b");
            log.addText("Other", "c");
            log.addScalar("Notes", 1);
        }
        List<Event> events = runs().get("run");
        assertThat(steps(events, "Notes/text_summary")).containsExactly(0L, 1L);
        assertThat(steps(events, "Other/text_summary")).containsExactly(0L);
        assertThat(steps(events, "Notes")).as("the scalar tag has its own counter").containsExactly(0L);
    }

    @Test
    void shouldFailOnBadTextAtTheCallSiteAndPublishNothing() {
        try (Logger log = logger("run")) {
            for (String tag : new String[] {"", " ", "../x", "/abs", "a//b"}) {
                assertThatThrownBy(() -> log.addText(tag, "x", 0)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> log.addText(tag, "x")).isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> log.addText(null, "x", 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> log.addText("Notes", null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Notes");
            assertThatThrownBy(() -> log.addText("Notes", null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(log.stats().published()).isZero();
            log.addText("Notes", "ok");
        }
        assertThat(steps(runs().get("run"), "Notes/text_summary")).as("failed calls used no step").containsExactly(0L);
    }
}
