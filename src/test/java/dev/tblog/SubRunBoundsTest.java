package dev.tblog;

import dev.tblog.config.ConfigKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (issue 19 item 4): nothing bounded the sub-runs {@code addScalars} opens, one file
 * handle and an 80 KiB direct buffer each. 10,000 keys in a small JVM ran the consumer out of
 * direct memory, {@code flush}/{@code close} timed out, thousands of handles stayed open after
 * close and no new logger could be built; 2,000 keys under {@code ulimit -n} failed the logger with
 * "Too many open files" and lost most events. Now a logger opens at most {@code scalars.maxSubRuns}
 * (the call past it throws), a sub-run's buffer starts at 4 KiB, a sub-run that finds no file
 * handle loses only its own events, and close frees everything.
 */
class SubRunBoundsTest {
    @TempDir
    Path logdir;

    @Test
    void shouldRefuseKeysPastTheBoundAndFreeEverythingAtCloseInASmallJvm() throws Exception {
        int keys = 10_000;
        int bound = ConfigKey.SCALARS_MAX_SUB_RUNS.defaultValue();
        Path run = logdir.resolve("run");
        ChildJvm.Outcome child = new ChildJvm().options("-Xmx64m", "-XX:MaxDirectMemorySize=32m")
            .run(ManyKeysChild.class, 180, run.toString(), Integer.toString(keys));
        assertThat(child.exitCode()).as(child.toString()).isZero();
        assertThat(child.longValue("REFUSED")).as(child.toString()).isEqualTo(keys - bound);
        assertThat(child.value("FIRST_REFUSAL")).contains("scalars.maxSubRuns").contains("key" + bound);
        assertThat(child.value("FLUSH_FAILED")).as(child.toString()).isNull();
        assertThat(child.value("CLOSE_FAILED")).as(child.toString()).isNull();
        assertThat(child.longValue("LOST")).isZero();
        assertThat(child.longValue("WRITTEN")).isEqualTo(keys + bound).isEqualTo(child.longValue("PUBLISHED"));
        assertThat(child.longValue("FDS_AFTER")).as("open files after close").isLessThanOrEqualTo(
            child.longValue("FDS_BEFORE"));
        assertThat(child.value("AFTER")).as("a new logger afterwards").isEqualTo("ok");
        assertThat(subRuns(run)).hasSize(bound);
        assertThat(TestEvents.withTag(TestEvents.read(run), "main")).hasSize(keys);
    }

    @Test
    void shouldLoseOnlyTheSubRunsThatFindNoFileHandleUnderASmallOpenFilesLimit() throws Exception {
        int keys = 2_000;
        Path run = logdir.resolve("run");
        ChildJvm.Outcome child = new ChildJvm().options("-Xmx128m", "-Dtblog.scalars.maxSubRuns=" + keys)
            .openFilesLimit(256).run(ManyKeysChild.class, 180, run.toString(), Integer.toString(keys));
        assertThat(child.exitCode()).as(child.toString()).isZero();
        long lost = child.longValue("LOST");
        assertThat(lost).as("the limit was reached: " + child).isPositive();
        assertThat(child.value("FLUSH_FAILED")).as("the flush that covers the loss reports it")
            .contains("Too many open files");
        assertThat(child.value("CLOSE_FAILED")).as("close: nothing lost since that flush").isNull();
        assertThat(child.longValue("FAILURES")).as("each lost sub-run reported once").isEqualTo(lost);
        assertThat(child.longValue("WRITTEN") + lost).isEqualTo(child.longValue("PUBLISHED"));
        assertThat(TestEvents.withTag(TestEvents.read(run), "main")).as("the main run is whole").hasSize(keys);
        long written = 0;
        for (Path subRun : subRuns(run)) {
            written += TestEvents.withTag(TestEvents.read(subRun), "k").size();
        }
        assertThat(written + lost).as("every key on disk or counted lost").isEqualTo(keys);
        // A handle kept per lost or written sub-run would be hundreds more. One more than before
        // showed once in many runs (2026-12-02, not reproduced in 10 runs since; its cause not
        // found): the child now prints what each descriptor points at, for the next time.
        assertThat(child.longValue("FDS_AFTER")).as("open files after close: " + child).isLessThanOrEqualTo(
            child.longValue("FDS_BEFORE") + 1);
        assertThat(child.value("AFTER")).as("a new logger afterwards").isEqualTo("ok");
    }

    private static List<Path> subRuns(Path run) throws IOException {
        try (Stream<Path> entries = Files.list(run)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }
}
