package dev.tblog.pipeline;

import dev.tblog.encode.ScalarEventEncoder;

/**
 * Coalesced steps: the scalar event being gathered. Consecutive scalars of one event file that share
 * the step and the wall-time millisecond (a simulation logging its metrics at the end of a step) are
 * written as one Event whose Summary holds all their values, in the order they were logged, instead
 * of one Event each: the wall time, the step and the record's framing are paid once per step, not
 * once per tag. TensorBoard reads every value of a Summary with the Event's step and wall time, so it
 * shows exactly the same points.
 *
 * <p>A group ends, and its record is encoded into the file's pending buffer, when a scalar that does
 * not belong comes (another file, step or millisecond, or a tag already in the group, so that a
 * repeated tag stays two events, in order), when it holds {@value #MAX_VALUES} values, and before
 * anything else is written to any file: records keep the order of the ring.
 *
 * <p>Thread contract: consumer thread only.
 */
final class ScalarGroup {
    /** Values in one coalesced event, at most. */
    static final int MAX_VALUES = 64;

    private final ScalarEventEncoder encoder;
    /**
     * The values' tags as indices in the file's tag cache: an int store per scalar, where storing
     * the ScalarTag reference cost G1's card-marking barrier (a StoreLoad fence) every time.
     */
    private final int[] tagIndices = new int[MAX_VALUES];
    /** The open group's tags for the encoder, looked up by index in the file's tag cache. */
    private final ScalarEventEncoder.Tags tags = i -> this.file.tags().at(tagIndices[i]).scalarTag();
    private final float[] values = new float[MAX_VALUES];
    private RunFile file;
    private long step;
    private long wallTimeMillis;
    private int count;
    /** Numbers the groups, so that a tag can tell whether it is in the open one (see TagEntry). */
    private long serial = 1;

    ScalarGroup(ScalarEventEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Adds the scalar to the open group if it belongs there; false if it does not (nothing changed).
     * The entry must be one its file's tag cache keeps ({@link TagEntry#index()} {@code >= 0}).
     */
    boolean tryJoin(RunFile file, TagEntry entry, long step, long wallTimeMillis, float value) {
        if (file != this.file || step != this.step || wallTimeMillis != this.wallTimeMillis || count == MAX_VALUES
            || entry.scalarGroup() == serial) {
            return false;
        }
        add(entry, value);
        return true;
    }

    /** Opens a group with this scalar (of a kept entry); call only when none is open ({@link #close}). */
    void open(RunFile file, TagEntry entry, long step, long wallTimeMillis, float value) {
        this.file = file;
        this.step = step;
        this.wallTimeMillis = wallTimeMillis;
        add(entry, value);
    }

    private void add(TagEntry entry, float value) {
        tagIndices[count] = entry.index();
        values[count] = value;
        count++;
        entry.scalarGroup(serial);
    }

    /**
     * Encodes the open group, if any, into its file's pending buffer, and ends it.
     *
     * @return the file written to, or {@code null} when no group was open
     */
    RunFile close() {
        RunFile written = file;
        if (written == null) {
            return null;
        }
        try {
            double wallTime = RunFiles.seconds(wallTimeMillis);
            if (count == 1) {
                encoder.write(written.pending(), wallTime, step, tags.tag(0), values[0]);
            } else {
                encoder.write(written.pending(), wallTime, step, tags, values, count);
            }
        } finally {
            discard();
        }
        return written;
    }

    /** Ends the open group without writing it (its file is being closed after a failure). */
    void discard() {
        file = null;
        count = 0;
        serial++;
    }
}
