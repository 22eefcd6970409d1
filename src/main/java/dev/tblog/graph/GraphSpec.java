package dev.tblog.graph;

import dev.tblog.proto.AttrValue;
import dev.tblog.proto.GraphDef;
import dev.tblog.proto.NodeDef;
import dev.tblog.proto.TensorShapeProto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph as the user describes it (nodes with an op and attributes, directed edges, optional
 * output shapes), checked and encoded as the {@code GraphDef} that TensorBoard's GRAPHS tab draws:
 * one {@code NodeDef} per node, in the order added, whose {@code input} lists the sources of its
 * incoming edges; '/' in a name makes the groups TensorBoard folds.
 *
 * <p>Checked as it is built ({@link IllegalArgumentException} naming the value): node names
 * ({@link NodeNames}), a node added twice, ops, attribute keys and values ({@link AttrValues}),
 * shape sizes. Checked by {@link #encode()}: every edge and shape names a node, and the edges have
 * no cycle ({@link Cycles}). TensorFlow's own graphs may have cycles through control flow; a graph
 * of populations and projections logged here may not, so that TensorBoard's layout reads top to
 * bottom, from inputs to outputs.
 *
 * <p>Uses the generated protobuf classes: a graph is encoded once per {@code build()}, never on a
 * hot path.
 *
 * <p>Thread contract: not thread-safe; confine to the thread building the graph.
 */
public final class GraphSpec {
    /** The attribute TensorBoard reads a node's output shapes from, shown on its outgoing edges. */
    public static final String OUTPUT_SHAPES_ATTR = "_output_shapes";

    private final Map<String, NodeDef.Builder> nodes = new LinkedHashMap<>();
    private final List<String[]> edges = new ArrayList<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    /**
     * Adds a node.
     *
     * @param attributes key to value, see {@link AttrValues#of} for the types; may be empty
     * @throws IllegalArgumentException a bad name, op, key or value, or a name already added
     */
    public void node(String name, String op, Map<String, ?> attributes) {
        NodeNames.checkName(name);
        NodeNames.checkOp(name, op);
        if (nodes.containsKey(name)) {
            throw new IllegalArgumentException("graph node '" + name + "' is already in the graph");
        }
        if (attributes == null) {
            throw new IllegalArgumentException("attributes of graph node '" + name + "' must not be null");
        }
        NodeDef.Builder node = NodeDef.newBuilder().setName(name).setOp(op);
        for (Map.Entry<String, ?> a : attributes.entrySet()) {
            String key = a.getKey();
            NodeNames.checkAttributeKey(name, key);
            if (key.equals(OUTPUT_SHAPES_ATTR)) {
                throw new IllegalArgumentException("attribute '" + OUTPUT_SHAPES_ATTR + "' of graph node '" + name
                    + "' is reserved: set it with shape(node, dims...)");
            }
            node.putAttr(key, AttrValues.of(name, key, a.getValue()));
        }
        nodes.put(name, node);
    }

    /**
     * Adds a directed edge {@code from -> to}; both nodes may be added later, {@link #encode()}
     * checks they exist.
     *
     * @throws IllegalArgumentException a null or badly formed name
     */
    public void edge(String from, String to) {
        NodeNames.checkName(from);
        NodeNames.checkName(to);
        edges.add(new String[] {from, to});
    }

    /**
     * The size of what flows out of {@code node}, which TensorBoard writes on its outgoing edges,
     * e.g. {@code 25} or {@code 10x10}.
     *
     * @param dims each {@code >= 0}, or -1 for unknown; at least one
     * @throws IllegalArgumentException a bad name, no dimension, a dimension below -1, a node given twice
     */
    public void shape(String node, long... dims) {
        NodeNames.checkName(node);
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("shape of graph node '" + node + "' needs at least one dimension");
        }
        for (long d : dims) {
            if (d < -1) {
                throw new IllegalArgumentException("shape of graph node '" + node + "' has dimension " + d
                    + ": sizes are >= 0, or -1 for unknown");
            }
        }
        if (shapes.putIfAbsent(node, dims.clone()) != null) {
            throw new IllegalArgumentException("shape of graph node '" + node + "' is already set");
        }
    }

    /** Nodes added so far. */
    public int nodeCount() {
        return nodes.size();
    }

    /** Edges added so far. */
    public int edgeCount() {
        return edges.size();
    }

    /**
     * The serialized {@code GraphDef}.
     *
     * @throws IllegalArgumentException an edge or shape naming no node ("dangling"), or a cycle
     *     (the message lists it: {@code a -> b -> a})
     */
    public byte[] encode() {
        Map<String, List<String>> successors = new LinkedHashMap<>();
        for (String name : nodes.keySet()) {
            successors.put(name, new ArrayList<>());
        }
        for (String[] e : edges) {
            for (String end : e) {
                if (!nodes.containsKey(end)) {
                    throw new IllegalArgumentException("graph edge '" + e[0] + "' -> '" + e[1]
                        + "' is dangling: there is no node '" + end + "'");
                }
            }
            successors.get(e[0]).add(e[1]);
        }
        for (String node : shapes.keySet()) {
            if (!nodes.containsKey(node)) {
                throw new IllegalArgumentException("shape of graph node '" + node + "': there is no such node");
            }
        }
        List<String> cycle = Cycles.find(successors);
        if (!cycle.isEmpty()) {
            throw new IllegalArgumentException("graph has a cycle: " + String.join(" -> ", cycle)
                + " (a logged graph must be acyclic)");
        }
        GraphDef.Builder graph = GraphDef.newBuilder();
        Map<String, NodeDef.Builder> withInputs = new LinkedHashMap<>();
        for (Map.Entry<String, NodeDef.Builder> n : nodes.entrySet()) {
            withInputs.put(n.getKey(), n.getValue().clone());
        }
        for (String[] e : edges) {
            withInputs.get(e[1]).addInput(e[0]);
        }
        for (Map.Entry<String, long[]> s : shapes.entrySet()) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (long d : s.getValue()) {
                shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
            }
            withInputs.get(s.getKey()).putAttr(OUTPUT_SHAPES_ATTR,
                AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder().addShape(shape)).build());
        }
        for (NodeDef.Builder node : withInputs.values()) {
            graph.addNode(node);
        }
        return graph.build().toByteArray();
    }
}
