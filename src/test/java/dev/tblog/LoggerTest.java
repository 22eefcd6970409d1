package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.record.RunNames;
import dev.tblog.ring.FullRingWaiters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoggerTest {
    @TempDir
    Path logdir;

    private Logger logger(String experiment) {
        return Logger.builder().logdir(logdir).experiment(experiment).set("shutdownHook.enabled", "false").build();
    }

    @Test
    void shouldWriteScalarsThatTheGeneratedClassesDecode() {
        try (Logger log = logger("run")) {
            log.addScalar("Accuracy", 0.5, 0);
            log.addScalar("Accuracy", 0.75, 1);
            log.addScalar("Loss/train", 2.5, 1);
        }
        List<Event> events = TestEvents.read(logdir.resolve("run"));
        assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
        assertThat(events.get(0).getSourceMetadata().getWriter()).isEqualTo("tblog");
        List<Event> accuracy = TestEvents.withTag(events, "Accuracy");
        assertThat(accuracy).extracting(Event::getStep).containsExactly(0L, 1L);
        assertThat(accuracy).extracting(e -> e.getSummary().getValue(0).getSimpleValue()).containsExactly(0.5f, 0.75f);
        assertThat(TestEvents.withTag(events, "Loss/train")).hasSize(1);
        double now = System.currentTimeMillis() / 1000.0;
        assertThat(accuracy.get(0).getWallTime()).isBetween(now - 60, now);
    }

    @Test
    void shouldNeverCarryAWallTimeAcrossAPause() throws Exception {
        // The consumer keeps a cached clock fresh for producers while it takes scalars (ScalarClock)
        // and marks it stale whenever it may stop; a time from before a pause must never be used
        // after it. (A consumer descheduled mid-batch can leave a time a scheduler slice old.)
        int bursts = 3;
        int perBurst = 20_000;
        long pauseMillis = 250;
        long[] before = new long[bursts];
        long[] after = new long[bursts];
        try (Logger log = logger("run")) {
            for (int b = 0; b < bursts; b++) {
                before[b] = System.currentTimeMillis();
                for (int i = 0; i < perBurst; i++) {
                    log.addScalar("x", i, (long) b * perBurst + i);
                }
                after[b] = System.currentTimeMillis();
                Thread.sleep(pauseMillis);
            }
        }
        List<Event> x = TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "x");
        assertThat(x).hasSize(bursts * perBurst);
        for (Event e : x) {
            int b = (int) (e.getStep() / perBurst);
            long millis = Math.round(e.getWallTime() * 1000);
            assertThat(millis).as("wall time of step %d", e.getStep())
                .isBetween(before[b] - pauseMillis / 4, after[b] + 2);
        }
    }

    @Test
    void shouldKeepAThreadsProgramOrderAcrossScalarsAndOtherKinds() {
        try (Logger log = logger("run")) {
            for (int step = 0; step < 5; step++) {
                log.addScalar("before", step, step);
                log.addText("note", "step " + step, step);
                log.addScalar("after", step, step);
            }
        }
        List<String> order = TestEvents.read(logdir.resolve("run")).stream().filter(Event::hasSummary)
            .map(e -> e.getSummary().getValue(0).getTag() + "@" + e.getStep()).collect(Collectors.toList());
        List<String> expected = new java.util.ArrayList<>();
        for (int step = 0; step < 5; step++) {
            expected.add("before@" + step);
            expected.add("note/text_summary@" + step);
            expected.add("after@" + step);
        }
        assertThat(order).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldBringDataToTheFileWithoutFlush() throws Exception {
        try (Logger log = logger("run")) {
            log.addScalar("x", 1, 7);
            long deadline = System.nanoTime() + 5_000_000_000L;
            List<Event> found = List.of();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
                found = TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "x");
            }
            assertThat(found).extracting(Event::getStep).containsExactly(7L);
        }
    }

    @Test
    void shouldMakeFlushABarrier() {
        try (Logger log = logger("run")) {
            for (int i = 0; i < 10_000; i++) {
                log.addScalar("x", i, i);
            }
            log.flush();
            assertThat(TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "x")).hasSize(10_000);
            assertThat(log.stats().written()).isEqualTo(10_000);
        }
    }

    @Test
    void shouldWriteOneSubRunPerAddScalarsKeyWithTheMainTagInside() {
        try (Logger log = logger("run")) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("train", 1.0);
            values.put("test", 1.2);
            log.addScalars("Loss/total", values, 3);
        }
        Path run = logdir.resolve("run");
        assertThat(subFolders(run)).containsExactlyInAnyOrder("Loss_total_train", "Loss_total_test");
        List<Event> train = TestEvents.withTag(TestEvents.read(run.resolve("Loss_total_train")), "Loss/total");
        assertThat(train).extracting(e -> e.getSummary().getValue(0).getSimpleValue()).containsExactly(1.0f);
        assertThat(train).extracting(Event::getStep).containsExactly(3L);
        assertThat(TestEvents.withTag(TestEvents.read(run.resolve("Loss_total_test")), "Loss/total"))
            .extracting(e -> e.getSummary().getValue(0).getSimpleValue()).containsExactly(1.2f);
    }

    @Test
    void shouldCountStepsPerTagWithoutAStep() {
        try (Logger log = logger("run")) {
            log.addScalar("a", 1);
            log.addScalar("a", 2);
            log.addScalar("b", 3);
            log.addScalar("a", 4);
            log.addScalars("c", Map.of("k", 1));
            log.addScalars("c", Map.of("k", 2));
        }
        List<Event> events = TestEvents.read(logdir.resolve("run"));
        assertThat(TestEvents.withTag(events, "a")).extracting(Event::getStep).containsExactly(0L, 1L, 2L);
        assertThat(TestEvents.withTag(events, "b")).extracting(Event::getStep).containsExactly(0L);
        assertThat(TestEvents.withTag(TestEvents.read(logdir.resolve("run").resolve("c_k")), "c"))
            .extracting(Event::getStep).containsExactly(0L, 1L);
    }

    /**
     * TensorBoard keeps one kind per tag and run (the second vanishes, the scalar chart answers 500):
     * the second kind is refused at the call, naming the tag and the kind it has, and nothing is
     * published; the first kind keeps working.
     */
    @Test
    void shouldRefuseATagsSecondKindAtTheCallNamingTheTagAndTheKindItHas() {
        try (Logger log = logger("run")) {
            log.addScalar("rate", 0.5, 0);
            log.addHistogram("weights", new double[] {1, 2}, 0);
            log.addImage("map", Image.gray(new float[] {0.5f}, 1, 1), 0);
            log.addText("notes", "hello", 0);
            long published = log.stats().published();
            assertThatThrownBy(() -> log.addHistogram("rate", new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rate'").hasMessageContaining("scalar");
            assertThatThrownBy(() -> log.addImage("rate", Image.gray(new float[] {0.5f}, 1, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rate'").hasMessageContaining("scalar");
            assertThatThrownBy(() -> log.addScalar("weights", 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'weights'").hasMessageContaining("histogram");
            assertThatThrownBy(() -> log.addScalar("map", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'map'").hasMessageContaining("image");
            assertThatThrownBy(() -> log.addFigure("weights", Figure.drawn(2, 2, g -> { }), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("histogram");
            assertThatThrownBy(() -> log.addScalar("notes/text_summary", 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
            // the scalar a histogram writes for its NaN and infinite values
            assertThatThrownBy(() -> log.addImage("weights/nonfinite", Image.gray(new float[] {0.5f}, 1, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scalar");
            // a metric is a scalar of the run
            assertThatThrownBy(() -> log.addParameters(Map.of("lr", 0.1), Map.of("map", 0.9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'map'").hasMessageContaining("image");
            assertThat(log.stats().published()).as("nothing published by a refused call").isEqualTo(published);
            log.addScalar("rate", 0.75, 1);
            log.addImages("map", Images.gray(new float[] {0.5f, 0.25f}, 2, 1, 1), 1);
            log.addScalar("weights/nonfinite/other", 1, 1);
            log.addParameters(Map.of("lr", 0.1), Map.of("rate", 0.9));
        }
        List<Event> events = TestEvents.read(logdir.resolve("run"));
        assertThat(TestEvents.withTag(events, "rate")).extracting(Event::getStep).containsExactly(0L, 1L, 2L);
        assertThat(TestEvents.withTag(events, "weights")).hasSize(1);
        assertThat(TestEvents.withTag(events, "map")).hasSize(2);
    }

    /** The README's promise: addScalar and addScalars on one main tag each count 0, 1, 2 (they share a chart). */
    @Test
    void shouldCountAddScalarAndAddScalarsAutomaticStepsApartOnOneTag() {
        try (Logger log = logger("run")) {
            for (int i = 0; i < 3; i++) {
                log.addScalar("Loss", i);
                log.addScalars("Loss", Map.of("train", i));
            }
        }
        Path run = logdir.resolve("run");
        assertThat(TestEvents.withTag(TestEvents.read(run), "Loss")).extracting(Event::getStep)
            .containsExactly(0L, 1L, 2L);
        assertThat(TestEvents.withTag(TestEvents.read(run.resolve("Loss_train")), "Loss")).extracting(Event::getStep)
            .containsExactly(0L, 1L, 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "../x", "a/../b", "/abs", "a\\b", "a/./b", "..", "tab\there", "a/"})
    void shouldFailOnBadTagsAtTheCallSiteNamingTheValueAndPublishNothing(String tag) {
        try (Logger log = logger("run")) {
            assertThatThrownBy(() -> log.addScalar(tag, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag");
            assertThatThrownBy(() -> log.addScalars(tag, Map.of("k", 1), 1))
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(log.stats().published()).isZero();
        }
    }

    @Test
    void shouldFailOnANullTag() {
        try (Logger log = logger("run")) {
            assertThatThrownBy(() -> log.addScalar(null, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "..", ".", "a\\b", ""})
    void shouldFailOnBadAddScalarsKeysNamingTheKeyAndPublishNothing(String key) {
        try (Logger log = logger("run")) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("good", 1.0);
            values.put(key, 2.0);
            assertThatThrownBy(() -> log.addScalars("Loss", values, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + key + "'");
            assertThat(log.stats().published()).isZero();
        }
        assertThat(subFolders(logdir.resolve("run"))).isEmpty();
        assertThat(subFolders(logdir)).containsExactly("run");
    }

    @Test
    void shouldFailOnANullMapOrValue() {
        try (Logger log = logger("run")) {
            assertThatThrownBy(() -> log.addScalars("Loss", null, 1)).isInstanceOf(IllegalArgumentException.class);
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("train", null);
            assertThatThrownBy(() -> log.addScalars("Loss", values, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train");
        }
    }

    @Test
    void shouldThrowIllegalStateForCallsAfterCloseAndReturnFromFlushAndClose() {
        Logger log = logger("run");
        log.addScalar("x", 1, 1);
        log.close();
        assertThatThrownBy(() -> log.addScalar("x", 2, 2)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("closed");
        assertThatThrownBy(() -> log.addScalars("x", Map.of("k", 1), 2)).isInstanceOf(IllegalStateException.class);
        log.flush();
        log.close();
        assertThat(TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "x")).hasSize(1);
        assertThat(log.stats().written()).isEqualTo(1);
    }

    @Test
    void shouldWriteNonFiniteScalarsAsTheyAre() {
        try (Logger log = logger("run")) {
            log.addScalar("x", Double.NaN, 0);
            log.addScalar("x", Double.POSITIVE_INFINITY, 1);
            log.addScalar("x", Double.NEGATIVE_INFINITY, 2);
            log.addScalar("x", 1, Long.MAX_VALUE);
            log.addScalar("x", 1, -5);
        }
        List<Event> x = TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "x");
        assertThat(x.get(0).getSummary().getValue(0).getSimpleValue()).isNaN();
        assertThat(x.get(1).getSummary().getValue(0).getSimpleValue()).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(x.get(2).getSummary().getValue(0).getSimpleValue()).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(x).extracting(Event::getStep).containsExactly(0L, 1L, 2L, Long.MAX_VALUE, -5L);
    }

    @Test
    void shouldPlaceTheRunWhereTheSeedSaysWithEachConstructor() {
        try (Logger log = Logger.builder().logdir(logdir).set("shutdownHook.enabled", "false").build()) {
            String name = log.runDir().getFileName().toString();
            assertThat(name).matches("[A-Z][a-z]{2}\\d{2}_\\d{2}-\\d{2}-\\d{2}_.+");
            assertThat(log.runDir().getParent()).isEqualTo(logdir);
        }
        assertThat(RunNames.defaultRunName(LocalDateTime.of(2026, 4, 22, 12, 11, 22))).startsWith("Apr22_12-11-22_");
        System.setProperty("tblog.shutdownHook.enabled", "false");
        try (Logger log = new Logger(logdir, "exp")) {
            assertThat(log.runDir()).isEqualTo(logdir.resolve("exp"));
            assertThat(TestEvents.eventFiles(log.runDir())).hasSize(1);
        } finally {
            System.clearProperty("tblog.shutdownHook.enabled");
        }
    }

    @Test
    void shouldNameEventFilesByTheConvention() {
        try (Logger log = logger("run")) {
            String name = TestEvents.eventFiles(log.runDir()).get(0).getFileName().toString();
            assertThat(name).matches("events\\.out\\.tfevents\\.\\d{10}\\..+\\." + ProcessHandle.current().pid() + "\\.\\d+");
        }
    }

    @Test
    void shouldNeverShareAFileBetweenTwoLoggersInOneRunFolder() {
        try (Logger a = logger("same"); Logger b = logger("same")) {
            a.addScalar("a", 1, 1);
            b.addScalar("b", 2, 1);
        }
        List<Path> files = TestEvents.eventFiles(logdir.resolve("same"));
        assertThat(files).hasSize(2);
        List<Event> all = TestEvents.read(logdir.resolve("same"));
        assertThat(TestEvents.withTag(all, "a")).hasSize(1);
        assertThat(TestEvents.withTag(all, "b")).hasSize(1);
    }

    @Test
    void shouldFailOnABadExperimentName() {
        assertThatThrownBy(() -> Logger.builder().logdir(logdir).experiment("../escape"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape");
    }

    @Test
    void shouldWaitForTheConsumerOnABurstRightAfterBuildInsteadOfFailing() {
        // Regression: the consumer counted as stopped until its thread ran onStart, so a full ring
        // right after build() made producers give up with "closed".
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Logger log = Logger.builder().logdir(logdir).experiment("burst" + attempt)
                .set("shutdownHook.enabled", "false").set("ring.size", "64").build()) {
                for (int i = 0; i < 1000; i++) {
                    log.addScalar("x", i, i);
                }
                log.flush();
                assertThat(log.stats().written()).isEqualTo(1000);
            }
        }
    }

    @Test
    void shouldWriteEveryScalarOfFourThreadsThatSleepOnAFullRing() throws Exception {
        // 4 threads on the smallest ring they sleep on are blocked most of the time: they sleep
        // among the ring's waiters and the consumer wakes them; none may be lost or left asleep.
        int perThread = 100_000;
        try (Logger log = Logger.builder().logdir(logdir).experiment("sleepers").set("shutdownHook.enabled", "false")
            .set("ring.size", String.valueOf(FullRingWaiters.MIN_RING_SIZE)).build()) {
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                String tag = "t" + t;
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.addScalar(tag, i, i);
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            log.flush();
            assertThat(log.stats().written()).isEqualTo(4L * perThread);
            assertThat(log.stats().dropped()).isZero();
        }
    }

    private static List<String> subFolders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
