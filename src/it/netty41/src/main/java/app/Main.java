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
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.Version;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Netty 4.1 in the application, tblog beside it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Compat.run(args, Main.class, false, Main::useNetty, Main::logEveryKind, Main::checkNettyVersions);
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

    /** The application's own Netty work: a line protocol through a channel pipeline, pooled buffers. */
    static void useNetty(int thread, long step) {
        EmbeddedChannel channel = new EmbeddedChannel(
            new LineBasedFrameDecoder(256), new StringDecoder(StandardCharsets.UTF_8), new StringEncoder(StandardCharsets.UTF_8));
        String line = "thread " + thread + " step " + step;
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer();
        in.writeCharSequence(line + "\n", StandardCharsets.UTF_8);
        channel.writeInbound(in);
        String read = channel.readInbound();
        channel.writeOutbound(read);
        ByteBuf out = channel.readOutbound();
        String written = out.toString(StandardCharsets.UTF_8);
        out.release();
        channel.finishAndReleaseAll();
        if (!line.equals(read) || !line.equals(written)) {
            throw new AssertionError("Netty round trip: read " + read + ", wrote " + written);
        }
    }

    /** Every Netty jar on the class path is the application's 4.1: tblog brought none. */
    static void checkNettyVersions(Path logdir) {
        Map<String, Version> versions = Version.identify();
        versions.forEach((artifact, version) -> {
            if (!version.artifactVersion().startsWith("4.1.")) {
                throw new AssertionError("Netty " + artifact + " " + version.artifactVersion() + " on the class path");
            }
        });
        if (!versions.containsKey("netty-buffer") || !versions.containsKey("netty-handler")) {
            throw new AssertionError("the application's Netty is missing: " + versions.keySet());
        }
    }
}
