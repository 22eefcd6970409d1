package dev.tblog.image;

import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;

/**
 * JFreeChart charts as figures. This is the only class that refers to {@code org.jfree}: JFreeChart is
 * an optional dependency, and the rest of the library loads and works without it on the class path.
 *
 * <p>Thread contract: as the {@link FigureRenderer} passed in (confine to its thread); JFreeChart
 * charts are not thread-safe either, so do not change the chart while it renders.
 */
public final class JFreeChartFigures {

    private JFreeChartFigures() {
    }

    /**
     * Draws {@code chart} into a {@code width x height} area with {@code chart.draw(g, area)} and
     * writes the RGB raster to {@code dst} from {@code dstOff}.
     *
     * @return the bytes written, {@code width * height * 3}
     * @see FigureRenderer#render
     */
    public static int render(FigureRenderer renderer, JFreeChart chart, int width, int height,
                             byte[] dst, int dstOff) {
        Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
        return renderer.render(width, height, g -> chart.draw(g, area), dst, dstOff);
    }
}
