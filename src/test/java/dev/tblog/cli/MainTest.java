package dev.tblog.cli;

import dev.tblog.Logger;
import dev.tblog.PeerFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.standard().run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintThePeersRunsAndTagsFromInspectAndExitZero() {
        int status = run("inspect", PeerFolder.root().toString());
        assertThat(status).isZero();
        assertThat(out()).contains("run Loss_train", "run hp", "every record sound");
        assertThat(out()).containsPattern("Weight distribution\\s+histogram\\s+2 values");
        assertThat(out()).containsPattern("Projection/Receptive fields\\s+image\\s+1 values.*30x5");
    }

    @Test
    void shouldInspectAFolderNamedByAUriAndRefuseAnUnknownSchemeWithExitTwo() {
        assertThat(run("inspect", PeerFolder.root().toUri().toString())).isZero();
        assertThat(out()).contains("run Loss_train", "every record sound");
        assertThat(run("inspect", "nosuchfs://host/runs")).isEqualTo(2);
        assertThat(err()).contains("tblog inspect:", "nosuchfs");
    }

    @Test
    void shouldListRunsAndTagsInInspectJson() {
        assertThat(run("inspect", PeerFolder.root().toString(), "--json")).isZero();
        assertThat(out()).startsWith("{\"sound\":true,\"hparamsSessions\":1,\"runs\":[").contains("\"name\":\"Loss_test\"")
            .contains("{\"tag\":\"Accuracy\",\"kind\":\"scalar\",\"count\":20,\"firstStep\":0,\"lastStep\":19");
    }

    @Test
    void shouldExitOneFromInspectOnACorruptRecordNamingFileAndOffset() throws Exception {
        Path run = dir.resolve("run");
        try (Logger log = Logger.builder().runDir(run).set("shutdownHook.enabled", "false").build()) {
            log.addScalar("x", 1, 1);
            log.addScalar("x", 2, 2);
        }
        Path file;
        try (var files = Files.list(run)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x10;
        Files.write(file, bytes);
        assertThat(run("inspect", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("ERROR", file.toString(), "offset", "CORRUPT");
    }

    @Test
    void shouldReportATornTailFromInspectButExitZero() throws Exception {
        Path run = dir.resolve("run");
        try (Logger log = Logger.builder().runDir(run).set("shutdownHook.enabled", "false").build()) {
            log.addScalar("x", 1, 1);
        }
        Path file;
        try (var files = Files.list(run)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertThat(run("inspect", run.toString())).isZero();
        assertThat(out()).contains("torn last record");
    }

    @Test
    void shouldAnswerBadArgumentsWithAOneLineErrorUsageAndStatusTwo() {
        assertThat(run("inspect")).isEqualTo(2);
        assertThat(err()).contains("inspect needs exactly one PATH").contains("usage: tblog inspect");
        assertThat(run("inspect", "x", "--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown option --bogus");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'");
        assertThat(run("inspect", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(run("demo", "--trials", "zero")).isEqualTo(2);
        assertThat(err()).contains("--trials must be an integer");
    }

    @Test
    void shouldPrintHelpForEveryCommand() {
        for (String command : List.of("inspect", "demo", "stress")) {
            assertThat(run(command, "--help")).isZero();
            assertThat(out()).contains("usage: tblog " + command);
        }
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("inspect", "demo", "stress");
    }

    @Test
    void shouldWriteASoundLogFolderFromTheDemo() {
        Path logdir = dir.resolve("runs");
        assertThat(run("demo", "--logdir", logdir.toString(), "--trials", "20")).isZero();
        assertThat(out()).contains("tensorboard --logdir " + logdir);
        out.reset();
        assertThat(run("inspect", logdir.toString())).isZero();
        assertThat(out()).contains("Accuracy", "scalar", "every record sound");
    }
}
