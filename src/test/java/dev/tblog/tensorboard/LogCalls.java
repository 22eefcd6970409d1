package dev.tblog.tensorboard;

import dev.tblog.JFreeChartLogging;
import dev.tblog.Logger;
import dev.tblog.LoggerBuilder;
import dev.tblog.histogram.HistogramBins;
import org.jfree.chart.JFreeChart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every call the TensorBoard dashboard tests make to tblog's logging API, and nothing else: when the
 * API changes, these few methods are all there is to port. Each is named after what it logs.
 *
 * <p>Thread contract: stateless; any thread, as the logger allows.
 */
public final class LogCalls {

    private LogCalls() {
    }

    /** A logger writing the run {@code logdir/run}, with {@code settings} as config key, value pairs. */
    public static Logger logger(Path logdir, String run, String... settings) {
        LoggerBuilder builder = Logger.builder().logdir(logdir).experiment(run).set("shutdownHook.enabled", "false");
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        return builder.build();
    }

    public static void scalar(Logger log, String tag, double value, long step) {
        log.addScalar(tag, value, step);
    }

    /** A scalar at the tag's next automatic step. */
    public static void scalarAtNextStep(Logger log, String tag, double value) {
        log.addScalar(tag, value);
    }

    /** Several scalars on one chart: one sub-run per key. */
    public static void scalars(Logger log, String mainTag, Map<String, Double> values, long step) {
        log.addScalars(mainTag, values, step);
    }

    /** A gray picture {@code (h, w)} of floats meant in [0, 1]. */
    public static void grayImage(Logger log, String tag, float[] pixels, int height, int width, long step,
                                 boolean equalize) {
        log.addImage(tag, pixels, height, width, step, equalize);
    }

    /** A gray picture {@code (h, w)} of doubles meant in [0, 1]. */
    public static void grayImage(Logger log, String tag, double[] pixels, int height, int width, long step) {
        log.addImage(tag, pixels, height, width, step);
    }

    /** A gray picture {@code (h, w)} of unsigned bytes. */
    public static void grayImage(Logger log, String tag, byte[] pixels, int height, int width, long step) {
        log.addImage(tag, pixels, height, width, step);
    }

    /** A colour picture {@code (h, w, channels)}, 3 (RGB) or 4 (RGBA), of floats meant in [0, 1]. */
    public static void colorImage(Logger log, String tag, float[] pixels, int height, int width, int channels,
                                  long step) {
        log.addImage(tag, pixels, height, width, channels, step);
    }

    /** A colour picture {@code (h, w, channels)} of unsigned bytes. */
    public static void colorImage(Logger log, String tag, byte[] pixels, int height, int width, int channels,
                                  long step) {
        log.addImage(tag, pixels, height, width, channels, step);
    }

    /** A batch {@code (n, h, w, channels)} of doubles, tiled into one picture. */
    public static void imageBatch(Logger log, String tag, double[] pixels, int n, int height, int width,
                                  int channels, long step, boolean equalize, boolean equalizePerImage) {
        log.addImages(tag, pixels, n, height, width, channels, step, equalize, equalizePerImage);
    }

    /** A batch {@code (n, h, w, channels)} of floats, tiled into one picture. */
    public static void imageBatch(Logger log, String tag, float[] pixels, int n, int height, int width,
                                  int channels, long step, boolean equalize, boolean equalizePerImage) {
        log.addImages(tag, pixels, n, height, width, channels, step, equalize, equalizePerImage);
    }

    /** A picture the caller already has as a {@link BufferedImage}. */
    public static void bufferedImage(Logger log, String tag, BufferedImage image, long step) {
        log.addFigure(tag, image, step);
    }

    /** A figure drawn with Java2D on tblog's white canvas. */
    public static void drawnFigure(Logger log, String tag, int width, int height, Consumer<Graphics2D> draw,
                                   long step) {
        log.addFigure(tag, width, height, draw, step);
    }

    /** A JFreeChart chart drawn as a figure. */
    public static void chartFigure(Logger log, String tag, JFreeChart chart, int width, int height, long step) {
        JFreeChartLogging.addFigure(log, tag, chart, width, height, step);
    }

    /** A histogram of doubles with the default ("tensorflow") bins. */
    public static void histogram(Logger log, String tag, double[] values, long step) {
        log.addHistogram(tag, values, step);
    }

    /** A histogram of floats with the default bins. */
    public static void histogram(Logger log, String tag, float[] values, long step) {
        log.addHistogram(tag, values, step);
    }

    /** A histogram of ints with the default bins. */
    public static void histogram(Logger log, String tag, int[] values, long step) {
        log.addHistogram(tag, values, step);
    }

    /** A histogram of longs with the default bins. */
    public static void histogram(Logger log, String tag, long[] values, long step) {
        log.addHistogram(tag, values, step);
    }

    /** A histogram of doubles in {@code buckets} equal buckets over [min, max]. */
    public static void equalWidthHistogram(Logger log, String tag, double[] values, int buckets, long step) {
        log.addHistogram(tag, values, step, HistogramBins.equalWidth(buckets));
    }

    /** A histogram of doubles over the caller's edges. */
    public static void explicitEdgesHistogram(Logger log, String tag, double[] values, double[] edges, long step) {
        log.addHistogram(tag, values, step, HistogramBins.explicitEdges(edges));
    }

    /** A histogram the caller binned ({@code bucketLimits[i]} the right edge of bucket i). */
    public static void binnedHistogram(Logger log, String tag, double min, double max, double num, double sum,
                                       double sumSquares, double[] bucketLimits, double[] bucketCounts, long step) {
        log.addHistogramRaw(tag, min, max, num, sum, sumSquares, bucketLimits, bucketCounts, step);
    }

    /** A Markdown text for the TEXT tab. */
    public static void text(Logger log, String tag, String markdown, long step) {
        log.addText(tag, markdown, step);
    }

    /** The run's parameters and final metrics for the HPARAMS tab. */
    public static void parameters(Logger log, Map<String, ?> params, Map<String, ? extends Number> metrics) {
        log.addParameters(params, metrics);
    }
}
