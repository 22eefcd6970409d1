package dev.tblog;

import dev.tblog.proto.DataType;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.mesh.MeshPluginData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code addMesh} round trip, decoded with the generated classes: three summaries of one step, each
 * a tensor {@code [1, rows, 3]} of its type whose content is the logged values, with the mesh
 * plugin's metadata; the caller's arrays are copied by the call.
 */
class MeshLoggingTest {
    @TempDir
    Path root;

    private Logger logger() {
        return Logger.builder().logdir(root).experiment("run").set("shutdownHook.enabled", "false").build();
    }

    @Test
    void shouldWriteVerticesFacesAndColoursAsTheMeshPluginsTensors() throws Exception {
        float[] xyz = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0.5f};
        int[] faces = {0, 1, 2, 1, 3, 2};
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 128, (byte) 128, (byte) 128};
        Logger log = logger();
        log.addMesh("Surface", Mesh.of(xyz).faces(faces).colors(rgb).config(Map.of("camera", Map.of("fov", 75))), 7);
        log.close();
        List<Event> events = TestEvents.read(log.runDir());

        Summary.Value vertex = TestEvents.withTag(events, "Surface_VERTEX").get(0).getSummary().getValue(0);
        assertTensor(vertex.getTensor(), DataType.DT_FLOAT, 4);
        float[] readXyz = new float[12];
        ByteBuffer.wrap(vertex.getTensor().getTensorContent().toByteArray()).order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer().get(readXyz);
        assertThat(readXyz).containsExactly(xyz);

        Summary.Value face = TestEvents.withTag(events, "Surface_FACE").get(0).getSummary().getValue(0);
        assertTensor(face.getTensor(), DataType.DT_INT32, 2);
        int[] readFaces = new int[6];
        ByteBuffer.wrap(face.getTensor().getTensorContent().toByteArray()).order(ByteOrder.LITTLE_ENDIAN)
            .asIntBuffer().get(readFaces);
        assertThat(readFaces).containsExactly(faces);

        Summary.Value color = TestEvents.withTag(events, "Surface_COLOR").get(0).getSummary().getValue(0);
        assertTensor(color.getTensor(), DataType.DT_UINT8, 4);
        assertThat(color.getTensor().getTensorContent().toByteArray()).containsExactly(rgb);

        for (Summary.Value v : List.of(vertex, face, color)) {
            assertThat(v.getMetadata().getPluginData().getPluginName()).isEqualTo("mesh");
            MeshPluginData data = MeshPluginData.parseFrom(v.getMetadata().getPluginData().getContent());
            assertThat(data.getName()).isEqualTo("Surface");
            assertThat(data.getVersion()).isZero();
            assertThat(data.getComponents()).isEqualTo(14);
            assertThat(data.getJsonConfig()).isEqualTo("{\"camera\": {\"fov\": 75}}");
            assertThat(data.getContentType().name()).isEqualTo(v.getTag().substring("Surface_".length()));
        }
        assertThat(events.stream().filter(Event::hasSummary).map(Event::getStep)).containsOnly(7L);
    }

    @Test
    void shouldCopyTheCallersArraysDuringTheCall() throws Exception {
        float[] xyz = {1, 2, 3};
        Logger log = logger();
        log.addMesh("Point", Mesh.of(xyz), 0);
        xyz[0] = 99;
        log.close();
        TensorProto t = TestEvents.withTag(TestEvents.read(log.runDir()), "Point_VERTEX").get(0).getSummary()
            .getValue(0).getTensor();
        assertThat(ByteBuffer.wrap(t.getTensorContent().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getFloat(0))
            .isEqualTo(1f);
        assertThat(TestEvents.withTag(TestEvents.read(log.runDir()), "Point_FACE")).isEmpty();
    }

    @Test
    void shouldRejectAFaceIndexChangedOutOfRangeBeforeTheCall() {
        int[] faces = {0, 1, 2};
        Mesh mesh = Mesh.of(new float[9]).faces(faces);
        faces[2] = 3;
        Logger log = logger();
        assertThatThrownBy(() -> log.addMesh("m", mesh, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("names vertex 3");
        log.close();
        assertThat(log.stats().published()).isZero();
        assertThat(log.stats().pendingPayloadBytes()).isZero();
    }

    private static void assertTensor(TensorProto t, DataType type, long rows) {
        assertThat(t.getDtype()).isEqualTo(type);
        assertThat(t.getTensorShape().getDimList()).extracting(d -> d.getSize()).containsExactly(1L, rows, 3L);
    }
}
