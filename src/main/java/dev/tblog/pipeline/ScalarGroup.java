package dev.tblog.pipeline;

import dev.tblog.encode.ScalarEventEncoder;
import dev.tblog.encode.SummaryTemplate;

/**
 * One coalesced scalar event being gathered ({@link ScalarGroups}): values of one event file, step
 * and wall-time millisecond, in the order they came, as tag indices and floats.
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
    /** When it was opened, among all groups (1, 2, ...): what orders a tag's values (see TagEntry). */
    private long serial;

    ScalarGroup(ScalarEventEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Whether the scalar may join: the same file, step and millisecond, room left, and the group
     * opened after the one that holds the tag's previous value (so not that one either): a tag's
     * values are written in the order they came.
     */
    boolean accepts(RunFile file, TagEntry entry, long step, long wallTimeMillis) {
        return file == this.file && step == this.step && wallTimeMillis == this.wallTimeMillis
            && count < MAX_VALUES && serial > entry.scalarGroup();
    }

    /** Opens the group, {@code serial} above every earlier group's, with this scalar of a kept entry. */
    void open(RunFile file, TagEntry entry, long step, long wallTimeMillis, float value, long serial) {
        this.file = file;
        this.step = step;
        this.wallTimeMillis = wallTimeMillis;
        this.serial = serial;
        add(entry, value);
    }

    /** Adds a scalar it {@link #accepts}. */
    void add(TagEntry entry, float value) {
        tagIndices[count] = entry.index();
        values[count] = value;
        count++;
        entry.scalarGroup(serial);
    }

    /**
     * Encodes the group into its file's pending buffer, and ends it.
     *
     * @return the file written to
     */
    RunFile close() {
        RunFile written = file;
        try {
            double wallTime = RunFiles.seconds(wallTimeMillis);
            if (count == 1) {
                encoder.write(written.pending(), wallTime, step, tags.tag(0), values[0]);
                return written;
            }
            // The same tags as the last event that began with this one (a simulation's every step):
            // the Summary is one copy with the floats patched in.
            TagCache cache = written.tags();
            SummaryTemplate template = cache.template(cache.at(tagIndices[0]));
            if (template != null && (template.matches(tagIndices, count) || template.fill(tagIndices, count, tags))) {
                encoder.write(written.pending(), wallTime, step, template, values);
            } else {
                encoder.write(written.pending(), wallTime, step, tags, values, count);
            }
        } finally {
            discard();
        }
        return written;
    }

    /** Ends the group without writing it. */
    void discard() {
        file = null;
        count = 0;
    }
}
