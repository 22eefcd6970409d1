package app;

import com.lmax.disruptor.RingBuffer;
import dev.tblog.Audio;
import dev.tblog.Boxes;
import dev.tblog.CustomScalars;
import dev.tblog.Embedding;
import dev.tblog.Figure;
import dev.tblog.Graph;
import dev.tblog.Histogram;
import dev.tblog.Image;
import dev.tblog.Images;
import dev.tblog.JFreeChartFigure;
import dev.tblog.Logger;
import dev.tblog.Mesh;
import dev.tblog.PrCurve;
import dev.tblog.Video;
import dev.tblog.compat.Compat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContextSelector;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Log4j2 all-async on Disruptor 3.4.4 in the application, tblog beside it. */
public final class Main {
    /** Log4j2 lines per thread and step. */
    static final int LINES = 200;
    private static final String LOGGER = "app";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            // Before Log4j2 starts: every logger async; the lines go beside the log folder.
            System.setProperty("log4j2.contextSelector", AsyncLoggerContextSelector.class.getName());
            System.setProperty("compat.log4j2.file", Path.of(args[1]).resolve("log4j2-lines.log").toString());
            // Started here, as applications do: loggers taken while another thread is still
            // configuring Log4j2 drop their first lines (the default configuration's level).
            LogManager.getLogger(LOGGER);
        }
        Compat.run(args, Main.class, false, Main::logLines, Main::logEveryKind, Main::checkEveryLine);
    }

    /** tblog's API, all of it: the one place this app calls tblog (every {@code add*} method of {@code Logger}). */
    static void logEveryKind(Logger log, String prefix, long step) {
        if (step == 0) {
            log.addParameters(Map.of("prefix", prefix, "rate", 0.5, "plastic", true), Map.of("score", 0.9));
        }
        log.addScalar(prefix + "scalar", step * 0.5, step);
        log.addScalars(prefix + "loss", Map.of("train", 1.0 / (step + 1), "test", 2.0 / (step + 1)), step);
        log.addImage(prefix + "image", Image.gray(Compat.picture(8, 12, step), 8, 12).equalized(), step);
        log.addImages(prefix + "images", Images.gray(Compat.picture(3 * 4 * 4, 1, step), 3, 4, 4).equalizedPerImage(),
            step);
        log.addHistogram(prefix + "histogram", Compat.values(1000, step), step);
        log.addHistogram(prefix + "binned", Histogram.binned(new double[] {0, 1, 2}, new double[] {step, 1, 2}), step);
        log.addFigure(prefix + "drawing", Figure.drawn(32, 24, g -> {
            g.setColor(Color.BLUE);
            g.drawLine(0, 0, 31, (int) (step % 24));
        }), step);
        XYSeries series = new XYSeries("rate");
        for (int t = 0; t < 20; t++) {
            series.add(t, Math.sin(t / 4.0 + step));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("rate", "t", "rate", new XYSeriesCollection(series));
        log.addFigure(prefix + "chart", JFreeChartFigure.of(chart, 80, 60), step);
        log.addText(prefix + "notes", "step **" + step + "**", step);
        log.addPrCurve(prefix + "pr", PrCurve.of(new boolean[] {true, false, true, false},
            new float[] {0.9f, 0.2f, 0.6f, (step % 10) / 10f}), step);
        float[] tone = new float[800];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) Math.sin(i * (step + 1) / 10.0);
        }
        log.addAudio(prefix + "audio", Audio.mono(tone, 8000), step);
        log.addVideo(prefix + "video", Video.gray(Compat.picture(3 * 6, 8, step), 3, 6, 8).equalized(), step);
        log.addImageWithBoxes(prefix + "boxes", Image.gray(Compat.picture(16, 16, step), 16, 16),
            Boxes.of(2, 2, 9, 9).labels("box"), step);
        log.addMesh(prefix + "mesh", Mesh.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, step}).faces(new int[] {0, 1, 2}),
            step);
        log.addEmbedding(prefix + "embedding", Embedding.of(Compat.picture(4, 3, step), 4, 3)
            .labels(List.of("a", "b", "c", "d")), step);
        if (step == 0) {
            log.addGraph(Graph.builder().node("input", "Input").node("sheet", "Sheet").edge("input", "sheet").build());
            log.addCustomScalars(CustomScalars.builder().category("compat").multiline("scalars", ".*scalar").build());
        }
    }

    /** The application's own logging: {@link #LINES} Log4j2 lines per step, each one different. */
    static void logLines(int thread, long step) {
        org.apache.logging.log4j.Logger lines = LogManager.getLogger(LOGGER);
        for (int i = 0; i < LINES; i++) {
            lines.info("thread={} step={} line={}", thread, step, i);
        }
    }

    /** Log4j2 ran all-async on Disruptor 3.4.4, and every one of its lines is on disk, once. */
    static void checkEveryLine(Path logdir) throws IOException {
        if (!(LogManager.getContext(false) instanceof AsyncLoggerContext)) {
            throw new AssertionError("Log4j2 is not all-async: " + LogManager.getContext(false));
        }
        String disruptor = RingBuffer.class.getProtectionDomain().getCodeSource().getLocation().toString();
        if (!disruptor.contains("disruptor-3.4.4")) {
            throw new AssertionError("com.lmax.disruptor came from " + disruptor);
        }
        LogManager.shutdown();
        List<String> written = Files.readAllLines(logdir.resolve("log4j2-lines.log"), StandardCharsets.UTF_8);
        Set<String> expected = new HashSet<>();
        for (int thread = 0; thread < Compat.THREADS; thread++) {
            for (long step = 0; step < Compat.STEPS; step++) {
                for (int i = 0; i < LINES; i++) {
                    expected.add(LOGGER + " thread=" + thread + " step=" + step + " line=" + i);
                }
            }
        }
        Set<String> seen = new HashSet<>(written);
        if (written.size() != expected.size() || !seen.equals(expected)) {
            written.stream().filter(line -> !expected.contains(line)).limit(5)
                .forEach(line -> System.err.println("unexpected Log4j2 line: " + line));
            throw new AssertionError(written.size() + " Log4j2 lines on disk (" + seen.size() + " distinct), "
                + expected.size() + " logged");
        }
    }
}
