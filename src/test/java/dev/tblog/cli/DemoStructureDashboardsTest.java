package dev.tblog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.TextFormat;
import dev.tblog.proto.GraphDef;
import dev.tblog.proto.NodeDef;
import dev.tblog.tensorboard.TensorBoardBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo in the GRAPHS, PROJECTOR and MESH tabs, as TensorBoard shows them for every run of the
 * sweep (2 runs of 12 trials, run as the command line runs it): the map's graph with the
 * projection's size, the receptive fields as an embedding at the first and last trial (labelled with
 * each neuron's preferred pattern, drawn as the fields), and the sheet lifted by its firing rates.
 */
class DemoStructureDashboardsTest {
    private static final int TRIALS = 12;
    private static final List<String> RATES = List.of("0.05", "0.2");
    private static final int NEURONS = 100;
    private static final int FIELD = 5;
    private static final List<String> PATTERNS = List.of("vertical", "horizontal", "diagonal", "cross", "frame", "dot");

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(logdir -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.standard().run(List.of("demo", "--logdir", logdir.toString(), "--runs", "2",
                "--trials", Integer.toString(TRIALS), "--seed", "3"),
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).as("demo: %s", out.toString(StandardCharsets.UTF_8)).isZero();
    });

    /** The sweep's run of each learning rate. */
    private static List<String> runs() {
        List<String> runs = new ArrayList<>();
        tensorBoard.get("/data/runs").forEach(r -> runs.add(r.asText()));
        List<String> sweep = runs.stream().filter(r -> r.matches("sweep-[^/]+/lr-[0-9.]+")).sorted().toList();
        assertThat(sweep).hasSize(RATES.size());
        return sweep;
    }

    @Test
    void shouldDrawTheMapsGraphWithTheProjectionsSize() throws Exception {
        for (String run : runs()) {
            GraphDef.Builder graph = GraphDef.newBuilder();
            TextFormat.merge(new String(tensorBoard.getBytes("/data/plugin/graphs/graph?run="
                + URLEncoder.encode(run, StandardCharsets.UTF_8)), StandardCharsets.UTF_8), graph);
            Map<String, NodeDef> nodes = graph.getNodeList().stream().collect(Collectors.toMap(NodeDef::getName, n -> n));
            assertThat(nodes).containsOnlyKeys("Input", "Map/Afferent", "Map/Sheet");
            assertThat(nodes.get("Map/Afferent").getInputList()).containsExactly("Input");
            assertThat(nodes.get("Map/Sheet").getInputList()).containsExactly("Map/Afferent");
            NodeDef projection = nodes.get("Map/Afferent");
            assertThat(projection.getOp()).isEqualTo("Projection");
            assertThat(projection.getAttrMap().get("weights").getList().getIList()).containsExactly((long) NEURONS, 25L);
            assertThat(projection.getAttrMap().get("learning_rate").getF())
                .isEqualTo(Float.parseFloat(run.substring(run.lastIndexOf("lr-") + 3)));
            assertThat(nodes.get("Map/Sheet").getAttrMap().get("size").getI()).isEqualTo(NEURONS);
        }
    }

    @Test
    void shouldShowTheReceptiveFieldsAsAnEmbeddingAtTheFirstAndLastTrial() throws IOException {
        assertThat(texts(tensorBoard.get("/data/plugin/projector/runs"))).containsAll(runs());
        for (String run : runs()) {
            JsonNode embeddings = tensorBoard.get("/data/plugin/projector/info", "run", run).get("embeddings");
            List<String> names = new ArrayList<>();
            embeddings.forEach(e -> names.add(e.get("tensorName").asText()));
            String last = String.format("Receptive fields:%05d", TRIALS - 1);
            assertThat(names).containsExactly("Receptive fields:00000", last);
            for (JsonNode e : embeddings) {
                assertThat(texts(e.get("tensorShape"))).containsExactly("100", "25");
            }
            String query = "?run=" + URLEncoder.encode(run, StandardCharsets.UTF_8) + "&name="
                + URLEncoder.encode(last, StandardCharsets.UTF_8);
            byte[] tensor = tensorBoard.getBytes("/data/plugin/projector/tensor" + query);
            assertThat(tensor).hasSize(NEURONS * FIELD * FIELD * 4);
            float[] weights = new float[NEURONS * FIELD * FIELD];
            ByteBuffer.wrap(tensor).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(weights);
            for (float w : weights) {
                assertThat(w).isBetween(-0.5f, 1.5f);
            }
            String[] lines = new String(tensorBoard.getBytes("/data/plugin/projector/metadata" + query),
                StandardCharsets.UTF_8).split("\n");
            assertThat(lines[0]).isEqualTo("pattern\tneuron\trow\tcolumn");
            assertThat(lines).hasSize(NEURONS + 1);
            for (int n = 0; n < NEURONS; n++) {
                String[] cells = lines[n + 1].split("\t");
                assertThat(PATTERNS).contains(cells[0]);
                assertThat(cells).containsSubsequence(String.valueOf(n), String.valueOf(n / 10), String.valueOf(n % 10));
            }
            BufferedImage sprite = ImageIO.read(new ByteArrayInputStream(
                tensorBoard.getBytes("/data/plugin/projector/sprite_image" + query)));
            assertThat(sprite.getWidth()).isEqualTo(10 * FIELD);
            assertThat(sprite.getHeight()).isEqualTo(10 * FIELD);
        }
    }

    @Test
    void shouldLiftTheSheetByItsFiringRatesAtEachPictureStep() {
        String tag = "Population/Firing rate surface";
        for (String run : runs()) {
            assertThat(tensorBoard.get("/data/plugin/mesh/tags").get(run).has(tag)).isTrue();
            JsonNode meshes = tensorBoard.get("/data/plugin/mesh/meshes", "run", run, "tag", tag);
            List<Long> steps = new ArrayList<>();
            meshes.forEach(m -> steps.add(m.get("step").asLong()));
            assertThat(steps).contains(0L, 5L, 10L, (long) TRIALS - 1);
            String query = "/data/plugin/mesh/data?run=" + URLEncoder.encode(run, StandardCharsets.UTF_8) + "&tag="
                + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "&sample=0&step=" + (TRIALS - 1) + "&content_type=";
            float[] xyz = new float[NEURONS * 3];
            ByteBuffer.wrap(tensorBoard.getBytes(query + "VERTEX")).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(xyz);
            float highest = 0;
            for (int n = 0; n < NEURONS; n++) {
                assertThat(xyz[n * 3]).isEqualTo(n % 10);
                assertThat(xyz[n * 3 + 1]).isEqualTo(n / 10);
                highest = Math.max(highest, xyz[n * 3 + 2]);
            }
            assertThat(highest).as("the most active neuron at the top").isEqualTo(4f);
            assertThat(tensorBoard.getBytes(query + "FACE")).hasSize(9 * 9 * 2 * 3 * 4);
            assertThat(tensorBoard.getBytes(query + "COLOR")).hasSize(NEURONS * 3);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
