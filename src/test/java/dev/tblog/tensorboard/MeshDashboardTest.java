package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tblog.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tblog.tensorboard.Json.longs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MESH as TensorBoard shows what tblog wrote: the mesh plugin's tags, each mesh's metadata per step
 * (content types, the components present, data shapes, the scene configuration) and the vertex,
 * face and colour tensors its {@code /data} route serves, equal to what was logged, for a coloured
 * mesh at two steps, a point cloud, and a mesh of doubles at automatic steps.
 */
class MeshDashboardTest {
    private static final String RUN = "meshes";
    private static final int SIDE = 4;
    /** A SIDE x SIDE grid lifted by a rate, two triangles per cell, coloured by height. */
    private static final float[][] SURFACE = {grid(0), grid(1)};
    private static final int[] TRIANGLES = triangles();
    private static final byte[][] COLORS = {colors(SURFACE[0]), colors(SURFACE[1])};
    private static final Map<String, Object> SCENE = Map.of(
        "camera", Map.of("cls", "PerspectiveCamera", "fov", 75),
        "lights", List.of(Map.of("cls", "AmbientLight", "color", "#ffffff", "intensity", 0.75)),
        "material", Map.of("cls", "MeshStandardMaterial", "roughness", 1, "metalness", 0));
    private static final float[] CLOUD = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, -1.5f, 2.25f, 1e-3f};
    private static final double[] DOUBLE_TRIANGLE = {0.1, 0.2, 0.3, 1.1, 1.2, 1.3, 2.1, 2.2, 2.3};

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(MeshDashboardTest::write);

    private static float[] grid(int step) {
        float[] xyz = new float[SIDE * SIDE * 3];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int v = (y * SIDE + x) * 3;
                xyz[v] = x;
                xyz[v + 1] = y;
                xyz[v + 2] = (float) Math.sin(x + y + step) * (step + 1);
            }
        }
        return xyz;
    }

    private static int[] triangles() {
        List<Integer> faces = new ArrayList<>();
        for (int y = 0; y < SIDE - 1; y++) {
            for (int x = 0; x < SIDE - 1; x++) {
                int v = y * SIDE + x;
                faces.addAll(List.of(v, v + 1, v + SIDE, v + 1, v + SIDE + 1, v + SIDE));
            }
        }
        return faces.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] colors(float[] xyz) {
        byte[] rgb = new byte[xyz.length];
        for (int v = 0; v < xyz.length / 3; v++) {
            int level = (int) (127.5 + 127.5 * Math.tanh(xyz[v * 3 + 2]));
            rgb[v * 3] = (byte) level;
            rgb[v * 3 + 1] = (byte) (255 - level);
            rgb[v * 3 + 2] = (byte) 200;
        }
        return rgb;
    }

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, RUN)) {
            LogCalls.mesh(log, "Sheet/Surface", SURFACE[0], TRIANGLES, COLORS[0], SCENE, 0);
            LogCalls.mesh(log, "Sheet/Surface", SURFACE[1], TRIANGLES, COLORS[1], SCENE, 5);
            LogCalls.mesh(log, "Cloud", CLOUD, null, null, null, 3);
            LogCalls.meshAtNextStep(log, "Doubles", DOUBLE_TRIANGLE, new int[] {0, 1, 2}, null);
            LogCalls.meshAtNextStep(log, "Doubles", DOUBLE_TRIANGLE, new int[] {2, 1, 0}, null);
        }
    }

    @Test
    void shouldListEveryMeshByItsTagWithOneSample() {
        JsonNode tags = tensorBoard.get("/data/plugin/mesh/tags").get(RUN);
        assertThat(Json.fieldNames(tags)).containsExactlyInAnyOrder("Sheet/Surface", "Cloud", "Doubles");
        tags.forEach(t -> assertThat(t.get("samples").asInt()).isEqualTo(1));
    }

    @Test
    void shouldDescribeEachPartOfEachStep() throws Exception {
        JsonNode meshes = meshes("Sheet/Surface");
        assertThat(longs(meshes, "step")).containsExactlyInAnyOrder(0L, 0L, 0L, 5L, 5L, 5L);
        List<Integer> types = new ArrayList<>();
        meshes.forEach(m -> types.add(m.get("content_type").asInt()));
        assertThat(types).containsExactlyInAnyOrder(1, 2, 3, 1, 2, 3); // VERTEX, FACE, COLOR
        for (JsonNode m : meshes) {
            assertThat(m.get("components").asInt()).isEqualTo(2 | 4 | 8);
            long rows = m.get("content_type").asInt() == 2 ? TRIANGLES.length / 3 : SIDE * SIDE;
            assertThat(values(m.get("data_shape"))).containsExactly(1L, rows, 3L);
            assertThat(new ObjectMapper().readTree(m.get("config").asText())).isEqualTo(new ObjectMapper().valueToTree(SCENE));
        }
    }

    @Test
    void shouldServeTheVerticesFacesAndColoursOfEachStep() {
        for (int s = 0; s < 2; s++) {
            int step = s * 5;
            assertThat(floats(data("Sheet/Surface", "VERTEX", step))).containsExactly(SURFACE[s]);
            assertThat(ints(data("Sheet/Surface", "FACE", step))).containsExactly(TRIANGLES);
            assertThat(data("Sheet/Surface", "COLOR", step)).containsExactly(COLORS[s]);
        }
    }

    @Test
    void shouldServeAPointCloudWithVerticesOnlyAndAnEmptyScene() {
        JsonNode meshes = meshes("Cloud");
        assertThat(meshes).hasSize(1);
        assertThat(meshes.get(0).get("components").asInt()).isEqualTo(2);
        assertThat(meshes.get(0).get("config").asText()).isEqualTo("{}");
        assertThat(floats(data("Cloud", "VERTEX", 3))).containsExactly(CLOUD);
        assertThat(data("Cloud", "FACE", 3)).isEmpty();
    }

    @Test
    void shouldStoreDoublesAsFloatsAtAutomaticSteps() {
        assertThat(longs(meshes("Doubles"), "step")).containsExactlyInAnyOrder(0L, 0L, 1L, 1L);
        float[] expected = new float[DOUBLE_TRIANGLE.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) DOUBLE_TRIANGLE[i];
        }
        assertThat(floats(data("Doubles", "VERTEX", 1))).containsExactly(expected);
        assertThat(ints(data("Doubles", "FACE", 1))).containsExactly(2, 1, 0);
    }

    private static JsonNode meshes(String tag) {
        return tensorBoard.get("/data/plugin/mesh/meshes", "run", RUN, "tag", tag);
    }

    private static byte[] data(String tag, String part, int step) {
        return tensorBoard.getBytes("/data/plugin/mesh/data?run=" + RUN + "&tag=" + tag.replace("/", "%2F")
            + "&content_type=" + part + "&sample=0&step=" + step);
    }

    private static List<Long> values(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asLong()));
        return values;
    }

    private static float[] floats(byte[] littleEndian) {
        float[] values = new float[littleEndian.length / 4];
        ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static int[] ints(byte[] littleEndian) {
        int[] values = new int[littleEndian.length / 4];
        ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return values;
    }
}
