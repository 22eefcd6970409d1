package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.record.RunNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** file.maxBytes: new files between records, each with its own file_version, read as one run in name order. */
@ExtendWith(SimpleLeakDetection.class)
class RotationTest {
    @TempDir
    Path logdir;

    /** Regression: the counter was not padded, so "...pid.10" sorted before "...pid.9". */
    @Test
    void shouldSortAFileCreatedLaterInTheSameSecondAfter() {
        String ninth = RunNames.eventFile(1_700_000_000L, "host", 42, 9);
        String tenth = RunNames.eventFile(1_700_000_000L, "host", 42, 10);
        assertThat(ninth.compareTo(tenth)).isNegative();
        assertThat(tenth).endsWith(".42.0000000010");
    }

    @Test
    void shouldStartRotatedFilesWithFileVersionNeverSplitARecordAndHoldEveryEventOnceInOrder() throws Exception {
        long maxBytes = 65_536;
        int events = 60_000;
        Logger log = Logger.builder().logdir(logdir).experiment("rot").set("shutdownHook.enabled", "false")
            .set("file.maxBytes", Long.toString(maxBytes)).set("write.thresholdBytes", "4096").build();
        for (int i = 0; i < events; i++) {
            log.addScalar("x", i, i);
            if (i % 10 == 0) {
                log.addScalars("m", Map.of("a", i / 10), i / 10);
            }
        }
        log.close();
        List<Path> files = TestEvents.eventFiles(log.runDir());
        assertThat(files.size()).isGreaterThan(10);
        double lastWallTime = 0;
        for (Path file : files) {
            assertThat(Files.size(file)).as("%s: at most one write past the limit", file)
                .isLessThan(maxBytes + 4096 + 4096 / 4 + 200);
            List<Event> inFile = TestEvents.readFile(file);
            assertThat(inFile.get(0).hasFileVersion()).isTrue();
            assertThat(inFile.get(0).getWallTime()).as("name order is creation order").isGreaterThanOrEqualTo(lastWallTime);
            lastWallTime = inFile.get(0).getWallTime();
        }
        RunChecker run = RunChecker.read(log.runDir(), false);
        assertThat(run.assertDense(".", "x")).isEqualTo(events);
        assertThat(run.assertDense("m_a", "m")).isEqualTo(events / 10);
        assertThat(TestEvents.eventFiles(log.runDir().resolve("m_a")).size()).isGreaterThan(1);
        LoggerStats s = log.stats();
        assertThat(s.written()).isEqualTo(events + events / 10);
    }
}
