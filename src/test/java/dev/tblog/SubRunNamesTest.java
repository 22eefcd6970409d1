package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression (issue 19 item 3): an {@code addScalars} main tag or key whose sub-run folder the file
 * system cannot hold ("File name too long") was accepted at the call and then failed the consumer,
 * which marked the whole logger failed: every later event was lost. It is refused at the call now,
 * naming the folder and its length, and the run goes on whole.
 */
class SubRunNamesTest {
    @TempDir
    Path logdir;

    @Test
    void shouldRefuseASubRunFolderNameOver255BytesAtTheCallAndKeepTheRunWhole() {
        String longTag = "a".repeat(300);
        String twoByteKey = "é".repeat(127); // 254 bytes of UTF-8: "m_" + key = 256
        String longest = "b".repeat(253);    // "m_" + key = 255 bytes: the longest folder name
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false")
            .errorHandler(t -> { }).build()) {
            assertThatThrownBy(() -> log.addScalars(longTag, Map.of("k", 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("302 bytes").hasMessageContaining("255");
            assertThatThrownBy(() -> log.addScalars("m", Map.of(longTag, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("302 bytes");
            assertThatThrownBy(() -> log.addScalars("x".repeat(200), Map.of("y".repeat(60), 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("261 bytes");
            assertThatThrownBy(() -> log.addScalars("m", Map.of(twoByteKey, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bytes");
            assertThat(log.stats().published()).as("a refused call publishes nothing").isZero();
            log.addScalars("m", Map.of(longest, 2), 0);
            log.addScalars("m", Map.of("é".repeat(126), 3), 0);
            log.addScalar(longTag, 4, 0); // a tag alone names no folder: any length
            log.flush();
            LoggerStats s = log.stats();
            assertThat(s.failures()).as(s.toString()).isZero();
            assertThat(s.written()).isEqualTo(3);
        }
        Path run = logdir.resolve("run");
        assertThat(Files.isDirectory(run.resolve("m_" + longest))).isTrue();
        assertThat(TestEvents.withTag(TestEvents.read(run.resolve("m_" + longest)), "m"))
            .extracting(e -> e.getSummary().getValue(0).getSimpleValue()).containsExactly(2f);
        assertThat(TestEvents.withTag(TestEvents.read(run.resolve("m_" + "é".repeat(126))), "m")).hasSize(1);
        assertThat(TestEvents.withTag(TestEvents.read(run), longTag)).extracting(Event::getStep).containsExactly(0L);
    }
}
