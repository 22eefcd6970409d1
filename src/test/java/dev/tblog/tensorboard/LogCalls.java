package dev.tblog.tensorboard;

import dev.tblog.Audio;
import dev.tblog.Boxes;
import dev.tblog.CustomScalars;
import dev.tblog.Domain;
import dev.tblog.Embedding;
import dev.tblog.Figure;
import dev.tblog.Graph;
import dev.tblog.Histogram;
import dev.tblog.HistogramBins;
import dev.tblog.Image;
import dev.tblog.Images;
import dev.tblog.JFreeChartFigure;
import dev.tblog.Logger;
import dev.tblog.LoggerBuilder;
import dev.tblog.Mesh;
import dev.tblog.PrCurve;
import dev.tblog.Sweep;
import dev.tblog.Video;
import org.jfree.chart.JFreeChart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    /** Several scalars on one chart at the main tag's next automatic step. */
    public static void scalarsAtNextStep(Logger log, String mainTag, Map<String, Double> values) {
        log.addScalars(mainTag, values);
    }

    /** A gray picture {@code (h, w)} of floats meant in [0, 1]. */
    public static void grayImage(Logger log, String tag, float[] pixels, int height, int width, long step,
                                 boolean equalize) {
        Image image = Image.gray(pixels, height, width);
        log.addImage(tag, equalize ? image.equalized() : image, step);
    }

    /** A gray picture {@code (h, w)} of doubles meant in [0, 1]. */
    public static void grayImage(Logger log, String tag, double[] pixels, int height, int width, long step) {
        log.addImage(tag, Image.gray(pixels, height, width), step);
    }

    /** A gray picture {@code (h, w)} of unsigned bytes. */
    public static void grayImage(Logger log, String tag, byte[] pixels, int height, int width, long step) {
        log.addImage(tag, Image.gray(pixels, height, width), step);
    }

    /** A colour picture {@code (h, w, channels)}, 3 (RGB) or 4 (RGBA), of floats meant in [0, 1]. */
    public static void colorImage(Logger log, String tag, float[] pixels, int height, int width, int channels,
                                  long step) {
        log.addImage(tag, channels == 3 ? Image.rgb(pixels, height, width) : Image.rgba(pixels, height, width), step);
    }

    /** A colour picture {@code (h, w, channels)} of unsigned bytes. */
    public static void colorImage(Logger log, String tag, byte[] pixels, int height, int width, int channels,
                                  long step) {
        log.addImage(tag, channels == 3 ? Image.rgb(pixels, height, width) : Image.rgba(pixels, height, width), step);
    }

    /** A batch {@code (n, h, w, channels)} of doubles, tiled into one picture. */
    public static void imageBatch(Logger log, String tag, double[] pixels, int n, int height, int width,
                                  int channels, long step, boolean equalize, boolean equalizePerImage) {
        Images batch = channels == 1 ? Images.gray(pixels, n, height, width)
            : channels == 3 ? Images.rgb(pixels, n, height, width) : Images.rgba(pixels, n, height, width);
        log.addImages(tag, scaled(batch, equalize, equalizePerImage), step);
    }

    /** A batch {@code (n, h, w, channels)} of floats, tiled into one picture. */
    public static void imageBatch(Logger log, String tag, float[] pixels, int n, int height, int width,
                                  int channels, long step, boolean equalize, boolean equalizePerImage) {
        Images batch = channels == 1 ? Images.gray(pixels, n, height, width)
            : channels == 3 ? Images.rgb(pixels, n, height, width) : Images.rgba(pixels, n, height, width);
        log.addImages(tag, scaled(batch, equalize, equalizePerImage), step);
    }

    private static Images scaled(Images batch, boolean equalize, boolean equalizePerImage) {
        if (!equalize) {
            return batch;
        }
        return equalizePerImage ? batch.equalizedPerImage() : batch.equalized();
    }

    /** A picture the caller already has as a {@link BufferedImage}. */
    public static void bufferedImage(Logger log, String tag, BufferedImage image, long step) {
        log.addFigure(tag, Figure.of(image), step);
    }

    /** A figure drawn with Java2D on tblog's white canvas. */
    public static void drawnFigure(Logger log, String tag, int width, int height, Consumer<Graphics2D> draw,
                                   long step) {
        log.addFigure(tag, Figure.drawn(width, height, draw), step);
    }

    /** A JFreeChart chart drawn as a figure. */
    public static void chartFigure(Logger log, String tag, JFreeChart chart, int width, int height, long step) {
        log.addFigure(tag, JFreeChartFigure.of(chart, width, height), step);
    }

    /** A histogram of doubles with the default ("tensorflow") bins. */
    public static void histogram(Logger log, String tag, double[] values, long step) {
        log.addHistogram(tag, values, step);
    }

    /** A histogram of floats with the default bins. */
    public static void histogram(Logger log, String tag, float[] values, long step) {
        log.addHistogram(tag, Histogram.of(values), step);
    }

    /** A histogram of ints with the default bins. */
    public static void histogram(Logger log, String tag, int[] values, long step) {
        log.addHistogram(tag, Histogram.of(values), step);
    }

    /** A histogram of longs with the default bins. */
    public static void histogram(Logger log, String tag, long[] values, long step) {
        log.addHistogram(tag, Histogram.of(values), step);
    }

    /** A histogram of doubles in {@code buckets} equal buckets over [min, max]. */
    public static void equalWidthHistogram(Logger log, String tag, double[] values, int buckets, long step) {
        log.addHistogram(tag, Histogram.of(values).bins(HistogramBins.equalWidth(buckets)), step);
    }

    /** A histogram of doubles over the caller's edges. */
    public static void explicitEdgesHistogram(Logger log, String tag, double[] values, double[] edges, long step) {
        log.addHistogram(tag, Histogram.of(values).bins(HistogramBins.explicitEdges(edges)), step);
    }

    /** A histogram the caller binned ({@code bucketLimits[i]} the right edge of bucket i). */
    public static void binnedHistogram(Logger log, String tag, double min, double max, double num, double sum,
                                       double sumSquares, double[] bucketLimits, double[] bucketCounts, long step) {
        log.addHistogram(tag, Histogram.binned(bucketLimits, bucketCounts).min(min).max(max).num(num).sum(sum)
            .sumSquares(sumSquares), step);
    }

    /** A Markdown text for the TEXT tab. */
    public static void text(Logger log, String tag, String markdown, long step) {
        log.addText(tag, markdown, step);
    }

    /** The run's parameters and final metrics for the HPARAMS tab. */
    public static void parameters(Logger log, Map<String, ?> params, Map<String, ? extends Number> metrics) {
        log.addParameters(params, metrics);
    }

    /** The solvers of the sweep that {@link #declareSweep} declares. */
    public enum Solver { EULER, RK4 }

    /**
     * Declares the sweep the HPARAMS tests use in {@code logdir}: hparams {@code learning_rate}
     * interval [1e-4, 1] ("Learning rate", with a description), {@code solver} the names of
     * {@link Solver} ("Solver"), {@code batch} discrete {16, 32, 64}, {@code plastic} Boolean (with
     * a description); metrics {@code accuracy} ("Accuracy (test)", with a description) and
     * {@code loss} ("Loss"), in that order.
     */
    public static void declareSweep(Path logdir) {
        Sweep.in(logdir)
            .hparam("learning_rate", Domain.interval(1e-4, 1.0), "Learning rate", "Step size of the Hebbian rule")
            .hparam("solver", Domain.discrete(Solver.class), "Solver")
            .hparam("batch", Domain.discrete(16, 32, 64))
            .hparam("plastic", Domain.bool(), "Plastic", "Whether the weights learn")
            .metric("accuracy", "Accuracy (test)", "Share of fresh samples recognized")
            .metric("loss", "Loss")
            .declare();
    }

    // ---- Dashboards, part 1 (issue 14) ----

    /** A mono sound of floats in [-1, 1]. */
    public static void monoAudio(Logger log, String tag, float[] samples, int sampleRate, long step) {
        log.addAudio(tag, Audio.mono(samples, sampleRate), step);
    }

    /** A sound of {@code channels} interleaved channels of doubles in [-1, 1]. */
    public static void interleavedAudio(Logger log, String tag, double[] samples, int channels, int sampleRate,
                                        long step) {
        log.addAudio(tag, Audio.interleaved(samples, channels, sampleRate), step);
    }

    /** A PR curve of labels and float predictions at {@code thresholds} thresholds. */
    public static void prCurve(Logger log, String tag, boolean[] labels, float[] predictions, int thresholds,
                               long step) {
        log.addPrCurve(tag, PrCurve.of(labels, predictions).thresholds(thresholds), step);
    }

    /** A PR curve whose counts add a weight per prediction. */
    public static void weightedPrCurve(Logger log, String tag, boolean[] labels, float[] predictions, double[] weights,
                                       int thresholds, long step) {
        log.addPrCurve(tag, PrCurve.of(labels, predictions).weighted(weights).thresholds(thresholds), step);
    }

    /** A PR curve the caller computed, one value per threshold in each row. */
    public static void rawPrCurve(Logger log, String tag, double[] tp, double[] fp, double[] tn, double[] fn,
                                  double[] precision, double[] recall, long step) {
        log.addPrCurve(tag, PrCurve.raw(tp, fp, tn, fn, precision, recall), step);
    }

    /**
     * A custom scalars layout: category title to its charts, in the map's order; each chart is
     * {@code {"multiline", title, regex...}} or {@code {"margin", title, value, lower, upper}}.
     */
    public static void customScalars(Logger log, Map<String, List<String[]>> categories) {
        CustomScalars.Builder layout = CustomScalars.builder();
        for (Map.Entry<String, List<String[]>> category : categories.entrySet()) {
            layout.category(category.getKey());
            for (String[] chart : category.getValue()) {
                if (chart[0].equals("multiline")) {
                    layout.multiline(chart[1], Arrays.copyOfRange(chart, 2, chart.length));
                } else {
                    layout.margin(chart[1], chart[2], chart[3], chart[4]);
                }
            }
        }
        log.addCustomScalars(layout.build());
    }

    /** A gray video {@code (frames, h, w)} of floats in [0, 1] at {@code fps}. */
    public static void grayVideo(Logger log, String tag, float[] values, int frames, int height, int width, double fps,
                                 long step) {
        log.addVideo(tag, Video.gray(values, frames, height, width).fps(fps), step);
    }

    /** {@code videos} gray videos {@code (frames, h, w)}, tiled frame by frame, at {@code fps}. */
    public static void grayVideoBatch(Logger log, String tag, float[] values, int videos, int frames, int height,
                                      int width, double fps, long step) {
        log.addVideo(tag, Video.grayBatch(values, videos, frames, height, width).fps(fps), step);
    }

    /** A gray picture {@code (h, w)} of floats with boxes {@code {x1, y1, x2, y2}} drawn on it. */
    public static void grayImageWithBoxes(Logger log, String tag, float[] pixels, int height, int width,
                                          double[][] boxes, long step) {
        double[] corners = new double[4 * boxes.length];
        for (int b = 0; b < boxes.length; b++) {
            System.arraycopy(boxes[b], 0, corners, 4 * b, 4);
        }
        log.addImageWithBoxes(tag, Image.gray(pixels, height, width), Boxes.of(corners), step);
    }

    /** A graph node: its name ('/' groups), op and attributes. */
    public record Node(String name, String op, Map<String, ?> attributes) {
    }

    /** A directed graph edge. */
    public record Edge(String from, String to) {
    }

    /** The run graph at {@code step} ({@code null}: the call without a step), with output shapes by node. */
    public static void graph(Logger log, List<Node> nodes, List<Edge> edges, Map<String, long[]> shapes, Long step) {
        Graph.Builder builder = Graph.builder();
        for (Node n : nodes) {
            builder.node(n.name(), n.op(), n.attributes());
        }
        for (Edge e : edges) {
            builder.edge(e.from(), e.to());
        }
        shapes.forEach(builder::shape);
        Graph graph = builder.build();
        if (step == null) {
            log.addGraph(graph);
        } else {
            log.addGraph(graph, step);
        }
    }

    /** A mesh: vertices, and faces, colours and a scene where not null. */
    public static void mesh(Logger log, String tag, float[] xyz, int[] faces, byte[] rgb, Map<String, ?> scene,
                            long step) {
        log.addMesh(tag, mesh(Mesh.of(xyz), faces, rgb, scene), step);
    }

    /** A mesh of double vertices, at the tag's next automatic step. */
    public static void meshAtNextStep(Logger log, String tag, double[] xyz, int[] faces, byte[] rgb) {
        log.addMesh(tag, mesh(Mesh.of(xyz), faces, rgb, null));
    }

    private static Mesh mesh(Mesh mesh, int[] faces, byte[] rgb, Map<String, ?> scene) {
        Mesh m = mesh;
        if (faces != null) {
            m = m.faces(faces);
        }
        if (rgb != null) {
            m = m.colors(rgb);
        }
        if (scene != null) {
            m = m.config(scene);
        }
        return m;
    }

    /**
     * An embedding of {@code rows x dims} floats, with labels, or a header and rows, and gray
     * thumbnails {@code (rows, h, w)} where not null.
     */
    public static void embedding(Logger log, String tag, float[] data, int rows, int dims, List<?> labels,
                                 List<String> header, List<? extends List<?>> metadata, float[] thumbnails,
                                 int thumbnailHeight, int thumbnailWidth, long step) {
        Embedding e = Embedding.of(data, rows, dims);
        if (labels != null) {
            e = e.labels(labels);
        }
        if (header != null) {
            e = e.metadata(header, metadata);
        }
        if (thumbnails != null) {
            e = e.thumbnails(Images.gray(thumbnails, rows, thumbnailHeight, thumbnailWidth));
        }
        log.addEmbedding(tag, e, step);
    }

    /** An embedding of doubles without metadata, at the tag's next automatic step. */
    public static void embeddingAtNextStep(Logger log, String tag, double[] data, int rows, int dims) {
        log.addEmbedding(tag, Embedding.of(data, rows, dims));
    }

    /** An embedding whose RGB thumbnails are bytes {@code (rows, h, w, 3)}. */
    public static void embeddingWithRgbThumbnails(Logger log, String tag, float[] data, int rows, int dims,
                                                  byte[] rgb, int height, int width, long step) {
        log.addEmbedding(tag, Embedding.of(data, rows, dims).thumbnails(Images.rgb(rgb, rows, height, width)), step);
    }
}
