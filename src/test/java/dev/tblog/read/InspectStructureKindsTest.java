package dev.tblog.read;

import dev.tblog.Embedding;
import dev.tblog.Graph;
import dev.tblog.Images;
import dev.tblog.Logger;
import dev.tblog.Mesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code inspect} names the kinds of issue 15: the run graph (nodes and edges), each part of a mesh
 * (type and shape), each embedding tag of the projector config (steps, shape, metadata, sprite), and
 * reports a config naming a missing file as an error.
 */
class InspectStructureKindsTest {
    @TempDir
    Path logdir;

    private Path logRun() {
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addGraph(Graph.builder().node("in", "Population").node("map/sheet", "Population").edge("in", "map/sheet")
                .build(), 2);
            log.addMesh("surface", Mesh.of(new float[12]).faces(new int[] {0, 1, 2}).colors(new byte[12]), 3);
            log.addEmbedding("fields", Embedding.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 2, 2).labels(List.of("a", "b"))
                .thumbnails(Images.gray(new float[8], 2, 2, 2)), 7);
            log.addEmbedding("fields", Embedding.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 2, 2), 9);
            return log.runDir();
        }
    }

    @Test
    void shouldNameTheGraphTheMeshPartsAndTheEmbeddings() throws IOException {
        logRun();
        RunReport run = LogInspector.inspect(logdir).get(0);
        Map<String, TagSummary> tags = run.tags();
        assertThat(tags.get("__run_graph__")).extracting(TagSummary::kind, TagSummary::count, TagSummary::firstStep,
            TagSummary::detail).containsExactly("graph", 1L, 2L, "2 nodes, 1 edges");
        assertThat(tags.get("surface_VERTEX")).extracting(TagSummary::kind, TagSummary::detail)
            .containsExactly("mesh", "DT_FLOAT 1x4x3");
        assertThat(tags.get("surface_FACE").detail()).isEqualTo("DT_INT32 1x1x3");
        assertThat(tags.get("surface_COLOR").detail()).isEqualTo("DT_UINT8 1x4x3");
        assertThat(tags.get("fields")).extracting(TagSummary::kind, TagSummary::count, TagSummary::firstStep,
            TagSummary::lastStep).containsExactly("embedding", 2L, 7L, 9L);
        assertThat(run.errors()).isEmpty();
        assertThat(InspectFormat.text(List.of(run))).contains("embedding", "graph", "mesh", "every record sound");
    }

    @Test
    void shouldReportAConfigNamingAMissingFile() throws IOException {
        Path runDir = logRun();
        try (Stream<Path> files = Files.walk(runDir.resolve("plugins"))) {
            Path tensor = files.filter(p -> p.getFileName().toString().equals("tensor.bin")).findFirst().orElseThrow();
            Files.delete(tensor);
        }
        List<RunReport> runs = LogInspector.inspect(logdir);
        assertThat(runs.get(0).errors()).singleElement().asString().contains("which is missing");
        assertThat(LogInspector.sound(runs)).isFalse();
    }
}
