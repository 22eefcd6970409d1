package dev.tblog.graph;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;

import java.io.IOException;

/**
 * One {@code addGraph} call as it travels through the ring: the step and the serialized
 * {@code GraphDef}, which the immutable graph value made once and shares. Plain data;
 * {@link GraphEncoder} writes it.
 *
 * <p>Thread contract: built by one producer, immutable from then on.
 */
final class GraphPayload implements Payload {
    private final long step;
    private final byte[] graphDef;

    /** @param graphDef never modified by anyone */
    GraphPayload(long step, byte[] graphDef) {
        this.step = step;
        this.graphDef = graphDef;
    }

    @Override
    public PayloadKind<GraphEncoder> kind() {
        return GraphEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(GraphEncoder.KIND).write(this, out, wallTimeMillis);
    }

    long step() {
        return step;
    }

    byte[] graphDef() {
        return graphDef;
    }

    @Override
    public String toString() {
        return "GraphPayload[step " + step + ", " + graphDef.length + " bytes]";
    }
}
