package dev.tblog;

import dev.tblog.config.ConfigLoader;
import dev.tblog.proto.Event;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bad-input catalog: each bad call gets its documented outcome, nothing is written outside the
 * run folder, and the logger keeps working (a good scalar logged after the bad call is in the file).
 * Images: wrong shapes throw IllegalArgumentException where the value is made or at the call.
 * Histograms: no value, null arrays or bins, bad ranges and bad binned input throw
 * IllegalArgumentException; non-finite values are left out of the histogram and counted in
 * {@code <tag>/nonfinite} (only that scalar when all are). Graphs, meshes and embeddings: every
 * malformed value (a cycle, a dangling edge, a face index out of range, metadata that would shift
 * the projector's rows, a sprite too large) throws IllegalArgumentException, nothing published.
 */
class BadInputCatalogTest {
    private static final Class<? extends Throwable> OK = null;

    @TempDir
    Path root;

    static Stream<Arguments> badCalls() {
        Map<String, Double> nullValue = new HashMap<>();
        nullValue.put("k", null);
        return Stream.of(
            row("null tag", IllegalArgumentException.class, l -> l.addScalar(null, 1, 1)),
            row("empty tag", IllegalArgumentException.class, l -> l.addScalar("", 1, 1)),
            row("whitespace tag", IllegalArgumentException.class, l -> l.addScalar("   ", 1, 1)),
            row("control character in tag", IllegalArgumentException.class, l -> l.addScalar("a\u0000b", 1, 1)),
            row("newline in tag", IllegalArgumentException.class, l -> l.addScalar("a\nb", 1, 1)),
            row("'..' tag", IllegalArgumentException.class, l -> l.addScalar("../../escape", 1, 1)),
            row("'..' segment", IllegalArgumentException.class, l -> l.addScalar("a/../../escape", 1, 1)),
            row("absolute tag", IllegalArgumentException.class, l -> l.addScalar("/tmp/escape", 1, 1)),
            row("backslash tag", IllegalArgumentException.class, l -> l.addScalar("..\\escape", 1, 1)),
            row("addScalars main tag '..'", IllegalArgumentException.class,
                l -> l.addScalars("../../escape", Map.of("k", 1), 1)),
            row("addScalars key '..'", IllegalArgumentException.class, l -> l.addScalars("m", Map.of("..", 1), 1)),
            row("addScalars key with '/'", IllegalArgumentException.class,
                l -> l.addScalars("m", Map.of("../escape", 1), 1)),
            row("addScalars key with '\\'", IllegalArgumentException.class,
                l -> l.addScalars("m", Map.of("a\\b", 1), 1)),
            row("addScalars absolute key", IllegalArgumentException.class,
                l -> l.addScalars("m", Map.of("/tmp", 1), 1)),
            row("addScalars null map", IllegalArgumentException.class, l -> l.addScalars("m", null, 1)),
            row("addScalars null value", IllegalArgumentException.class, l -> l.addScalars("m", nullValue, 1)),
            row("text null tag", IllegalArgumentException.class, l -> l.addText(null, "t", 1)),
            row("unpaired surrogate in a tag", IllegalArgumentException.class, l -> l.addScalar("a\uD800b", 1, 1)),
            row("unpaired surrogate in an addScalars key", IllegalArgumentException.class,
                l -> l.addScalars("m", Map.of("k\uDC00", 1), 1)),
            row("unpaired surrogate in a text", IllegalArgumentException.class, l -> l.addText("t", "a\uD800", 1)),
            row("unpaired surrogate in an hparam value", IllegalArgumentException.class,
                l -> l.addParameters(Map.of("solver", "\uDC00"), Map.of())),
            row("addScalars folder over 255 bytes", IllegalArgumentException.class,
                l -> l.addScalars("m", Map.of("k".repeat(254), 1), 1)),
            row("a histogram under a scalar's tag", IllegalArgumentException.class, l -> {
                l.addScalar("rate", 1, 1);
                l.addHistogram("rate", new double[] {1}, 1);
            }),
            row("an image under a text's tag", IllegalArgumentException.class, l -> {
                l.addText("notes", "n", 1);
                l.addImage("notes/text_summary", Image.gray(new float[] {0.5f}, 1, 1), 1);
            }),
            row("NaN scalar, written as is", OK, l -> l.addScalar("nan", Double.NaN, 1)),
            row("+inf scalar, written as is", OK, l -> l.addScalar("inf", Double.POSITIVE_INFINITY, 1)),
            row("-inf scalar, written as is", OK, l -> l.addScalar("inf", Double.NEGATIVE_INFINITY, 2)),
            row("negative step, written as is", OK, l -> l.addScalar("step", 1, -1)),
            row("huge step, written as is", OK, l -> l.addScalar("step", 1, Long.MAX_VALUE)),
            row("minimum step, written as is", OK, l -> l.addScalar("step", 1, Long.MIN_VALUE)),
            row("NaN in addScalars, written as is", OK, l -> l.addScalars("m", Map.of("k", Double.NaN), 1)),
            // Images: wrong shapes (rank, channels, empty). Channels other than 1, 3, 4 cannot be
            // asked for: gray, rgb and rgba are the only shapes (ImageShapeTest covers the rule).
            row("image shape not the array's length", IllegalArgumentException.class,
                l -> l.addImage("img", Image.gray(new float[99], 10, 10), 1)),
            row("image of a rank-3 array given as gray", IllegalArgumentException.class,
                l -> l.addImage("img", Image.gray(new float[300], 10, 10), 1)),
            row("RGB image of a gray-sized array", IllegalArgumentException.class,
                l -> l.addImage("img", Image.rgb(new double[200], 10, 10), 1)),
            row("RGBA image of an RGB-sized array", IllegalArgumentException.class,
                l -> l.addImage("img", Image.rgba(new byte[300], 10, 10), 1)),
            row("image of height 0", IllegalArgumentException.class,
                l -> l.addImage("img", Image.gray(new float[0], 0, 10), 1)),
            row("image of negative width", IllegalArgumentException.class,
                l -> l.addImage("img", Image.gray(new float[10], 10, -1), 1)),
            row("images, n = 0", IllegalArgumentException.class,
                l -> l.addImages("img", Images.gray(new float[0], 0, 5, 5), 1)),
            row("images, negative n", IllegalArgumentException.class,
                l -> l.addImages("img", Images.gray(new float[25], -1, 5, 5), 1)),
            row("images, shape not the array's length", IllegalArgumentException.class,
                l -> l.addImages("img", Images.gray(new byte[6 * 25 - 1], 6, 5, 5), 1)),
            row("images tiled over image.maxPixels", IllegalArgumentException.class,
                l -> l.addImages("img", Images.gray(new byte[9 * 1025 * 1025], 9, 1025, 1025), 1)), // 2050 x 8200 > 2^24
            row("image null data", IllegalArgumentException.class,
                l -> l.addImage("img", Image.gray((float[]) null, 2, 2), 1)),
            row("image null", IllegalArgumentException.class, l -> l.addImage("img", null, 1)),
            row("images null", IllegalArgumentException.class, l -> l.addImages("img", null, 1)),
            row("image '..' tag", IllegalArgumentException.class,
                l -> l.addImage("../escape", Image.gray(new float[4], 2, 2), 1)),
            row("image null BufferedImage", IllegalArgumentException.class,
                l -> l.addImage("img", Image.of(null), 1)),
            row("figure of width 0", IllegalArgumentException.class,
                l -> l.addFigure("fig", Figure.drawn(0, 10, g -> { }), 1)),
            row("figure over image.maxPixels", IllegalArgumentException.class,
                l -> l.addFigure("fig", Figure.drawn(5000, 4000, g -> { }), 1)),
            row("figure null callback", IllegalArgumentException.class,
                l -> l.addFigure("fig", Figure.drawn(10, 10, null), 1)),
            row("figure null", IllegalArgumentException.class, l -> l.addFigure("fig", null, 1)),
            row("figure whose callback throws: the caller's exception, nothing published", IllegalStateException.class,
                l -> l.addFigure("fig", Figure.drawn(10, 10, g -> {
                    throw new IllegalStateException("chart broke");
                }), 1)),
            row("NaN and infinite pixels, black and white", OK,
                l -> l.addImage("img", Image.gray(new float[] {Float.NaN, Float.POSITIVE_INFINITY, -1, 2}, 2, 2), 1)),
            // Histograms: empty, NaN/inf values
            row("histogram of no value", IllegalArgumentException.class, l -> l.addHistogram("h", new double[0], 1)),
            row("histogram of no value, auto step", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.of(new float[0]))),
            row("histogram null array", IllegalArgumentException.class, l -> l.addHistogram("h", (double[]) null, 1)),
            row("histogram null array, auto step", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.of((long[]) null))),
            row("histogram null", IllegalArgumentException.class, l -> l.addHistogram("h", (Histogram) null, 1)),
            row("histogram null bins", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.of(new int[] {1}).bins(null), 1)),
            row("histogram '..' tag", IllegalArgumentException.class,
                l -> l.addHistogram("../escape", new double[] {1}, 1)),
            row("histogram negative offset", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.of(new double[] {1, 2}).range(-1, 1), 1)),
            row("histogram range past the end", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.of(new double[] {1, 2}).range(1, 2), 1)),
            row("histogram negative length", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.of(new int[] {1, 2}).range(0, -1), 1)),
            row("histogram offset overflow", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.of(new long[] {1, 2}).range(Integer.MAX_VALUE, 2)
                    .bins(HistogramBins.equalWidth(3)), 1)),
            row("histogram of NaN only: only h/nonfinite", OK, l -> l.addHistogram("h", new double[] {Double.NaN}, 1)),
            row("histogram of infinities only: only h/nonfinite", OK,
                l -> l.addHistogram("h", Histogram.of(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}), 1)),
            row("histogram with NaN and finite values: the finite ones plus h/nonfinite", OK,
                l -> l.addHistogram("h", Histogram.of(new double[] {Double.NaN, 1}).bins(HistogramBins.equalWidth(4)), 1)),
            row("histogram of Long.MIN/MAX_VALUE, clamped in", OK,
                l -> l.addHistogram("h", Histogram.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}), 1)),
            row("histogram of +-Double.MAX_VALUE, equal width", OK,
                l -> l.addHistogram("h", Histogram.of(new double[] {-Double.MAX_VALUE, Double.MAX_VALUE})
                    .bins(HistogramBins.equalWidth(10)), 1)),
            row("binned histogram lengths differ", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.binned(new double[] {0, 1}, new double[] {1}), 1)),
            row("binned histogram no bucket", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.binned(new double[0], new double[0]), 1)),
            row("binned histogram null limits", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.binned(null, new double[] {1}), 1)),
            row("binned histogram limits not increasing", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.binned(new double[] {1, 1}, new double[] {1, 1}), 1)),
            row("binned histogram NaN limit", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.binned(new double[] {Double.NaN, 1}, new double[] {1, 1}), 1)),
            row("binned histogram negative count", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.binned(new double[] {1}, new double[] {-1}), 1)),
            row("binned histogram infinite count", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.binned(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}), 1)),
            row("binned histogram NaN count", IllegalArgumentException.class,
                l -> l.addHistogram("h", Histogram.binned(new double[] {1}, new double[] {Double.NaN}), 1)),
            row("range of a binned histogram", IllegalStateException.class,
                l -> l.addHistogram("h", Histogram.binned(new double[] {1}, new double[] {1}).range(0, 1), 1)),
            row("min of a histogram of values", IllegalStateException.class,
                l -> l.addHistogram("h", Histogram.of(new double[] {1}).min(0), 1)),
            // Dashboards, part 1 (issue 14)
            row("audio null", IllegalArgumentException.class, l -> l.addAudio("a", null, 1)),
            row("audio null samples", IllegalArgumentException.class,
                l -> l.addAudio("a", Audio.mono((float[]) null, 8000), 1)),
            row("audio of no sample", IllegalArgumentException.class, l -> l.addAudio("a", Audio.mono(new double[0], 8000), 1)),
            row("audio sample rate 0", IllegalArgumentException.class, l -> l.addAudio("a", Audio.mono(new float[4], 0), 1)),
            row("audio 0 channels", IllegalArgumentException.class,
                l -> l.addAudio("a", Audio.interleaved(new float[4], 0, 8000), 1)),
            row("audio not whole frames", IllegalArgumentException.class,
                l -> l.addAudio("a", Audio.interleaved(new float[5], 2, 8000), 1)),
            row("audio '..' tag", IllegalArgumentException.class, l -> l.addAudio("../a", Audio.mono(new float[4], 8000), 1)),
            row("audio with NaN and loud samples: silence and clipped", OK,
                l -> l.addAudio("a", Audio.mono(new float[] {Float.NaN, 7f, -7f, Float.NEGATIVE_INFINITY}, 8000), 1)),
            row("PR curve null", IllegalArgumentException.class, l -> l.addPrCurve("pr", null, 1)),
            row("PR curve null labels", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(null, new float[] {0.5f}), 1)),
            row("PR curve of no prediction", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[0], new double[0]), 1)),
            row("PR curve labels and predictions differ in length", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[2], new float[3]), 1)),
            row("PR curve prediction above 1", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[2], new float[] {0.5f, 1.01f}), 1)),
            row("PR curve negative prediction", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[2], new double[] {-0.1, 0.5}), 1)),
            row("PR curve NaN prediction", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[2], new float[] {Float.NaN, 0.5f}))),
            row("PR curve negative weight", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[2], new float[2]).weighted(new double[] {1, -1}), 1)),
            row("PR curve infinite weight", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[1], new float[1]).weighted(new float[] {Float.POSITIVE_INFINITY}), 1)),
            row("PR curve weights of another length", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[2], new float[2]).weighted(new float[3]), 1)),
            row("PR curve of 1 threshold", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[2], new float[2]).thresholds(1), 1)),
            row("raw PR curve rows of different lengths", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.raw(new double[3], new double[3], new double[3], new double[2],
                    new double[3], new double[3]), 1)),
            row("raw PR curve negative count", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.raw(new double[] {1, -1}, new double[2], new double[2], new double[2],
                    new double[2], new double[2]), 1)),
            row("raw PR curve precision above 1", IllegalArgumentException.class,
                l -> l.addPrCurve("pr", PrCurve.raw(new double[2], new double[2], new double[2], new double[2],
                    new double[] {0, 1.5}, new double[2]), 1)),
            row("thresholds of a raw PR curve", IllegalStateException.class,
                l -> l.addPrCurve("pr", PrCurve.raw(new double[2], new double[2], new double[2], new double[2],
                    new double[2], new double[2]).thresholds(5), 1)),
            row("PR curve all at 0 and 1, the edges", OK,
                l -> l.addPrCurve("pr", PrCurve.of(new boolean[] {true, false}, new float[] {0f, 1f}), 1)),
            row("custom scalars null layout", IllegalArgumentException.class, l -> l.addCustomScalars(null)),
            row("custom scalars invalid regex", IllegalArgumentException.class,
                l -> l.addCustomScalars(CustomScalars.builder().category("c").multiline("m", "[a-").build())),
            row("custom scalars chart before a category", IllegalStateException.class,
                l -> l.addCustomScalars(CustomScalars.builder().margin("m", "v", "l", "u").build())),
            row("video null", IllegalArgumentException.class, l -> l.addVideo("v", null, 1)),
            row("video null data", IllegalArgumentException.class, l -> l.addVideo("v", Video.gray((float[]) null, 2, 2, 2), 1)),
            row("video shape not the array's length", IllegalArgumentException.class,
                l -> l.addVideo("v", Video.gray(new float[7], 2, 2, 2), 1)),
            row("video of 0 frames", IllegalArgumentException.class, l -> l.addVideo("v", Video.rgb(new byte[0], 0, 2, 2), 1)),
            row("video fps 0", IllegalArgumentException.class, l -> l.addVideo("v", Video.gray(new double[8], 2, 2, 2).fps(0), 1)),
            row("video fps NaN", IllegalArgumentException.class,
                l -> l.addVideo("v", Video.gray(new double[8], 2, 2, 2).fps(Double.NaN), 1)),
            row("video frame wider than a GIF", IllegalArgumentException.class,
                l -> l.addVideo("v", Video.gray(new byte[70_000], 1, 1, 70_000), 1)),
            row("video frame over image.maxPixels", IllegalArgumentException.class,
                l -> l.addVideo("v", Video.grayBatch(new byte[9 * 1025 * 1025], 9, 1, 1025, 1025), 1)),
            row("video of NaN and out-of-range values: black and white", OK,
                l -> l.addVideo("v", Video.gray(new float[] {Float.NaN, -1, 2, 0.5f}, 4, 1, 1).fps(100))),
            row("boxes null", IllegalArgumentException.class,
                l -> l.addImageWithBoxes("b", Image.gray(new float[4], 2, 2), null, 1)),
            row("image with boxes, null image", IllegalArgumentException.class,
                l -> l.addImageWithBoxes("b", null, Boxes.of(0, 0, 1, 1), 1)),
            row("boxes not in fours", IllegalArgumentException.class,
                l -> l.addImageWithBoxes("b", Image.gray(new float[4], 2, 2), Boxes.of(0, 0, 1), 1)),
            row("box with x2 < x1", IllegalArgumentException.class,
                l -> l.addImageWithBoxes("b", Image.gray(new float[4], 2, 2), Boxes.of(1, 0, 0, 1), 1)),
            row("box with a NaN corner", IllegalArgumentException.class,
                l -> l.addImageWithBoxes("b", Image.gray(new float[4], 2, 2), Boxes.of(0, Double.NaN, 1, 1), 1)),
            row("boxes with more labels than boxes", IllegalArgumentException.class,
                l -> l.addImageWithBoxes("b", Image.gray(new float[4], 2, 2), Boxes.of(0, 0, 1, 1).labels("a", "b"), 1)),
            row("image with boxes over image.maxPixels", IllegalArgumentException.class,
                l -> l.addImageWithBoxes("b", Image.gray(new byte[4097 * 4097], 4097, 4097), Boxes.of(), 1)),
            row("boxes far outside the picture, and none: drawn clipped", OK, l -> {
                l.addImageWithBoxes("b", Image.rgba(new float[16], 2, 2), Boxes.of(-100, -100, 1e15, 1e15).labels("x"), 1);
                l.addImageWithBoxes("b", Image.gray(new float[4], 2, 2), Boxes.of());
            }),
            row("custom scalars twice: the later replaces the first", OK, l -> {
                l.addCustomScalars(CustomScalars.builder().category("c").multiline("m", ".*").build());
                l.addCustomScalars(CustomScalars.builder().category("d").multiline("m", ".*").build());
            }),
            // Dashboards, part 2 (issue 15)
            // Graphs: checked where they are built
            row("graph null", IllegalArgumentException.class, l -> l.addGraph(null)),
            row("graph with a cycle", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a", "A").node("b", "B").edge("a", "b").edge("b", "a").build())),
            row("graph with a dangling edge", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a", "A").edge("a", "b").build())),
            row("graph node added twice", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a", "A").node("a", "B").build())),
            row("graph node name with ':'", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a:0", "A").build())),
            row("graph node name with an empty group", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a//b", "A").build())),
            row("graph node null name", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node(null, "A").build())),
            row("graph blank op", IllegalArgumentException.class, l -> l.addGraph(Graph.builder().node("a", " ").build())),
            row("graph attribute of another type", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a", "A", Map.of("k", new Object())).build())),
            row("graph null attributes", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a", "A", null).build())),
            row("graph shape below -1", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a", "A").shape("a", -2).build())),
            row("graph shape of no node", IllegalArgumentException.class,
                l -> l.addGraph(Graph.builder().node("a", "A").shape("b", 3).build())),
            // Meshes
            row("mesh null", IllegalArgumentException.class, l -> l.addMesh("m", null, 1)),
            row("mesh null vertices", IllegalArgumentException.class, l -> l.addMesh("m", Mesh.of((float[]) null), 1)),
            row("mesh no vertex", IllegalArgumentException.class, l -> l.addMesh("m", Mesh.of(new float[0]), 1)),
            row("mesh vertices not triples", IllegalArgumentException.class,
                l -> l.addMesh("m", Mesh.of(new double[4]), 1)),
            row("mesh faces not triples", IllegalArgumentException.class,
                l -> l.addMesh("m", Mesh.of(new float[9]).faces(new int[] {0, 1}), 1)),
            row("mesh face index past the vertices", IllegalArgumentException.class,
                l -> l.addMesh("m", Mesh.of(new float[9]).faces(new int[] {0, 1, 3}), 1)),
            row("mesh negative face index", IllegalArgumentException.class,
                l -> l.addMesh("m", Mesh.of(new float[9]).faces(new int[] {0, -1, 2}), 1)),
            row("mesh colours not one per vertex", IllegalArgumentException.class,
                l -> l.addMesh("m", Mesh.of(new float[9]).colors(new byte[6]), 1)),
            row("mesh scene with NaN", IllegalArgumentException.class,
                l -> l.addMesh("m", Mesh.of(new float[3]).config(Map.of("camera", Map.of("fov", Double.NaN))), 1)),
            row("mesh '..' tag", IllegalArgumentException.class, l -> l.addMesh("../escape", Mesh.of(new float[3]), 1)),
            row("mesh with NaN coordinates, written as is", OK,
                l -> l.addMesh("m", Mesh.of(new float[] {Float.NaN, 0, Float.POSITIVE_INFINITY}), 1)),
            // Embeddings
            row("embedding null", IllegalArgumentException.class, l -> l.addEmbedding("e", null, 1)),
            row("embedding null data", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of((float[]) null, 1, 1), 1)),
            row("embedding shape not the array's length", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[5], 2, 3), 1)),
            row("embedding of no row", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new double[0], 0, 3), 1)),
            row("embedding labels not one per row", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 2, 2).labels(List.of("a")), 1)),
            row("embedding label with a tab", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 2, 2).labels(List.of("a\tb", "c")), 1)),
            row("embedding label with a line break", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 2, 2).labels(List.of("a", "b\r\n")), 1)),
            row("embedding blank label", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 2, 2).labels(List.of("a", "\u00a0 ")), 1)),
            row("embedding null label", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 2, 2).labels(java.util.Arrays.asList("a", null)), 1)),
            row("embedding header of one column", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[2], 1, 2).metadata(List.of("x"), List.of(List.of("1"))), 1)),
            row("embedding repeated column name", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[2], 1, 2)
                    .metadata(List.of("x", "x"), List.of(List.of("1", "2"))), 1)),
            row("embedding metadata row of another length", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[2], 1, 2)
                    .metadata(List.of("x", "y"), List.of(List.of("1"))), 1)),
            row("embedding metadata row blank in every column", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[2], 1, 2)
                    .metadata(List.of("x", "y"), List.of(List.of("", " "))), 1)),
            row("embedding thumbnails not one per row", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 2, 2).thumbnails(Images.gray(new float[4], 1, 2, 2)), 1)),
            row("embedding sprite over the projector's 8192 pixels", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 4, 1)
                    .thumbnails(Images.gray(new byte[4 * 5000], 4, 5000, 1)), 1)), // 2 cells of 5000 high
            row("embedding sprite over image.maxPixels", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 4, 1)
                    .thumbnails(Images.gray(new byte[4 * 2100 * 2100], 4, 2100, 2100)), 1)), // 4200 x 4200 > 2^24
            row("embedding null thumbnails", IllegalArgumentException.class,
                l -> l.addEmbedding("e", Embedding.of(new float[4], 2, 2).thumbnails(null), 1)),
            row("embedding '..' tag", IllegalArgumentException.class,
                l -> l.addEmbedding("a/../../escape", Embedding.of(new float[4], 2, 2), 1)),
            row("embedding of NaN and infinities, written as is", OK,
                l -> l.addEmbedding("e", Embedding.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY}, 1, 2), 1))
        );
    }

    private static Arguments row(String name, Class<? extends Throwable> expected, Consumer<Logger> call) {
        return Arguments.of(Named.of(name, call), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void shouldGiveEachBadCallItsDocumentedOutcomeAndKeepTheLoggerWorking(Consumer<Logger> call,
                                                                      Class<? extends Throwable> expected)
        throws IOException {
        Path logdir = root.resolve("logs");
        Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build();
        if (expected == null) {
            assertThatCode(() -> call.accept(log)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> call.accept(log)).isInstanceOf(expected);
        }
        log.addScalar("good", 42, 7);
        log.close();
        List<Event> good = TestEvents.withTag(TestEvents.read(log.runDir()), "good");
        assertThat(good).hasSize(1);
        assertThat(good.get(0).getStep()).isEqualTo(7);
        assertThat(list(root)).as("nothing written beside the log folder").containsExactly("logs");
        assertThat(list(logdir)).as("nothing written beside the run folder").containsExactly("run");
        assertThat(log.stats().failures()).isZero();
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
            Arguments.of("unknown key", "ring.sise=1024\n", "unknown config key 'ring.sise'"),
            Arguments.of("wrong type", "ring.size=big\n", "ring.size"),
            Arguments.of("wrong type, boolean", "shutdownHook.enabled=yes\n", "shutdownHook.enabled"),
            Arguments.of("negative size", "write.thresholdBytes=-1\n", "write.thresholdBytes"),
            Arguments.of("negative file size", "file.maxBytes=-5\n", "file.maxBytes"),
            Arguments.of("ring not a power of two", "ring.size=1000\n", "power of two"),
            Arguments.of("unknown policy", "overflow.policy=maybe\n", "overflow.policy"),
            Arguments.of("negative stall timeout", "overflow.stallTimeoutMillis=-1\n", "overflow.stallTimeoutMillis"));
    }

    @ParameterizedTest(name = "config: {0}")
    @MethodSource("badConfigs")
    void shouldFailFastOnABadConfigFileNamingTheKeyAndStillBuildAGoodLogger(String name, String text, String message)
        throws IOException {
        Path file = Files.writeString(root.resolve("bad.properties"), text);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("tblog.config", file.toString()), Map.of(), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        String[] kv = text.trim().split("=", 2);
        assertThatThrownBy(() -> Logger.builder().logdir(root.resolve("logs")).set(kv[0], kv[1]).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(kv[0]);
        assertThat(root.resolve("logs")).as("a bad config creates nothing").doesNotExist();
        try (Logger log = Logger.builder().logdir(root.resolve("logs")).experiment("run")
            .set("shutdownHook.enabled", "false").build()) {
            log.addScalar("good", 1, 1);
        }
        assertThat(TestEvents.withTag(TestEvents.read(root.resolve("logs").resolve("run")), "good")).hasSize(1);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
