package dev.tblog.graph;

import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.proto.Event;

import java.io.IOException;

/**
 * The consumer half of the graph kind: writes the serialized {@code GraphDef} as the run graph,
 * {@code Event.graph_def} (field 4), at the payload's step, as the Python writers' {@code add_graph}
 * does. TensorBoard shows one run graph per run: the last one it reads.
 * <pre>
 * Event   09 &lt;wall_time&gt; [10 &lt;step&gt;] 22 len &lt;GraphDef bytes&gt;
 * </pre>
 *
 * <p>Thread contract: consumer thread only; stateless.
 */
final class GraphEncoder implements PayloadEncoder {
    /** The graph kind: drops are counted as {@code "graph"}. */
    public static final PayloadKind<GraphEncoder> KIND = PayloadKind.of("graph", GraphEncoder.class, GraphEncoder::new);

    void write(GraphPayload graph, EventWriter out, long wallTimeMillis) throws IOException {
        out.writeEventBytes(null, graph.step(), wallTimeMillis, Event.GRAPH_DEF_FIELD_NUMBER, graph.graphDef());
    }
}
