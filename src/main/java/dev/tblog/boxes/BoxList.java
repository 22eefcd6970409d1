package dev.tblog.boxes;

import java.util.Arrays;

/**
 * The boxes of one {@code addImageWithBoxes} call, validated when they are made: corners in pixels,
 * {@code (x1, y1, x2, y2)} per box (x to the right, y down, from the top-left pixel's centre), and
 * an optional label per box. Holds copies (boxes are few), so it may outlive the caller's arrays.
 *
 * <p>Every instance is valid: corners finite, {@code x1 <= x2}, {@code y1 <= y2}; no box or any
 * number of boxes; labels absent, or one per box and none null (an empty label draws nothing).
 *
 * <p>Thread contract: immutable, any thread.
 */
public final class BoxList {
    private final double[] corners;
    private final String[] labels;

    private BoxList(double[] corners, String[] labels) {
        this.corners = corners;
        this.labels = labels;
    }

    /**
     * Boxes of {@code corners}, four values per box, without labels.
     *
     * @throws IllegalArgumentException null corners, a length not a multiple of 4, a corner NaN or
     *     infinite, {@code x2 < x1} or {@code y2 < y1} (the message names the box and its values)
     */
    public static BoxList of(double[] corners) {
        if (corners == null) {
            throw new IllegalArgumentException("box corners must not be null");
        }
        if (corners.length % 4 != 0) {
            throw new IllegalArgumentException("box corners come in fours (x1, y1, x2, y2), got " + corners.length
                + " values");
        }
        for (int b = 0; b < corners.length / 4; b++) {
            double x1 = corners[4 * b];
            double y1 = corners[4 * b + 1];
            double x2 = corners[4 * b + 2];
            double y2 = corners[4 * b + 3];
            if (!(Double.isFinite(x1) && Double.isFinite(y1) && Double.isFinite(x2) && Double.isFinite(y2))) {
                throw new IllegalArgumentException("box " + b + " (" + x1 + ", " + y1 + ", " + x2 + ", " + y2
                    + ") has a corner that is not finite");
            }
            if (x2 < x1 || y2 < y1) {
                throw new IllegalArgumentException("box " + b + " (" + x1 + ", " + y1 + ", " + x2 + ", " + y2
                    + ") must have x1 <= x2 and y1 <= y2");
            }
        }
        return new BoxList(corners.clone(), null);
    }

    /**
     * These boxes with a label each.
     *
     * @throws IllegalArgumentException null labels, a null label, not one label per box
     */
    public BoxList labelled(String[] boxLabels) {
        if (boxLabels == null) {
            throw new IllegalArgumentException("box labels must not be null");
        }
        if (boxLabels.length != count()) {
            throw new IllegalArgumentException(boxLabels.length + " labels for " + count() + " boxes: one label per box");
        }
        for (int i = 0; i < boxLabels.length; i++) {
            if (boxLabels[i] == null) {
                throw new IllegalArgumentException("label of box " + i + " is null (use \"\" for no label)");
            }
        }
        return new BoxList(corners, boxLabels.clone());
    }

    public int count() {
        return corners.length / 4;
    }

    /** Corner {@code k} (0 x1, 1 y1, 2 x2, 3 y2) of box {@code b}. */
    double corner(int b, int k) {
        return corners[4 * b + k];
    }

    /** The label of box {@code b}, or "" when there are no labels. */
    String label(int b) {
        return labels == null ? "" : labels[b];
    }

    public boolean hasLabels() {
        return labels != null;
    }

    @Override
    public String toString() {
        return "BoxList[" + count() + " boxes" + (labels == null ? "" : ", labels " + Arrays.toString(labels)) + "]";
    }
}
