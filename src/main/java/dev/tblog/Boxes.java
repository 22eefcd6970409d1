package dev.tblog;

import dev.tblog.boxes.BoxList;

/**
 * Boxes to draw on a picture, for {@link Logger#addImageWithBoxes(String, Image, Boxes, long)}:
 * corners in pixels, {@code (x1, y1, x2, y2)} per box (x to the right, y down, 0 at the top-left
 * pixel), and optionally a label per box.
 * <pre>{@code
 * log.addImageWithBoxes("Detections", Image.rgb(frame, h, w),
 *     Boxes.of(10, 12, 40, 30,   55, 5, 70, 20).labels("cell 0.93", "cell 0.71"), step);
 * }</pre>
 *
 * <p>Drawn on tblog's thread, as the Python writers' {@code add_image_with_boxes} shows them: each
 * corner rounded to the nearest pixel, the box covering pixels {@code X1..X2} by {@code Y1..Y2}
 * (ends included), its outline the 2 pixels inside its edge, in red; the label in black on a red
 * band just above the box (moved inside the picture when it would leave it). Parts of a box outside
 * the picture are not drawn. The picture is stored as an RGB PNG (RGBA for an RGBA picture).
 *
 * <p>Copies the corners and labels when made (boxes are few): the arrays are yours again at once.
 * Validated here, with {@link IllegalArgumentException} naming the box and its values: null
 * corners, a count not a multiple of 4, a corner NaN or infinite, {@code x2 < x1} or
 * {@code y2 < y1}; null labels or a null label, not one label per box. No box at all is allowed
 * (the picture alone).
 *
 * <p>Thread contract: immutable, any thread.
 */
public final class Boxes {
    private final BoxList list;

    private Boxes(BoxList list) {
        this.list = list;
    }

    /**
     * Boxes of {@code corners}: x1, y1, x2, y2 of the first box, then of the second, ...
     *
     * @param corners four finite values per box, in pixels, with {@code x1 <= x2} and {@code y1 <= y2}; none
     *     for no box
     * @return the boxes, without labels; a copy of {@code corners}
     */
    public static Boxes of(double... corners) {
        return new Boxes(BoxList.of(corners));
    }

    /**
     * These boxes with a label each, in the boxes' order; {@code ""} for a box without label.
     *
     * @param labels one non-null label per box
     * @return a new Boxes with the same corners and a copy of {@code labels}
     */
    public Boxes labels(String... labels) {
        return new Boxes(list.labelled(labels));
    }

    /** {@return how many boxes} */
    public int count() {
        return list.count();
    }

    /** {@return whether the boxes have labels, given by {@link #labels(String...)}} */
    public boolean hasLabels() {
        return list.hasLabels();
    }

    BoxList list() {
        return list;
    }

    @Override
    public String toString() {
        return list.toString().replace("BoxList", "Boxes");
    }
}
