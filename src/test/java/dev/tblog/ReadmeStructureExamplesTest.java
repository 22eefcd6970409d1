package dev.tblog;

import com.google.protobuf.TextFormat;
import dev.tblog.proto.Event;
import dev.tblog.proto.GraphDef;
import dev.tblog.proto.projector.EmbeddingInfo;
import dev.tblog.proto.projector.ProjectorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the README sections "Logging a graph", "Logging embeddings" and "Logging meshes", kept compiling and running. */
class ReadmeStructureExamplesTest {
    @TempDir
    Path runs;

    private Logger logger() {
        return Logger.builder().logdir(runs).experiment("run").set("shutdownHook.enabled", "false").build();
    }

    @Test
    void shouldRunTheGraphExample() throws Exception {
        long step = 3;
        Logger log = logger();
        Graph graph = Graph.builder()
            .node("Input", "Population", Map.of("size", 25, "model", "pattern"))
            .node("Map/Afferent", "Projection", Map.of("weights", new int[] {100, 25}, "rule", "Hebbian",
                "learning_rate", 0.05, "plastic", true))
            .node("Map/Sheet", "Population", Map.of("size", 100, "model", "rate"))
            .edge("Input", "Map/Afferent")
            .edge("Map/Afferent", "Map/Sheet")
            .shape("Input", 5, 5)            // written on the edge out of Input: 5x5
            .build();
        log.addGraph(graph);                 // once per run, at step 0
        log.addGraph(graph, step);           // or at a step, if the graph changes as the simulation runs
        log.close();
        List<Event> graphs = TestEvents.read(log.runDir()).stream().filter(Event::hasGraphDef).toList();
        assertThat(graphs).extracting(Event::getStep).containsExactly(0L, 3L);
        assertThat(GraphDef.parseFrom(graphs.get(1).getGraphDef()).getNodeCount()).isEqualTo(3);
    }

    @Test
    void shouldRunTheEmbeddingExample() throws Exception {
        long step = 10;
        Logger log = logger();
        int n = 100, d = 25;
        float[] fields = new float[n * d];                       // N rows of D values, row-major
        List<String> preferred = new ArrayList<>();              // one label per row
        for (int i = 0; i < n; i++) {
            preferred.add(i % 2 == 0 ? "vertical" : "cross");
            for (int j = 0; j < d; j++) {
                fields[i * d + j] = (float) Math.sin(i + j * 0.1);
            }
        }
        log.addEmbedding("Receptive fields", Embedding.of(fields, n, d)
            .labels(preferred)
            .thumbnails(Images.gray(fields, n, 5, 5).equalizedPerImage()), step);

        List<List<Object>> rows = new ArrayList<>();             // or several columns, with a header
        for (int i = 0; i < n; i++) {
            rows.add(List.of(preferred.get(i), i, i / 10, i % 10));
        }
        log.addEmbedding("Receptive fields", Embedding.of(fields, n, d)
            .metadata(List.of("pattern", "neuron", "row", "column"), rows), step + 1);
        log.close();
        ProjectorConfig.Builder config = ProjectorConfig.newBuilder();
        TextFormat.merge(Files.readString(log.runDir().resolve(
            "plugins/org_tensorflow_tensorboard_projector/projector_config.pbtxt")), config);
        assertThat(config.getEmbeddingsList()).extracting(EmbeddingInfo::getTensorName)
            .containsExactly("Receptive fields:00010", "Receptive fields:00011");
        assertThat(config.getEmbeddings(0).getSprite().getSingleImageDimList()).containsExactly(5, 5);
    }

    @Test
    void shouldRunTheMeshExample() {
        long step = 2;
        double[] rate = new double[100];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = (i % 7) / 7.0;
        }
        Logger log = logger();
        int side = 10;
        float[] xyz = new float[side * side * 3];                // x, y, z of each vertex in turn
        byte[] rgb = new byte[side * side * 3];                  // r, g, b per vertex, 0..255
        for (int i = 0; i < side * side; i++) {
            xyz[i * 3] = i % side;
            xyz[i * 3 + 1] = i / side;
            xyz[i * 3 + 2] = (float) rate[i];                    // the grid lifted by each unit's rate
            rgb[i * 3] = (byte) (255 * rate[i]);
        }
        int[] triangles = new int[(side - 1) * (side - 1) * 6];  // three vertex indices per face
        int f = 0;
        for (int y = 0; y < side - 1; y++) {
            for (int x = 0; x < side - 1; x++) {
                int v = y * side + x;
                for (int corner : new int[] {v, v + 1, v + side, v + 1, v + side + 1, v + side}) {
                    triangles[f++] = corner;
                }
            }
        }
        log.addMesh("Sheet/Rate surface", Mesh.of(xyz).faces(triangles).colors(rgb)
            .config(Map.of("camera", Map.of("cls", "PerspectiveCamera", "fov", 75))), step);
        log.addMesh("Cloud", Mesh.of(xyz), step);               // vertices only: a point cloud
        log.close();
        List<Event> events = TestEvents.read(log.runDir());
        assertThat(TestEvents.withTag(events, "Sheet/Rate surface_FACE").get(0).getSummary().getValue(0).getTensor()
            .getTensorContent().size()).isEqualTo(triangles.length * 4);
        assertThat(TestEvents.withTag(events, "Cloud_VERTEX")).hasSize(1);
        assertThat(TestEvents.withTag(events, "Cloud_FACE")).isEmpty();
    }
}
