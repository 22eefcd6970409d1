package dev.tblog;

import dev.tblog.image.Picture;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A figure for {@link Logger#addFigure(String, Figure, long)} ({@code add_figure} of the Python
 * writers): drawn by a callback on a white canvas, or already rendered to an image. Logged as an RGB
 * picture (or as the image is).
 * <pre>{@code
 * log.addFigure("Raster", Figure.drawn(200, 100, g -> g.fillRect(10, 10, 2, 8)), step);
 * log.addFigure("Activity", JFreeChartFigure.of(chart, 480, 300), step);
 * }</pre>
 *
 * <p>The callback runs on the caller's thread, inside the call that logs the figure, as the Python
 * writers render on theirs: it reads the simulation's state at the time of the call, its
 * exceptions reach the caller, and a slow chart cannot stall the consumer that writes every other
 * thread's events. What moves off the caller is the PNG encoding, the costly part.
 *
 * <p>Thread contract: immutable, any thread; the callback (or image) is used by the one call that
 * logs the figure, on its thread.
 */
public final class Figure {
    private final Picture picture;

    private Figure(Picture picture) {
        this.picture = picture;
    }

    /**
     * A figure drawn by {@code draw} on a white {@code width x height} canvas, antialiased.
     *
     * @param width pixels across, at least 1
     * @param height pixels down, at least 1
     * @param draw draws the figure; called on the logging thread, inside the call that logs it
     * @return the figure, not yet drawn
     * @throws IllegalArgumentException a size below 1, a null callback
     */
    public static Figure drawn(int width, int height, Consumer<? super Graphics2D> draw) {
        return new Figure(Picture.drawn(width, height, draw));
    }

    /**
     * A figure already rendered to an image (e.g. {@code chart.createBufferedImage(w, h)}), logged as
     * {@link Image#of(BufferedImage)} logs it.
     *
     * @param image the rendered figure; read by the call that logs it
     * @return the figure
     * @throws IllegalArgumentException a null image
     */
    public static Figure of(BufferedImage image) {
        return new Figure(Picture.of(image));
    }

    /** {@return the width in pixels} */
    public int width() {
        return picture.shape().width();
    }

    /** {@return the height in pixels} */
    public int height() {
        return picture.shape().height();
    }

    Picture picture() {
        return picture;
    }

    @Override
    public String toString() {
        return "Figure[" + width() + "x" + height() + ", " + picture.source().name().toLowerCase(Locale.ROOT) + "]";
    }
}
