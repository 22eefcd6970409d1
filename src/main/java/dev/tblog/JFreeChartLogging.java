package dev.tblog;

import org.jfree.chart.JFreeChart;

import java.awt.geom.Rectangle2D;

/**
 * {@code addFigure} for JFreeChart charts:
 * <pre>{@code
 * JFreeChart chart = ChartFactory.createXYLineChart("Activity", "t", "rate", dataset);
 * JFreeChartLogging.addFigure(log, "Activity", chart, 150, 100, step);
 * }</pre>
 *
 * <p>Why a class of its own and not an overload on {@link Logger}: JFreeChart is an optional
 * dependency. The JVM would load a {@code Logger} whose method signature names
 * {@code org.jfree.chart.JFreeChart} as long as nobody calls it, but reflection would not:
 * {@code Logger.class.getMethods()} resolves every parameter type and throws
 * {@link NoClassDefFoundError} without JFreeChart, which breaks scripting languages (Groovy,
 * Clojure, Jython call through reflection), mocking and DI tools. Only this class needs JFreeChart.
 *
 * <p>Thread contract: any thread. The chart is drawn on the caller's thread, inside the call (see
 * {@link Logger#addFigure(String, int, int, java.util.function.Consumer, long)}): the chart and its
 * datasets may be changed as soon as the call returns, but not by another thread during it
 * (JFreeChart is not thread-safe).
 */
public final class JFreeChartLogging {

    private JFreeChartLogging() {
    }

    /**
     * Draws {@code chart} into a {@code width x height} RGB picture on the caller's thread and logs it
     * as an image; the PNG is made on the consumer.
     *
     * @throws IllegalArgumentException a bad tag, a null chart, a size below 1 or over {@code image.maxPixels}
     * @throws IllegalStateException the logger is closed
     */
    public static void addFigure(Logger log, String tag, JFreeChart chart, int width, int height, long step) {
        if (chart == null) {
            throw new IllegalArgumentException("chart of addFigure('" + tag + "') must not be null");
        }
        Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
        log.addFigure(tag, width, height, g -> chart.draw(g, area), step);
    }
}
