package app;

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
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.lang.invoke.MethodHandles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A named module that requires dev.tblog, on the module path. */
public final class Main {
    /** The packages tblog's module exports: its public API. */
    static final Set<String> API = Set.of("dev.tblog", "dev.tblog.config", "dev.tblog.sink", "dev.tblog.read",
        "dev.tblog.jmh");
    /** The libraries relocated inside tblog, each a hidden package of its module. */
    static final List<String> RELOCATED = List.of("dev.tblog.internal.disruptor", "dev.tblog.internal.netty",
        "dev.tblog.internal.protobuf", "dev.tblog.internal.jctools");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Compat.run(args, Main.class, true, (thread, step) -> { }, Main::logEveryKind, Main::checkModule);
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

    /**
     * tblog is the module dev.tblog: exactly these packages exported (module-info.java's exports;
     * tblog's ModuleExportsTest keeps this list equal to them), every other package hidden, the
     * relocated libraries among them.
     */
    static void checkModule(Path logdir) throws ClassNotFoundException {
        Module tblog = Logger.class.getModule();
        if (!tblog.isNamed() || !tblog.getName().equals("dev.tblog") || !Main.class.getModule().isNamed()) {
            throw new AssertionError("not on the module path: tblog is " + tblog + ", the app " + Main.class.getModule());
        }
        Set<String> exported = new TreeSet<>();
        for (String pkg : tblog.getPackages()) {
            if (tblog.isExported(pkg)) {
                exported.add(pkg);
            }
            if (tblog.isOpen(pkg)) {
                throw new AssertionError(pkg + " is open to reflection");
            }
        }
        if (!exported.equals(new TreeSet<>(API))) {
            throw new AssertionError("dev.tblog exports " + exported + ", the API is " + new TreeSet<>(API));
        }
        for (String relocated : RELOCATED) {
            if (tblog.getPackages().stream().noneMatch(pkg -> pkg.startsWith(relocated))) {
                throw new AssertionError("no package " + relocated + "... in dev.tblog: " + new TreeSet<>(tblog.getPackages()));
            }
        }
        Class<?> nettyInside = Class.forName("dev.tblog.internal.netty.buffer.PooledByteBufAllocator");
        if (nettyInside.getModule() != tblog) {
            throw new AssertionError("relocated Netty is in " + nettyInside.getModule());
        }
        // Hidden means unusable: the public classes of internal packages cannot be reached from here.
        for (String internal : List.of("dev.tblog.ring.Publisher", nettyInside.getName())) {
            try {
                MethodHandles.lookup().accessClass(Class.forName(internal));
                throw new AssertionError(internal + " is accessible to the application");
            } catch (IllegalAccessException expected) {
                // hidden, as it should be
            }
        }
    }
}
