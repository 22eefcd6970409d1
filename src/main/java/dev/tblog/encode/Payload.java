package dev.tblog.encode;

import java.io.IOException;

/**
 * An event kind other than the scalar: what a producer publishes in a slot, and what the consumer
 * turns into records (an image: equalize, tile, PNG; a histogram: bin; hparams: three summaries and
 * the metrics). Adding an event kind is adding a payload.
 *
 * <p>Thread contract: built and published by one producer; {@link #writeTo} and {@link #release}
 * run on the consumer thread only.
 */
public interface Payload {
    /**
     * Encodes this payload's records.
     *
     * @param out the writer bound to the logger's runs
     * @param wallTimeMillis when the producer made the call
     */
    void writeTo(PayloadWriter out, long wallTimeMillis) throws IOException;

    /** Gives back pooled memory; called exactly once, after {@link #writeTo} or instead of it. */
    default void release() {
    }

    /**
     * The event kind, for the per-kind drop counts of {@code stats()} (e.g. "text", "image",
     * "histogram"); "payload" by default. A constant: it is read on the drop path.
     */
    default String kind() {
        return "payload";
    }
}
