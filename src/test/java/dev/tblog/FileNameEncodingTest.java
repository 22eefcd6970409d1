package dev.tblog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Regression (issue 19 item 3): under {@code LANG=C} the JVM encodes file names as ASCII
 * ({@code sun.jnu.encoding=ANSI_X3.4-1968}), so a non-ASCII {@code addScalars} key names a folder
 * it cannot create. It was accepted at the call and then made every later {@code flush()} and
 * {@code close()} throw; it is refused at the call now, naming the encoding and the way out, and
 * the rest of the run is written.
 */
class FileNameEncodingTest {
    @TempDir
    Path logdir;

    @Test
    void shouldRefuseAKeyTheFileNameEncodingCannotHoldAtTheCallAndWriteTheRest() throws Exception {
        Path run = logdir.resolve("run");
        ChildJvm.Outcome child = new ChildJvm().env("LANG", "C").env("LC_ALL", "C")
            .run(NonAsciiKeyChild.class, 120, run.toString());
        assertThat(child.exitCode()).as(child.toString()).isZero();
        String jnu = child.value("JNU");
        assumeTrue(jnu != null && (jnu.contains("646") || jnu.contains("ASCII") || jnu.contains("X3.4")),
            "this JDK does not take its file-name encoding from LANG=C: " + jnu);
        assertThat(child.value("REFUSED")).as(child.toString()).isNotNull()
            .contains("Loss_").contains("encodes file names as " + jnu).contains("LANG=C.UTF-8");
        assertThat(child.value("CLOSE_FAILED")).as(child.toString()).isNull();
        assertThat(child.longValue("FAILURES")).isZero();
        assertThat(child.longValue("LOST")).isZero();
        assertThat(child.longValue("WRITTEN")).isEqualTo(2).isEqualTo(child.longValue("PUBLISHED"));
        assertThat(TestEvents.withTag(TestEvents.read(run), "rate \u00e9t\u00e9")).hasSize(1);
        assertThat(TestEvents.withTag(TestEvents.read(run.resolve("Loss_train")), "Loss")).hasSize(1);
        try (var folders = Files.list(run)) {
            assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                .containsExactly("Loss_train");
        }
    }
}
