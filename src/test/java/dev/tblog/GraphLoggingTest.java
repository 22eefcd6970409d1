package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.proto.GraphDef;
import dev.tblog.proto.NodeDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code addGraph} round trip, decoded with the generated classes: the run graph is the event's
 * {@code graph_def} at the step asked for, nodes in order with their edges as inputs; cycles and
 * dangling edges fail where the graph is built, naming them.
 */
class GraphLoggingTest {
    @TempDir
    Path root;

    private Logger logger() {
        return Logger.builder().logdir(root).experiment("run").set("shutdownHook.enabled", "false").build();
    }

    private static Graph populations() {
        return Graph.builder()
            .node("Input", "Population", Map.of("size", 25))
            .node("Map/Sheet", "Population", Map.of("size", 100, "model", "rate"))
            .edge("Input", "Map/Sheet")
            .build();
    }

    @Test
    void shouldWriteTheGraphAsTheEventsGraphDefAtStepZero() throws Exception {
        Logger log = logger();
        log.addGraph(populations());
        log.close();
        List<Event> graphs = TestEvents.read(log.runDir()).stream().filter(Event::hasGraphDef).toList();
        assertThat(graphs).hasSize(1);
        assertThat(graphs.get(0).getStep()).isZero();
        GraphDef graph = GraphDef.parseFrom(graphs.get(0).getGraphDef());
        assertThat(graph.getNodeList()).extracting(NodeDef::getName).containsExactly("Input", "Map/Sheet");
        assertThat(graph.getNode(1).getInputList()).containsExactly("Input");
        assertThat(graph.getNode(1).getAttrMap().get("model").getS().toStringUtf8()).isEqualTo("rate");
        assertThat(graph.getNode(0).getAttrMap().get("size").getI()).isEqualTo(25);
    }

    @Test
    void shouldWriteAGraphPerStepWhenAsked() throws Exception {
        Logger log = logger();
        Graph graph = populations();
        log.addGraph(graph, 3);
        log.addGraph(graph, 9);
        log.close();
        assertThat(TestEvents.read(log.runDir()).stream().filter(Event::hasGraphDef).map(Event::getStep))
            .containsExactly(3L, 9L);
        assertThat(log.stats().written()).isEqualTo(2);
    }

    @Test
    void shouldCountItsNodesAndEdges() {
        Graph graph = populations();
        assertThat(graph.nodeCount()).isEqualTo(2);
        assertThat(graph.edgeCount()).isEqualTo(1);
        assertThat(graph).hasToString("Graph[2 nodes, 1 edges]");
    }

    @Test
    void shouldRejectACycleNamingIt() {
        Graph.Builder builder = Graph.builder().node("a", "A").node("b", "B").node("c", "C").node("d", "D")
            .edge("d", "a").edge("a", "b").edge("b", "c").edge("c", "a");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("graph has a cycle: a -> b -> c -> a (a logged graph must be acyclic)");
    }

    @Test
    void shouldRejectASelfLoop() {
        assertThatThrownBy(() -> Graph.builder().node("a", "A").edge("a", "a").build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle: a -> a");
    }

    @Test
    void shouldRejectADanglingEdgeNamingTheMissingNode() {
        assertThatThrownBy(() -> Graph.builder().node("a", "A").edge("a", "nowhere").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("graph edge 'a' -> 'nowhere' is dangling: there is no node 'nowhere'");
    }

    @Test
    void shouldAcceptEdgesNamedBeforeTheirNodes() {
        Graph graph = Graph.builder().edge("a", "b").node("b", "B").node("a", "A").build();
        assertThat(graph.edgeCount()).isEqualTo(1);
    }

    @Test
    void shouldFindNoCycleInALongChainOrADiamond() {
        Graph.Builder chain = Graph.builder();
        int n = 200_000; // deep enough to overflow a recursive search
        for (int i = 0; i < n; i++) {
            chain.node("n" + i, "Op");
            if (i > 0) {
                chain.edge("n" + (i - 1), "n" + i);
            }
        }
        assertThat(chain.build().nodeCount()).isEqualTo(n);
        Graph diamond = Graph.builder().node("a", "A").node("b", "B").node("c", "C").node("d", "D")
            .edge("a", "b").edge("a", "c").edge("b", "d").edge("c", "d").build();
        assertThat(diamond.edgeCount()).isEqualTo(4);
    }

    @Test
    void shouldFindACycleAtTheEndOfALongChain() {
        Graph.Builder chain = Graph.builder();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            chain.node("n" + i, "Op");
            if (i > 0) {
                chain.edge("n" + (i - 1), "n" + i);
            }
        }
        chain.edge("n" + (n - 1), "n" + (n - 3));
        assertThatThrownBy(chain::build).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cycle: n99997 -> n99998 -> n99999 -> n99997");
    }
}
