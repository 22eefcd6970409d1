package dev.tblog.encode;

import java.io.IOException;

/**
 * What a {@link Payload} may write: summary values into the main run or a named sub-run.
 *
 * <p>Thread contract: consumer thread only.
 */
public interface PayloadWriter {
    /**
     * Appends one event holding one summary value.
     *
     * @param subRun {@code null} for the main run, else a sub-run folder name (already validated)
     * @param metadata serialized {@code SummaryMetadata}, written with the tag's first value in the
     *     file only; {@code null} for none
     */
    void writeValue(String subRun, String tag, long step, long wallTimeMillis, byte[] metadata, SummaryBody body)
        throws IOException;

    /** Appends one scalar ({@code simple_value}). */
    void writeScalar(String subRun, String tag, long step, long wallTimeMillis, double value) throws IOException;

    /**
     * The last step written for a tag in a run by this logger, or {@link Long#MIN_VALUE} if none.
     *
     * @param subRun {@code null} for the main run
     */
    long lastStep(String subRun, String tag);

    /** The highest step written to a run by this logger, or {@link Long#MIN_VALUE} if none. */
    long maxStep(String subRun);

    /**
     * A consumer-confined instance of {@code type}, one per logger, made by {@code factory} on its
     * first use and returned again on every later call: the reusable scratch state of payloads
     * (histogram accumulators, encoders), so that the consumer allocates it once.
     */
    <T> T scratch(Class<T> type, java.util.function.Supplier<T> factory);
}
