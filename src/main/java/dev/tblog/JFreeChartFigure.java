package dev.tblog;

import org.jfree.chart.JFreeChart;

import java.awt.geom.Rectangle2D;

/**
 * A {@link Figure} of a JFreeChart chart:
 * <pre>{@code
 * JFreeChart chart = ChartFactory.createXYLineChart("Activity", "t", "rate", dataset);
 * log.addFigure("Activity", JFreeChartFigure.of(chart, 480, 300), step);
 * }</pre>
 *
 * <p>Why a class of its own and not a factory on {@link Figure}: JFreeChart is an optional
 * dependency. The JVM would load a class whose method signature names
 * {@code org.jfree.chart.JFreeChart} as long as nobody calls it, but reflection would not:
 * {@code getMethods()} resolves every parameter type and throws {@link NoClassDefFoundError}
 * without JFreeChart, which breaks scripting languages (Groovy, Clojure, Jython call through
 * reflection), mocking and DI tools. Only this class needs JFreeChart; {@link Logger} and
 * {@link Figure} never refer to it.
 *
 * <p>Thread contract: stateless, any thread. The chart is drawn on the caller's thread, inside the
 * call that logs the figure: the chart and its datasets may be changed as soon as the call returns,
 * but not by another thread during it (JFreeChart is not thread-safe).
 */
public final class JFreeChartFigure {
    private JFreeChartFigure() {
    }

    /**
     * A {@code width x height} RGB figure of {@code chart}, drawn when it is logged.
     *
     * @param chart the chart; drawn on the logging thread, inside the call that logs the figure
     * @param width pixels across, at least 1
     * @param height pixels down, at least 1
     * @return the figure, not yet drawn
     * @throws IllegalArgumentException a null chart, a size below 1
     */
    public static Figure of(JFreeChart chart, int width, int height) {
        if (chart == null) {
            throw new IllegalArgumentException("chart of JFreeChartFigure.of must not be null");
        }
        Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
        return Figure.drawn(width, height, g -> chart.draw(g, area));
    }
}
