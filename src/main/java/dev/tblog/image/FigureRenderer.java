package dev.tblog.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Renders a figure, given as a drawing callback, to an RGB raster: the Java side of
 * {@code add_figure}. The canvas is white, antialiasing (shapes and text) is on, and the result is
 * {@code height * width * 3} bytes, RGB, rows top to bottom.
 *
 * <p>The canvas is a {@code TYPE_3BYTE_BGR} image kept between calls and replaced only when the size
 * changes. Java2D itself allocates a {@link Graphics2D} per render; the callback may allocate too.
 * For JFreeChart see {@code dev.tblog.JFreeChartFigure}.
 *
 * <p>Thread contract: not thread-safe; confine to one thread. The callback runs on that thread.
 */
final class FigureRenderer {

    private BufferedImage canvas;

    /**
     * Draws {@code draw} on a white {@code width x height} canvas and writes the RGB raster to
     * {@code dst} from {@code dstOff}.
     *
     * @param width  pixels, {@code >= 1}
     * @param height pixels, {@code >= 1}
     * @return the bytes written, {@code width * height * 3}
     * @throws IllegalArgumentException  when a size is not positive or the raster would not fit an array
     * @throws IndexOutOfBoundsException when the range does not lie in {@code dst}
     */
    public int render(int width, int height, Consumer<? super Graphics2D> draw, byte[] dst, int dstOff) {
        ImageShape.of(1, height, width, 3); // validates the size; names the bad values
        Objects.requireNonNull(draw, "draw");
        BufferedImage image = canvas(width, height);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            draw.accept(g);
        } finally {
            g.dispose();
        }
        return BufferedImages.toRaster(image, dst, dstOff);
    }

    /** @return the canvas of the last render, or null before the first; reused by the next render */
    public BufferedImage lastCanvas() {
        return canvas;
    }

    private BufferedImage canvas(int width, int height) {
        if (canvas == null || canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
        return canvas;
    }
}
