package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness itself: it serves the folder it was given, stops its server, skips or fails as documented. */
class TensorBoardBackendTest {
    @TempDir
    Path dir;

    @Test
    void shouldServeTheGivenFolderAndStopItsServerOnClose() {
        long pid;
        try (TensorBoardBackend backend = TensorBoardBackend.start(dir)) {
            pid = backend.pid();
            assertThat(backend.get("/data/environment").get("data_location").asText()).isEqualTo(dir.toAbsolutePath().toString());
            assertThat(backend.get("/data/runs")).isEmpty();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEqualTo(Optional.empty());
    }

    @Test
    void shouldSkipWithItsReasonWhenTheLauncherCannotHaveTheBackend() throws Exception {
        Path script = script("echo 'serve.sh: needs Debian packages: python3-numpy' >&2; exit 3");
        assertThatThrownBy(() -> TensorBoardBackend.start(script, dir))
            .isInstanceOf(TestAbortedException.class)
            .hasMessageContaining("serve.sh exit 3").hasMessageContaining("needs Debian packages: python3-numpy");
    }

    @Test
    void shouldFailWithItsStandardErrorOnAnyOtherLauncherFailure() throws Exception {
        Path script = script("echo 'serve.sh: TensorBoard did not start: ImportError: no module named werkzeug' >&2; exit 1");
        assertThatThrownBy(() -> TensorBoardBackend.start(script, dir))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("exit 1").hasMessageContaining("ImportError: no module named werkzeug");
    }

    @Test
    void shouldReadTheStringsTensorBoardWritesForNonFiniteNumbers() {
        assertThat(TensorBoardBackend.number(DoubleNode.valueOf(0.25))).isEqualTo(0.25);
        assertThat(TensorBoardBackend.number(TextNode.valueOf("NaN"))).isNaN();
        assertThat(TensorBoardBackend.number(TextNode.valueOf("Infinity"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(TensorBoardBackend.number(TextNode.valueOf("-Infinity"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> TensorBoardBackend.number(TextNode.valueOf("x"))).isInstanceOf(AssertionError.class);
    }

    private Path script(String body) throws Exception {
        Path script = dir.resolve("serve.sh");
        Files.writeString(script, "#!/bin/bash\n" + body + "\n");
        return script;
    }
}
