package dev.tblog;

import com.google.protobuf.TextFormat;
import dev.tblog.proto.projector.EmbeddingInfo;
import dev.tblog.proto.projector.ProjectorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processes logging embeddings into one run folder at once (two child JVMs and this one):
 * the run's {@code projector_config.pbtxt} ends up naming every embedding of every process, each
 * pointing at its own complete tensor file, and no temporary file is left behind. (An integration
 * check across JVMs; the interleaving that loses entries without the rebuild loop is forced
 * deterministically in {@code projector.ProjectorConfigFileTest}.)
 */
class EmbeddingProcessesTest {
    private static final int PER_PROCESS = 15;
    private static final String RUN = "shared";

    @TempDir
    Path logdir;

    @Test
    void shouldKeepEveryEmbeddingOfThreeProcessesWritingOneRun() throws Exception {
        List<Process> children = new ArrayList<>();
        for (String writer : List.of("child-1", "child-2")) {
            children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddingChild.class.getName(),
                logdir.toString(), RUN, writer, Integer.toString(PER_PROCESS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        try (Logger log = Logger.builder().logdir(logdir).experiment(RUN).set("shutdownHook.enabled", "false").build()) {
            EmbeddingChild.log(log, "parent", PER_PROCESS);
        }
        for (Process child : children) {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
            assertThat(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("DONE");
            assertThat(child.exitValue()).isZero();
        }

        Path folder = logdir.resolve(RUN).resolve("plugins/org_tensorflow_tensorboard_projector");
        ProjectorConfig.Builder config = ProjectorConfig.newBuilder();
        TextFormat.merge(Files.readString(folder.resolve("projector_config.pbtxt")), config);
        List<String> expected = new ArrayList<>();
        for (String writer : List.of("parent", "child-1", "child-2")) {
            for (int step = 0; step < PER_PROCESS; step++) {
                expected.add(String.format("%s:%05d", writer, step));
            }
        }
        assertThat(config.getEmbeddingsList()).extracting(EmbeddingInfo::getTensorName)
            .containsExactlyInAnyOrderElementsOf(expected);
        for (EmbeddingInfo e : config.getEmbeddingsList()) {
            String writer = e.getTensorName().substring(0, e.getTensorName().indexOf(':'));
            int step = Integer.parseInt(e.getTensorName().substring(e.getTensorName().indexOf(':') + 1));
            assertThat(floats(folder.resolve(e.getTensorPath()))).containsExactly(EmbeddingChild.values(writer, step));
        }
        try (var files = Files.walk(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp."))).isEmpty();
        }
    }

    private static float[] floats(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
