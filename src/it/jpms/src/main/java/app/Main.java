package app;

import dev.tblog.JFreeChartLogging;
import dev.tblog.Logger;
import dev.tblog.compat.Compat;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A named module that requires dev.tblog, on the module path. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Compat.run(args, Main.class, true, (thread, step) -> { }, Main::logEveryKind, Main::checkModule);
    }

    /** tblog's API, all of it: the one place this app calls tblog. */
    static void logEveryKind(Logger log, String prefix, long step) {
        if (step == 0) {
            log.addParameters(Map.of("prefix", prefix, "rate", 0.5, "plastic", true), Map.of("score", 0.9));
        }
        log.addScalar(prefix + "scalar", step * 0.5, step);
        log.addScalars(prefix + "loss", Map.of("train", 1.0 / (step + 1), "test", 2.0 / (step + 1)), step);
        log.addImage(prefix + "image", Compat.picture(8, 12, step), 8, 12, step);
        log.addImages(prefix + "images", Compat.picture(3 * 4 * 4, 1, step), 3, 4, 4, step, true);
        log.addHistogram(prefix + "histogram", Compat.values(1000, step), step);
        log.addFigure(prefix + "drawing", 32, 24, g -> {
            g.setColor(Color.BLUE);
            g.drawLine(0, 0, 31, (int) (step % 24));
        }, step);
        XYSeries series = new XYSeries("rate");
        for (int t = 0; t < 20; t++) {
            series.add(t, Math.sin(t / 4.0 + step));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("rate", "t", "rate", new XYSeriesCollection(series));
        JFreeChartLogging.addFigure(log, prefix + "chart", chart, 80, 60, step);
        log.addText(prefix + "notes", "step **" + step + "**", step);
    }

    /** tblog is the module dev.tblog: its API packages exported, its internals hidden. */
    static void checkModule(Path logdir) throws ClassNotFoundException {
        Module tblog = Logger.class.getModule();
        if (!tblog.isNamed() || !tblog.getName().equals("dev.tblog") || !Main.class.getModule().isNamed()) {
            throw new AssertionError("not on the module path: tblog is " + tblog + ", the app " + Main.class.getModule());
        }
        for (String api : List.of("dev.tblog", "dev.tblog.config", "dev.tblog.sink")) {
            if (!tblog.isExported(api)) {
                throw new AssertionError(api + " is not exported");
            }
        }
        Class<?> relocated = Class.forName("dev.tblog.internal.netty.buffer.PooledByteBufAllocator");
        for (String hidden : List.of("dev.tblog.ring", "dev.tblog.pipeline", relocated.getPackageName())) {
            if (tblog.isExported(hidden)) {
                throw new AssertionError(hidden + " is exported");
            }
        }
        if (relocated.getModule() != tblog) {
            throw new AssertionError("relocated Netty is in " + relocated.getModule());
        }
    }
}
