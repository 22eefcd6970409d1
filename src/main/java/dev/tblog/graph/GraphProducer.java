package dev.tblog.graph;

import dev.tblog.ring.Publisher;

/**
 * The producer half of the graph kind ({@code addGraph}): publishes the graph's bytes, made and
 * checked once when the graph was built. A graph is logged once per run (or once per step where the
 * user asks), so no burst may drop it: it waits for room under either overflow policy, bounded by
 * the stall timeout like every call (a give-up is counted as a "graph" drop).
 *
 * <p>Thread contract: any thread; stateless.
 */
public final class GraphProducer {
    private final Publisher publisher;

    public GraphProducer(Publisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Logs the run graph at {@code step}.
     *
     * @param graphDef a serialized {@code GraphDef} from {@link GraphSpec#encode()}, never modified
     * @throws IllegalStateException the logger is closed
     */
    public void add(byte[] graphDef, long step) {
        publisher.publishUnlessStalled(new GraphPayload(step, graphDef));
    }
}
