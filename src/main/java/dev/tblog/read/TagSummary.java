package dev.tblog.read;

/**
 * What one tag of one run holds: its kind, how many values, the step range, and a detail of the
 * last value (an image's size, a histogram's bucket count, a text's length).
 *
 * <p>Thread contract: not thread-safe; built by one inspecting thread.
 */
public final class TagSummary {
    private final String tag;
    private String kind;
    private long count;
    private long firstStep;
    private long lastStep;
    private String detail = "";

    TagSummary(String tag, String kind) {
        this.tag = tag;
        this.kind = kind;
    }

    void add(long step, String kindOfValue, String detailOfValue) {
        if (count == 0) {
            firstStep = step;
        }
        if (!kind.equals(kindOfValue) && kind.equals("tensor")) {
            kind = kindOfValue;
        }
        lastStep = step;
        count++;
        if (detailOfValue != null) {
            detail = detailOfValue;
        }
    }

    public String tag() {
        return tag;
    }

    /** scalar, image, histogram, text, hparams, audio, graph, mesh, embedding, tensor (or another plugin's name). */
    public String kind() {
        return kind;
    }

    public long count() {
        return count;
    }

    public long firstStep() {
        return firstStep;
    }

    public long lastStep() {
        return lastStep;
    }

    /** About the last value, e.g. {@code 10x10 gray}; empty when nothing to say. */
    public String detail() {
        return detail;
    }
}
