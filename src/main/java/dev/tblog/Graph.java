package dev.tblog;

import dev.tblog.graph.GraphSpec;

import java.util.Map;

/**
 * The structure of a simulation for {@link Logger#addGraph(Graph)}, drawn in TensorBoard's GRAPHS
 * tab: nodes (a population, a projection, an input) with an op (their kind) and attributes (size,
 * neuron model, learning rule), and directed edges between them. A '/' in a name groups nodes: the
 * group {@code Map} folds {@code Map/Sheet} and {@code Map/Afferent} into one box that opens on a
 * click.
 * <pre>{@code
 * Graph graph = Graph.builder()
 *     .node("Input", "Population", Map.of("size", 25, "model", "pattern"))
 *     .node("Map/Afferent", "Projection", Map.of("weights", new int[] {25, 100}, "rule", "Hebbian"))
 *     .node("Map/Sheet", "Population", Map.of("size", 100, "model", "rate"))
 *     .edge("Input", "Map/Afferent")
 *     .edge("Map/Afferent", "Map/Sheet")
 *     .shape("Input", 25)              // written on the edge out of Input
 *     .build();
 * log.addGraph(graph);
 * }</pre>
 *
 * <p>Written as the Python writers' {@code add_graph} writes it: a {@code GraphDef} in the event's
 * {@code graph_def}, one {@code NodeDef} per node whose {@code input} lists the sources of its
 * edges. Attribute values: {@code String} and enums (text), {@code Boolean}, integers
 * ({@code int64}), {@code Float} and {@code Double} (stored as 32-bit floats), and arrays of them
 * ({@code int[]}, {@code long[]}, {@code float[]}, {@code double[]}, {@code String[]}, a
 * {@code List<String>}).
 *
 * <p>A graph is checked as it is built, and {@link Builder#build()} throws
 * {@link IllegalArgumentException} naming the value for: a null, blank or badly formed node name
 * (control characters, ':', a leading '^', an empty group such as {@code a//b}), a node added
 * twice, a blank op, an attribute of another type, a <b>dangling edge</b> (one end names no node)
 * and a <b>cycle</b> ({@code "graph has a cycle: A -> B -> A"}). TensorFlow's own graphs may loop
 * through control flow; a graph logged with tblog must be acyclic, so that TensorBoard lays it out
 * from inputs to outputs.
 *
 * <p>Thread contract: a {@code Graph} is immutable, any thread; its {@link Builder} is not
 * thread-safe.
 */
public final class Graph {
    private final byte[] graphDef;
    private final int nodes;
    private final int edges;

    private Graph(byte[] graphDef, int nodes, int edges) {
        this.graphDef = graphDef;
        this.nodes = nodes;
        this.edges = edges;
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of nodes in the graph} */
    public int nodeCount() {
        return nodes;
    }

    /** {@return the number of edges in the graph} */
    public int edgeCount() {
        return edges;
    }

    /** The serialized {@code GraphDef}; shared, never modified. */
    byte[] graphDef() {
        return graphDef;
    }

    @Override
    public String toString() {
        return "Graph[" + nodes + " nodes, " + edges + " edges]";
    }

    /**
     * Collects nodes, edges and shapes; {@link #build()} checks the whole and makes the
     * {@link Graph}. Edges may name nodes added later.
     *
     * <p>Thread contract: not thread-safe; confine to one thread.
     */
    public static final class Builder {
        private final GraphSpec spec = new GraphSpec();

        private Builder() {
        }

        /**
         * Adds a node without attributes.
         *
         * @param name unique; '/' groups nodes
         * @param op what kind of node it is, e.g. {@code "Population"}, shown as its operation
         * @return this builder
         */
        public Builder node(String name, String op) {
            return node(name, op, Map.of());
        }

        /**
         * Adds a node.
         *
         * @param name unique; '/' groups nodes
         * @param op what kind of node it is, e.g. {@code "Population"}, shown as its operation
         * @param attributes shown in the node's card; see {@link Graph} for the value types
         * @return this builder
         * @throws IllegalArgumentException a bad name, op, key or value, or a node added twice
         */
        public Builder node(String name, String op, Map<String, ?> attributes) {
            spec.node(name, op, attributes);
            return this;
        }

        /**
         * Adds a directed edge.
         *
         * @param from the name of the node the edge leaves, which becomes an input of {@code to}; it may be
         *     added later
         * @param to the name of the node the edge enters; it may be added later
         * @return this builder
         * @throws IllegalArgumentException a null or badly formed name
         */
        public Builder edge(String from, String to) {
            spec.edge(from, to);
            return this;
        }

        /**
         * The size of what flows out of {@code node}, e.g. {@code shape("Input", 5, 5)}: TensorBoard
         * writes it on the node's outgoing edges ({@code 5x5}).
         *
         * @param node the name of the node, at most one shape per node
         * @param dims each {@code >= 0}, or -1 for unknown
         * @return this builder
         * @throws IllegalArgumentException a bad name, no dimension, a dimension below -1, a node given twice
         */
        public Builder shape(String node, long... dims) {
            spec.shape(node, dims);
            return this;
        }

        /**
         * Checks the graph and makes it.
         *
         * @return the immutable graph of the nodes, edges and shapes added so far
         * @throws IllegalArgumentException a dangling edge or shape, or a cycle (the message lists it)
         */
        public Graph build() {
            return new Graph(spec.encode(), spec.nodeCount(), spec.edgeCount());
        }
    }
}
