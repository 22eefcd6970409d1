package dev.tblog.tensorboard;

import com.google.protobuf.TextFormat;
import dev.tblog.Logger;
import dev.tblog.proto.AttrValue;
import dev.tblog.proto.GraphDef;
import dev.tblog.proto.NodeDef;
import dev.tblog.tensorboard.LogCalls.Edge;
import dev.tblog.tensorboard.LogCalls.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GRAPHS as TensorBoard shows what tblog wrote: the graphs plugin lists each run's graph, and its
 * {@code /graph} route (TensorBoard's own text form of the GraphDef, parsed here with the generated
 * classes) holds every node with its op, '/'-scoped name and attributes, and every edge as an input of
 * its target; a run that logged its graph at several steps shows the last one.
 */
class GraphsDashboardTest {
    private static final String MAP_RUN = "kohonen";
    private static final String CHANGING_RUN = "growing";

    /** The demo's map: input, projection and sheet, with their attributes of every type. */
    private static final List<Node> MAP_NODES = List.of(
        new Node("Input", "Population", attributes("size", 25, "model", "pattern", "shape", new int[] {5, 5})),
        new Node("Map/Afferent", "Projection", attributes("weights", 2500L, "rule", "competitive Hebbian",
            "learning_rate", 0.05, "plastic", true, "delays", new double[] {1.5, 2.5}, "tags",
            List.of("plastic", "dense"))),
        new Node("Map/Sheet", "Population", attributes("size", 100, "model", "rate", "tau", 10.0f,
            "layout", new String[] {"grid", "torus"})),
        new Node("Readout", "Decoder", Map.of()));
    private static final List<Edge> MAP_EDGES = List.of(new Edge("Input", "Map/Afferent"),
        new Edge("Map/Afferent", "Map/Sheet"), new Edge("Map/Sheet", "Readout"), new Edge("Input", "Readout"));

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(GraphsDashboardTest::write);

    private static Map<String, Object> attributes(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, MAP_RUN)) {
            LogCalls.graph(log, MAP_NODES, MAP_EDGES, Map.of("Input", new long[] {5, 5}, "Map/Sheet", new long[] {100}),
                null);
            LogCalls.scalar(log, "accuracy", 0.5, 1);
        }
        try (Logger log = LogCalls.logger(logdir, CHANGING_RUN)) {
            LogCalls.graph(log, List.of(new Node("a", "A", Map.of())), List.of(), Map.of(), 0L);
            LogCalls.graph(log, List.of(new Node("a", "A", Map.of()), new Node("b", "B", Map.of())),
                List.of(new Edge("a", "b")), Map.of(), 10L);
        }
    }

    @Test
    void shouldListARunGraphForEachRunThatLoggedOne() {
        var info = tensorBoard.get("/data/plugin/graphs/info");
        assertThat(info.path(MAP_RUN).path("run_graph").asBoolean()).isTrue();
        assertThat(info.path(CHANGING_RUN).path("run_graph").asBoolean()).isTrue();
    }

    @Test
    void shouldServeEveryNodeWithItsOpInTheOrderLogged() {
        GraphDef graph = graph(MAP_RUN);
        assertThat(graph.getNodeList()).extracting(NodeDef::getName)
            .containsExactly("Input", "Map/Afferent", "Map/Sheet", "Readout");
        assertThat(graph.getNodeList()).extracting(NodeDef::getOp)
            .containsExactly("Population", "Projection", "Population", "Decoder");
    }

    @Test
    void shouldServeEveryEdgeAsAnInputOfItsTarget() {
        Map<String, List<String>> inputs = graph(MAP_RUN).getNodeList().stream()
            .collect(Collectors.toMap(NodeDef::getName, NodeDef::getInputList));
        assertThat(inputs).containsOnly(
            Map.entry("Input", List.of()),
            Map.entry("Map/Afferent", List.of("Input")),
            Map.entry("Map/Sheet", List.of("Map/Afferent")),
            Map.entry("Readout", List.of("Map/Sheet", "Input")));
    }

    @Test
    void shouldServeTheAttributesOfEveryType() {
        Map<String, NodeDef> nodes = graph(MAP_RUN).getNodeList().stream()
            .collect(Collectors.toMap(NodeDef::getName, n -> n));
        Map<String, AttrValue> input = nodes.get("Input").getAttrMap();
        assertThat(input.get("size").getI()).isEqualTo(25);
        assertThat(input.get("model").getS().toStringUtf8()).isEqualTo("pattern");
        assertThat(input.get("shape").getList().getIList()).containsExactly(5L, 5L);
        Map<String, AttrValue> projection = nodes.get("Map/Afferent").getAttrMap();
        assertThat(projection.get("weights").getI()).isEqualTo(2500);
        assertThat(projection.get("rule").getS().toStringUtf8()).isEqualTo("competitive Hebbian");
        assertThat(projection.get("learning_rate").getF()).isEqualTo(0.05f);
        assertThat(projection.get("plastic").getB()).isTrue();
        assertThat(projection.get("delays").getList().getFList()).containsExactly(1.5f, 2.5f);
        assertThat(projection.get("tags").getList().getSList()).extracting(b -> b.toStringUtf8())
            .containsExactly("plastic", "dense");
        Map<String, AttrValue> sheet = nodes.get("Map/Sheet").getAttrMap();
        assertThat(sheet.get("tau").getF()).isEqualTo(10.0f);
        assertThat(sheet.get("layout").getList().getSList()).extracting(b -> b.toStringUtf8())
            .containsExactly("grid", "torus");
        assertThat(nodes.get("Readout").getAttrMap()).isEmpty();
    }

    @Test
    void shouldServeOutputShapesForTheEdgeLabels() {
        Map<String, NodeDef> nodes = graph(MAP_RUN).getNodeList().stream()
            .collect(Collectors.toMap(NodeDef::getName, n -> n));
        assertThat(nodes.get("Input").getAttrMap().get("_output_shapes").getList().getShape(0).getDimList())
            .extracting(d -> d.getSize()).containsExactly(5L, 5L);
        assertThat(nodes.get("Map/Sheet").getAttrMap().get("_output_shapes").getList().getShape(0).getDimList())
            .extracting(d -> d.getSize()).containsExactly(100L);
        assertThat(nodes.get("Map/Afferent").getAttrMap()).doesNotContainKey("_output_shapes");
    }

    @Test
    void shouldShowTheLastGraphOfARunThatLoggedSeveral() {
        GraphDef graph = graph(CHANGING_RUN);
        assertThat(graph.getNodeList()).extracting(NodeDef::getName).containsExactly("a", "b");
        assertThat(graph.getNode(1).getInputList()).containsExactly("a");
    }

    /** The run graph as TensorBoard serves it: the GraphDef's text form. */
    private static GraphDef graph(String run) {
        byte[] body = tensorBoard.getBytes("/data/plugin/graphs/graph?run=" + run);
        GraphDef.Builder graph = GraphDef.newBuilder();
        try {
            TextFormat.merge(new String(body, StandardCharsets.UTF_8), graph);
        } catch (TextFormat.ParseException e) {
            throw new AssertionError("TensorBoard's graph is not a GraphDef in text form: "
                + new String(body, StandardCharsets.UTF_8), e);
        }
        return graph.build();
    }
}
