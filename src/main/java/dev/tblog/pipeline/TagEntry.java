package dev.tblog.pipeline;

import dev.tblog.encode.ScalarTag;
import dev.tblog.encode.SummaryTemplate;

import java.nio.charset.StandardCharsets;

/**
 * What the consumer remembers about one tag in one event file: its UTF-8 bytes and its bytes as a
 * scalar value (encoded once),
 * whether its plugin metadata was written (TensorBoard reads only the first), and the last step.
 *
 * <p>Thread contract: consumer thread only.
 */
final class TagEntry {
    private final String tag;
    /** Its index in the file's {@link TagCache}, or -1 for an entry the cache does not keep. */
    private final int index;
    private final byte[] utf8;
    private ScalarTag scalarTag;
    private boolean metadataWritten;
    /** The serial of the last coalesced group the tag joined (see ScalarGroups); 0 for none. */
    private long scalarGroup;
    private long lastStep = Long.MIN_VALUE;
    /** The Summary of the coalesced events that begin with this tag, or null (see TagCache#template). */
    private SummaryTemplate template;

    TagEntry(String tag, int index) {
        this.tag = tag;
        this.index = index;
        this.utf8 = tag.getBytes(StandardCharsets.UTF_8);
    }

    String tag() {
        return tag;
    }

    /** Its index in the file's tag cache, or -1 when the cache does not keep it. */
    int index() {
        return index;
    }

    /** The tag's UTF-8 bytes; do not modify. */
    byte[] utf8() {
        return utf8;
    }

    /** The tag's constant bytes as a scalar value, made on first use. */
    ScalarTag scalarTag() {
        ScalarTag t = scalarTag;
        if (t == null) {
            t = new ScalarTag(utf8);
            scalarTag = t;
        }
        return t;
    }

    long scalarGroup() {
        return scalarGroup;
    }

    void scalarGroup(long serial) {
        scalarGroup = serial;
    }

    SummaryTemplate template() {
        return template;
    }

    void template(SummaryTemplate template) {
        this.template = template;
    }

    boolean metadataWritten() {
        return metadataWritten;
    }

    void markMetadataWritten() {
        metadataWritten = true;
    }

    /** The last step written for this tag, or {@link Long#MIN_VALUE} before the first. */
    long lastStep() {
        return lastStep;
    }

    void recordStep(long step) {
        lastStep = step;
    }
}
