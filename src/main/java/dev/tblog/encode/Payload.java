package dev.tblog.encode;

import java.io.IOException;

/**
 * An event of a kind other than the scalar, as a producer publishes it in a ring slot: plain data
 * (final fields, built and validated on the producer's thread), which the consumer hands to its
 * kind's encoder. The payload holds no encoding state; what encoding needs between calls (rasters,
 * a PNG encoder, accumulators) belongs to the {@link PayloadEncoder} the consumer keeps per kind.
 *
 * <p>Dispatch is explicit and costs no lookup by class: {@link #writeTo} names its encoder,
 * {@code encoders.get(KIND).write(this, out, wallTimeMillis)}.
 *
 * <p>Thread contract: built and published by one producer, immutable from then on; {@link #writeTo}
 * and {@link #release} run on the consumer thread (or {@code release} on the producer's, when the
 * payload was dropped before it was published).
 */
public interface Payload {
    /** The kind: its name for the drop counts, and its encoder. A constant. */
    PayloadKind<?> kind();

    /**
     * Encodes this payload's records with its kind's encoder.
     *
     * @param encoders the consumer's encoders, one per kind
     * @param out the writer bound to the logger's runs
     * @param wallTimeMillis when the producer made the call
     */
    void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException;

    /** Gives back pooled memory; called exactly once, after {@link #writeTo} or instead of it. */
    default void release() {
    }
}
