package dev.tblog.encode;

import java.io.IOException;
import java.util.function.Supplier;

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
     * A consumer-confined instance of {@code type}, one per logger, made by {@code factory} on first
     * use and kept for the logger's life: the home of a payload kind's reusable scratch (the image
     * rasters and PNG encoder, for example), which a payload cannot own because payloads come and go
     * and are built on producer threads. An instance that is {@link AutoCloseable} is closed when
     * the logger's files are closed. Allocation-free after the first call for a type.
     */
    <T> T scratch(Class<T> type, Supplier<? extends T> factory);
}
