package dev.tblog.encode;

import java.io.IOException;

/**
 * What a kind's {@link PayloadEncoder} may write: summary values, scalars and other event fields,
 * into the main run or a named sub-run; whole files beside the events ({@link #assets()}); and
 * what it may ask about the history of a run.
 *
 * <p>Thread contract: consumer thread only.
 */
public interface EventWriter {
    /**
     * Appends one event holding one summary value.
     *
     * @param subRun {@code null} for the main run, else a sub-run folder name (already validated)
     * @param metadata serialized {@code SummaryMetadata}, written with the tag's first value in the
     *     file only; {@code null} for none
     * @param body the value's oneof field; read during this call only
     */
    void writeValue(String subRun, String tag, long step, long wallTimeMillis, byte[] metadata, SummaryBody body)
        throws IOException;

    /** Appends one scalar ({@code simple_value}). */
    void writeScalar(String subRun, String tag, long step, long wallTimeMillis, double value) throws IOException;

    /**
     * Appends one event holding a length-delimited top-level field other than the summary, e.g.
     * the run graph ({@code Event.graph_def}).
     *
     * @param subRun {@code null} for the main run, else a sub-run folder name (already validated)
     * @param field the Event's field number, e.g. {@code Event.GRAPH_DEF_FIELD_NUMBER}
     */
    void writeEventBytes(String subRun, long step, long wallTimeMillis, int field, byte[] value) throws IOException;

    /** The main run's whole files beside its event files (the projector's), written atomically. */
    RunAssets assets();

    /**
     * The last step written for a tag in a run by this logger, or {@link Long#MIN_VALUE} if none.
     *
     * @param subRun {@code null} for the main run
     */
    long lastStep(String subRun, String tag);

    /** The highest step written to a run by this logger, or {@link Long#MIN_VALUE} if none. */
    long maxStep(String subRun);
}
