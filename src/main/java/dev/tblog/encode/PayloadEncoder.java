package dev.tblog.encode;

/**
 * The consumer-side half of an event kind: turns the kind's payloads into records, keeping whatever
 * it reuses from one payload to the next (rasters, a PNG encoder, histogram accumulators, a summary
 * body). The consumer keeps one per kind in its {@link Encoders}, made on first use, closed with the
 * logger's files. Each kind declares its own {@code write(ThePayload, EventWriter, long)}.
 *
 * <p>Thread contract: consumer thread only.
 */
public interface PayloadEncoder extends AutoCloseable {
    /** Frees what the encoder holds outside the heap (e.g. a {@code Deflater}); nothing by default. */
    @Override
    default void close() {
    }
}
