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

    /** {@return the tag, as written in the events} */
    public String tag() {
        return tag;
    }

    /**
     * {@return the kind: scalar, image, histogram, text, hparams, audio, pr_curve, custom_scalars,
     * video (an animated GIF image), image_boxes (an image of {@code addImageWithBoxes}), graph,
     * mesh, embedding or tensor (or another plugin's name)}
     */
    public String kind() {
        return kind;
    }

    /** {@return the number of values logged under the tag} */
    public long count() {
        return count;
    }

    /** {@return the step of the first value read} */
    public long firstStep() {
        return firstStep;
    }

    /** {@return the step of the last value read} */
    public long lastStep() {
        return lastStep;
    }

    /** {@return a detail of the last value, e.g. {@code 10x10 gray}; empty when there is nothing to say} */
    public String detail() {
        return detail;
    }
}
