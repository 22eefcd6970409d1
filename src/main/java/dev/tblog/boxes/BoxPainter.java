package dev.tblog.boxes;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws boxes and their labels onto an 8-bit RGB or RGBA raster {@code (H, W, C)}, the way the
 * Python writers' {@code add_image_with_boxes} shows detections: a red outline and, above it, the
 * label in black on red.
 *
 * <h2>Where the pixels go</h2>
 * A box's corners are rounded to the nearest pixel, {@code X1 = round(x1)} and so on; it covers
 * the pixels {@code X1..X2} by {@code Y1..Y2}, both ends included. Its outline is the pixels of
 * that rectangle within {@value #THICKNESS} pixels of its edge (drawn inside it), in red
 * {@code (255, 0, 0)}, opaque; the interior keeps the picture. Parts outside the picture are not
 * drawn. A label is a red band, as high as the font's line, whose bottom row is the row above the
 * box ({@code Y1 - 1}) and whose left column is {@code X1}, holding the text in black; when it
 * would leave the picture it is moved inside (below the top edge, left of the right edge).
 *
 * <p>Text needs a font: on a JDK without any (a bare headless image), labels draw their red band
 * only.
 *
 * <p>Thread contract: not thread-safe; one per consumer.
 */
final class BoxPainter {
    /** The outline's width in pixels. */
    static final int THICKNESS = 2;
    private static final int RED = 0xFF0000;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final int PADDING = 2;

    private FontMetrics metrics;
    private boolean noFont;

    /** Draws every box of {@code boxes} on {@code raster}. */
    void paint(byte[] raster, int width, int height, int channels, BoxList boxes) {
        for (int b = 0; b < boxes.count(); b++) {
            int x1 = pixel(boxes.corner(b, 0));
            int y1 = pixel(boxes.corner(b, 1));
            int x2 = pixel(boxes.corner(b, 2));
            int y2 = pixel(boxes.corner(b, 3));
            outline(raster, width, height, channels, x1, y1, x2, y2);
            String label = boxes.label(b);
            if (!label.isEmpty()) {
                label(raster, width, height, channels, x1, y1, label);
            }
        }
    }

    /** The nearest pixel, kept within +-2^30 so that far-away corners clip instead of overflowing. */
    private static int pixel(double coordinate) {
        return (int) Math.max(-(1L << 30), Math.min(1L << 30, Math.round(coordinate)));
    }

    private static void outline(byte[] raster, int width, int height, int channels, int x1, int y1, int x2, int y2) {
        int top = Math.max(y1, 0);
        int bottom = Math.min(y2, height - 1);
        int left = Math.max(x1, 0);
        int right = Math.min(x2, width - 1);
        for (int y = top; y <= bottom; y++) {
            boolean edgeRow = y < y1 + THICKNESS || y > y2 - THICKNESS;
            for (int x = left; x <= right; x++) {
                if (edgeRow || x < x1 + THICKNESS || x > x2 - THICKNESS) {
                    put(raster, (y * width + x) * channels, channels, RED);
                }
            }
        }
    }

    private void label(byte[] raster, int width, int height, int channels, int x1, int y1, String text) {
        FontMetrics fm = noFont ? null : metrics();
        int textWidth = fm == null ? 6 * text.length() : fm.stringWidth(text);
        int w = Math.min(width, textWidth + 2 * PADDING);
        int h = Math.min(height, fm == null ? 12 : fm.getHeight());
        int left = Math.max(0, Math.min(x1, width - w));
        int top = Math.max(0, Math.min(y1 - h, height - h));
        BufferedImage band = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = band.createGraphics();
        try {
            g.setColor(new Color(RED));
            g.fillRect(0, 0, w, h);
            if (fm != null) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(FONT);
                g.setColor(Color.BLACK);
                try {
                    g.drawString(text, PADDING, fm.getAscent());
                } catch (RuntimeException | LinkageError | InternalError e) {
                    noFont = true; // the band stays, without text, rather than failing the logger
                }
            }
        } finally {
            g.dispose();
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                put(raster, ((top + y) * width + left + x) * channels, channels, band.getRGB(x, y));
            }
        }
    }

    /** The label font's metrics, or null when this JDK has no font to draw with. */
    private FontMetrics metrics() {
        if (metrics == null && !noFont) {
            try {
                Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
                metrics = g.getFontMetrics(FONT);
                g.dispose();
            } catch (RuntimeException | LinkageError | InternalError e) {
                noFont = true; // a headless JDK without fonts: bands without text
            }
        }
        return metrics;
    }

    private static void put(byte[] raster, int o, int channels, int rgb) {
        raster[o] = (byte) (rgb >> 16);
        raster[o + 1] = (byte) (rgb >> 8);
        raster[o + 2] = (byte) rgb;
        if (channels == 4) {
            raster[o + 3] = (byte) 0xFF;
        }
    }
}
