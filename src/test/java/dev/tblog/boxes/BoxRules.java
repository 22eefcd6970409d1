package dev.tblog.boxes;

/**
 * Where a box's outline is, written from the documented rule (not from tblog's code): corners
 * rounded to the nearest pixel ({@code Math.round}: halves up), the box covering {@code X1..X2} by
 * {@code Y1..Y2} inclusive, the outline the pixels of the box less than 2 from its edge.
 */
public final class BoxRules {
    private BoxRules() {
    }

    /** Whether pixel (x, y) is on the outline of the box (x1, y1, x2, y2). */
    public static boolean onOutline(int x, int y, double x1, double y1, double x2, double y2) {
        long left = Math.round(x1);
        long top = Math.round(y1);
        long right = Math.round(x2);
        long bottom = Math.round(y2);
        boolean inBox = x >= left && x <= right && y >= top && y <= bottom;
        boolean inInterior = x >= left + 2 && x <= right - 2 && y >= top + 2 && y <= bottom - 2;
        return inBox && !inInterior;
    }
}
