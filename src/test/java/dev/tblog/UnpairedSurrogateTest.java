package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression (issue 19 item 8): an unpaired UTF-16 surrogate has no UTF-8 form and was written as
 * '?', so {@code "x\uD800y"} and {@code "x\uDC00y"} became one series {@code x?y}. Every string
 * tblog writes refuses one at the call, naming its index, and publishes nothing; paired
 * surrogates (an emoji) are written exactly.
 */
class UnpairedSurrogateTest {
    @TempDir
    Path logdir;

    private Logger logger() {
        return Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build();
    }

    /** The bad string, and the index of its first unpaired surrogate. */
    static Stream<Arguments> unpaired() {
        return Stream.of(
            Arguments.of("x\uD800y", 1), Arguments.of("x\uDC00y", 1), Arguments.of("xy\uD800", 2),
            Arguments.of("\uDC00\uD800x", 0), Arguments.of("ok\uD83D\uDE00 then \uDE00", 10));
    }

    /** Each place a string goes: a tag of every kind, an addScalars main tag and key, a text, hparams. */
    static Stream<Named<BiConsumer<Logger, String>>> places() {
        return Stream.of(
            Named.of("scalar tag", (l, s) -> l.addScalar(s, 1, 1)),
            Named.of("scalar tag, auto step", (l, s) -> l.addScalar(s, 1)),
            Named.of("image tag", (l, s) -> l.addImage(s, Image.gray(new float[] {0.5f}, 1, 1), 1)),
            Named.of("histogram tag", (l, s) -> l.addHistogram(s, new double[] {1}, 1)),
            Named.of("text tag", (l, s) -> l.addText(s, "t", 1)),
            Named.of("addScalars main tag", (l, s) -> l.addScalars(s, Map.of("k", 1), 1)),
            Named.of("addScalars key", (l, s) -> l.addScalars("m", Map.of(s, 1), 1)),
            Named.of("text", (l, s) -> l.addText("notes", s, 1)),
            Named.of("text, auto step", (l, s) -> l.addText("notes", s)),
            Named.of("hparam key", (l, s) -> l.addParameters(Map.of(s, 1), Map.of())),
            Named.of("hparam string value", (l, s) -> l.addParameters(Map.of("solver", s), Map.of())),
            Named.of("metric name", (l, s) -> l.addParameters(Map.of(), Map.of(s, 1))));
    }

    static Stream<Arguments> cases() {
        return places().flatMap(place -> unpaired().map(u -> Arguments.of(place, u.get()[0], u.get()[1])));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void shouldRefuseAnUnpairedSurrogateAtTheCallNamingItsIndex(BiConsumer<Logger, String> call, String bad,
                                                               int index) {
        try (Logger log = logger()) {
            assertThatThrownBy(() -> call.accept(log, bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate").hasMessageContaining("index " + index);
            assertThat(log.stats().published()).as("nothing published").isZero();
        }
    }

    @Test
    void shouldWriteTwoTagsThatDifferOnlyInTheirSurrogatesNeverAsOneSeries() {
        try (Logger log = logger()) {
            assertThatThrownBy(() -> log.addScalar("x\uD800y", 1, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> log.addScalar("x\uDC00y", 2, 0)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "x?y")).isEmpty();
    }

    @Test
    void shouldWritePairedSurrogatesExactly() {
        String smile = "rate \uD83D\uDE00";
        try (Logger log = logger()) {
            log.addScalar(smile, 1, 0);
            log.addText("notes", smile, 0);
            log.addScalars("m", Map.of(smile, 1), 0);
            log.addParameters(Map.of("solver", smile), Map.of());
        }
        List<Event> events = TestEvents.read(logdir.resolve("run"));
        assertThat(TestEvents.withTag(events, smile)).hasSize(1);
        Event text = TestEvents.withTag(events, "notes/text_summary").get(0);
        assertThat(text.getSummary().getValue(0).getTensor().getStringVal(0).toString(StandardCharsets.UTF_8))
            .isEqualTo(smile);
        assertThat(TestEvents.withTag(TestEvents.read(logdir.resolve("run").resolve("m_" + smile)), "m")).hasSize(1);
    }
}
