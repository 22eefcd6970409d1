package dev.tblog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The values of {@code addGraph}, {@code addMesh} and {@code addEmbedding} carry their shape, return
 * a new value for each option and leave the original as it was, and refuse bad input where they
 * are made, naming the values.
 */
class StructureValuesTest {
    @Test
    void shouldCarryTheShapeOfAMeshAndReturnANewValuePerOption() {
        Mesh points = Mesh.of(new float[12]);
        Mesh surface = points.faces(new int[] {0, 1, 2, 1, 2, 3}).colors(new byte[12])
            .config(Map.of("camera", Map.of("fov", 75)));
        assertThat(points.vertexCount()).isEqualTo(4);
        assertThat(points.faceCount()).isZero();
        assertThat(points.configJson()).isEqualTo("{}");
        assertThat(surface.faceCount()).isEqualTo(2);
        assertThat(surface.configJson()).isEqualTo("{\"camera\": {\"fov\": 75}}");
        assertThat(surface).hasToString("Mesh[4 vertices, 2 faces, colors]");
        assertThat(points).hasToString("Mesh[4 vertices, 0 faces]");
    }

    @Test
    void shouldRefuseABadMeshNamingTheValues() {
        assertThatThrownBy(() -> Mesh.of(new float[10])).hasMessageContaining("positive multiple of 3, was 10");
        assertThatThrownBy(() -> Mesh.of(new float[9]).faces(new int[] {0, 1, 5}))
            .hasMessage("mesh face 0 (index 2) names vertex 5: there are 3 vertices, 0 to 2");
        assertThatThrownBy(() -> Mesh.of(new double[9]).colors(new byte[8]))
            .hasMessage("mesh colors are (r, g, b) per vertex: 3 vertices need 9 bytes, array has 8");
    }

    @Test
    void shouldCarryTheShapeOfAnEmbeddingAndReturnANewValuePerOption() {
        Embedding plain = Embedding.of(new float[6], 3, 2);
        Embedding labelled = plain.labels(List.of("a", "b", "c"));
        Embedding full = plain.metadata(List.of("x", "y"), List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6)))
            .thumbnails(Images.rgb(new byte[3 * 4 * 4 * 3], 3, 4, 4));
        assertThat(plain).extracting(Embedding::rows, Embedding::dims).containsExactly(3, 2);
        assertThat(plain).hasToString("Embedding[3x2]");
        assertThat(labelled).hasToString("Embedding[3x2, 1 metadata columns]");
        assertThat(full).hasToString("Embedding[3x2, 2 metadata columns, thumbnails 4x4]");
    }

    @Test
    void shouldRefuseBadEmbeddingMetadataNamingTheRow() {
        Embedding e = Embedding.of(new double[6], 3, 2);
        assertThatThrownBy(() -> e.labels(List.of("a", "b\tc", "d")))
            .hasMessage("label of row 1 'b\\tc' holds a tab, which would split the projector's metadata");
        assertThatThrownBy(() -> e.labels(List.of("a", "b", " ")))
            .hasMessageStartingWith("label of row 2 is blank");
        assertThatThrownBy(() -> e.metadata(List.of("only"), List.of()))
            .hasMessageContaining("use labels(...) for one column");
        assertThatThrownBy(() -> Embedding.of(new float[5], 3, 2))
            .hasMessage("embedding shape 3x2 needs 6 values, array has 5");
        assertThatThrownBy(() -> e.thumbnails(Images.gray(new float[4], 1, 2, 2)))
            .hasMessage("embedding of 3 rows needs 3 thumbnails, got 1");
    }

    @Test
    void shouldBuildAGraphOnceAndCountIt() {
        Graph.Builder builder = Graph.builder().node("a", "A").node("g/b", "B", Map.of("size", 3)).edge("a", "g/b");
        Graph first = builder.build();
        Graph second = builder.node("c", "C").edge("g/b", "c").build();
        assertThat(first).hasToString("Graph[2 nodes, 1 edges]");
        assertThat(second).hasToString("Graph[3 nodes, 2 edges]");
        assertThatThrownBy(() -> Graph.builder().node("^a", "A"))
            .hasMessage("graph node name '^a' starts with '^', which marks a control edge");
    }
}
