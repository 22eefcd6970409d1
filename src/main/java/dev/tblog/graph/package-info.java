/**
 * The graph kind ({@code addGraph}), in one place: the graph as the user describes it, checked and
 * encoded once ({@link dev.tblog.graph.GraphSpec}: names, attributes, no dangling edge, no cycle),
 * the producer half ({@link dev.tblog.graph.GraphProducer}), the plain-data payload, and the
 * consumer half ({@code GraphEncoder}: {@code Event.graph_def}, the run graph of TensorBoard's
 * GRAPHS tab).
 *
 * <p>Thread contract: a graph is built on one thread; the producer half on any producer thread,
 * the encoder on the consumer.
 */
package dev.tblog.graph;
