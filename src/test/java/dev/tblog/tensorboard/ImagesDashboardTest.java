package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.Json.longs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMAGES as TensorBoard shows what tblog wrote: one picture per step, each served PNG decoded with
 * ImageIO equal, pixel for pixel, to the picture computed here from the Python writers' rules: gray
 * and colour from floats, doubles and bytes, tiled batches, equalized pictures, figures.
 */
class ImagesDashboardTest {
    private static final String RUN = "pictures";
    private static final int GRAY_H = 4;
    private static final int GRAY_W = 6;
    private static final int GRAY_STEPS = 3;
    private static final int FIGURE_W = 40;
    private static final int FIGURE_H = 30;
    private static final Color BLUE = new Color(0, 128, 255);
    private static final List<String> PNG_LEVELS = List.of("0", "1", "6", "9");
    private static final int NOISE_H = 48;
    private static final int NOISE_W = 60;

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(ImagesDashboardTest::write);

    // ---- the pictures, as data ----

    /** Below 0, above 1, exactly 0.5 and 1, NaN and infinities; shifted by the step. */
    private static float[] grayFloats(int step) {
        float[] v = new float[GRAY_H * GRAY_W];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i - 3 + step) / 17f;
        }
        v[5] = Float.NaN;
        v[7] = 0.5f;
        v[8] = 1f;
        v[9] = Float.POSITIVE_INFINITY;
        v[10] = Float.NEGATIVE_INFINITY;
        return v;
    }

    private static double[] grayDoubles() {
        double[] v = new double[3 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.5 + 0.6 * Math.sin(i);
        }
        return v;
    }

    private static final byte[] GRAY_BYTES = {0, 1, 127, (byte) 128, (byte) 200, (byte) 255, 64, 32};

    /** (3, 4, 3): every channel its own value. */
    private static float[] rgbFloats() {
        float[] v = new float[3 * 4 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / 35f;
        }
        return v;
    }

    /** (2, 2, 4) with alpha 0, 128, 255, 1. */
    private static final byte[] RGBA_BYTES = {
        10, 20, 30, 0, (byte) 250, 0, 5, (byte) 128,
        0, (byte) 255, 0, (byte) 255, 1, 2, 3, 1};

    /** Ten 3x4 gray pictures: a batch of more than 8 wraps to a second row with empty cells. */
    private static double[] grayBatch() {
        double[] v = new double[10 * 3 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i / 12 + (i % 12) / 12.0) / 10.0;
        }
        return v;
    }

    /** Three 2x3 RGB pictures of very different ranges: each equalized by its own min and max. */
    private static float[] colorBatch() {
        float[] v = new float[3 * 2 * 3 * 3];
        for (int i = 0; i < v.length; i++) {
            int k = i / 18;
            v[i] = (k + 1) * 10f * (i % 18) - 7f * k;
        }
        return v;
    }

    /** Six 5x5 pictures equalized by the min and max of the whole batch. */
    private static double[] wholeBatch() {
        double[] v = new double[6 * 5 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.cos(i / 7.0) * (1 + i / 25);
        }
        return v;
    }

    /** A 5x5 map of 10..35 with a NaN and an infinity, which equalize leaves out of min and max. */
    private static float[] rateMap() {
        float[] v = new float[25];
        for (int i = 0; i < v.length; i++) {
            v[i] = 10f + i * 1.04f;
        }
        v[3] = Float.NaN;
        v[17] = Float.POSITIVE_INFINITY;
        return v;
    }

    /** A gradient with noise, so every PNG filter and the deflate levels have work to do. */
    private static byte[] noise() {
        Random random = new Random(3);
        byte[] v = new byte[NOISE_H * NOISE_W * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) ((i / 3 % NOISE_W) * 4 + random.nextInt(16));
        }
        return v;
    }

    private static BufferedImage pattern() {
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                image.setRGB(x, y, Picture.pack(0, x * 36, y * 60, (x * y * 13) & 0xFF));
            }
        }
        return image;
    }

    private static JFreeChart chart() {
        XYSeries series = new XYSeries("rate");
        for (int t = 0; t < 100; t++) {
            series.add(t, Math.sin(t / 10.0));
        }
        return ChartFactory.createXYLineChart("Activity", "t", "rate", new XYSeriesCollection(series));
    }

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, RUN)) {
            for (int step = 0; step < GRAY_STEPS; step++) {
                LogCalls.grayImage(log, "Gray/floats", grayFloats(step), GRAY_H, GRAY_W, step, false);
            }
            LogCalls.grayImage(log, "Gray/doubles", grayDoubles(), 3, 5, 0);
            LogCalls.grayImage(log, "Gray/bytes", GRAY_BYTES, 2, 4, 0);
            LogCalls.colorImage(log, "Color/RGB", rgbFloats(), 3, 4, 3, 0);
            LogCalls.colorImage(log, "Color/RGBA", RGBA_BYTES, 2, 2, 4, 0);
            LogCalls.imageBatch(log, "Batch/gray", grayBatch(), 10, 3, 4, 1, 0, false, false);
            LogCalls.imageBatch(log, "Batch/each equalized", colorBatch(), 3, 2, 3, 3, 0, true, true);
            LogCalls.imageBatch(log, "Batch/equalized together", wholeBatch(), 6, 5, 5, 1, 0, true, false);
            LogCalls.grayImage(log, "Equalized/rate map", rateMap(), 5, 5, 0, true);
            float[] flat = new float[9];
            Arrays.fill(flat, 0.7f);
            LogCalls.grayImage(log, "Equalized/flat", flat, 3, 3, 0, true);
            LogCalls.drawnFigure(log, "Figure/drawn", FIGURE_W, FIGURE_H, g -> {
                g.setColor(Color.RED);
                g.fillRect(5, 5, 10, 8);
                g.setColor(BLUE);
                g.fillRect(20, 10, 15, 15);
            }, 0);
            LogCalls.bufferedImage(log, "Figure/image", pattern(), 0);
            LogCalls.chartFigure(log, "Figure/chart", chart(), 150, 100, 0);
        }
        for (String level : PNG_LEVELS) {
            try (Logger log = LogCalls.logger(logdir, "png-level-" + level, "image.pngCompressionLevel", level)) {
                LogCalls.colorImage(log, "Noise", noise(), NOISE_H, NOISE_W, 3, 0);
            }
        }
    }

    // ---- what TensorBoard shows ----

    @Test
    void shouldShowOnePicturePerStepForEveryTag() {
        JsonNode tags = tensorBoard.get("/data/plugin/images/tags").get(RUN);
        assertThat(fieldNames(tags)).containsExactlyInAnyOrder("Gray/floats", "Gray/doubles", "Gray/bytes",
            "Color/RGB", "Color/RGBA", "Batch/gray", "Batch/each equalized", "Batch/equalized together",
            "Equalized/rate map", "Equalized/flat", "Figure/drawn", "Figure/image", "Figure/chart");
        tags.forEach(tag -> assertThat(tag.get("samples").asInt()).as("pictures per step").isEqualTo(1));
        assertThat(longs(images("Gray/floats"), "step")).containsExactly(0L, 1L, 2L);
    }

    @Test
    void shouldClipAndTruncateGrayFloatsAndShowNaNBlack() {
        JsonNode entries = images("Gray/floats");
        assertThat(entries).hasSize(GRAY_STEPS);
        for (int step = 0; step < GRAY_STEPS; step++) {
            assertThat(entries.get(step).get("step").asLong()).isEqualTo(step);
            float[] v = grayFloats(step);
            assertShows(entries.get(step), Picture.ofSamples(GRAY_H, GRAY_W, 1, PixelRules.samples(v, 0, v.length, false)));
        }
    }

    @Test
    void shouldShowGrayDoublesAndBytes() {
        double[] d = grayDoubles();
        assertShows(only("Gray/doubles"), Picture.ofSamples(3, 5, 1, PixelRules.samples(d, 0, d.length, false)));
        assertShows(only("Gray/bytes"), Picture.ofSamples(2, 4, 1, PixelRules.samples(GRAY_BYTES)));
    }

    @Test
    void shouldKeepTheChannelsAndAlphaOfColourPictures() {
        float[] rgb = rgbFloats();
        assertShows(only("Color/RGB"), Picture.ofSamples(3, 4, 3, PixelRules.samples(rgb, 0, rgb.length, false)));
        assertShows(only("Color/RGBA"), Picture.ofSamples(2, 2, 4, PixelRules.samples(RGBA_BYTES)));
    }

    @Test
    void shouldTileABatchOfTenEightWideOnTwoRowsWithBlackCells() {
        double[] v = grayBatch();
        List<Picture> cells = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            cells.add(Picture.ofSamples(3, 4, 1, PixelRules.samples(v, k * 12, (k + 1) * 12, false)));
        }
        Picture expected = Picture.tiled(cells);
        assertThat(expected.width()).isEqualTo(32);
        assertThat(expected.height()).isEqualTo(6);
        assertShows(only("Batch/gray"), expected);
    }

    @Test
    void shouldEqualizeBatchesByEachPicturesOrTheWholeBatchsRange() {
        float[] c = colorBatch();
        List<Picture> each = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            each.add(Picture.ofSamples(2, 3, 3, PixelRules.samples(c, k * 18, (k + 1) * 18, true)));
        }
        assertShows(only("Batch/each equalized"), Picture.tiled(each));

        double[] w = wholeBatch();
        int[] all = PixelRules.samples(w, 0, w.length, true);
        List<Picture> together = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            together.add(Picture.ofSamples(5, 5, 1, Arrays.copyOfRange(all, k * 25, (k + 1) * 25)));
        }
        assertShows(only("Batch/equalized together"), Picture.tiled(together));
    }

    @Test
    void shouldIgnoreNonFiniteValuesWhenEqualizingAndShowAFlatPictureBlack() {
        float[] v = rateMap();
        Picture expected = Picture.ofSamples(5, 5, 1, PixelRules.samples(v, 0, v.length, true));
        assertThat(expected.argb()).contains(Picture.pack(255, 255, 255, 255), Picture.pack(255, 0, 0, 0));
        assertShows(only("Equalized/rate map"), expected);
        assertShows(only("Equalized/flat"), Picture.ofSamples(3, 3, 1, new int[9]));
    }

    @Test
    void shouldShowWhatWasDrawnInFigures() {
        int[] argb = new int[FIGURE_W * FIGURE_H];
        for (int y = 0; y < FIGURE_H; y++) {
            for (int x = 0; x < FIGURE_W; x++) {
                boolean red = x >= 5 && x < 15 && y >= 5 && y < 13;
                boolean blue = x >= 20 && x < 35 && y >= 10 && y < 25;
                argb[y * FIGURE_W + x] = red ? Color.RED.getRGB() : blue ? BLUE.getRGB() : Color.WHITE.getRGB();
            }
        }
        assertShows(only("Figure/drawn"), new Picture(FIGURE_W, FIGURE_H, argb));
        assertShows(only("Figure/image"), Picture.of(pattern()));
    }

    @Test
    void shouldShowTheSamePixelsAtEveryPngCompressionLevel() {
        Picture expected = Picture.ofSamples(NOISE_H, NOISE_W, 3, PixelRules.samples(noise()));
        for (String level : PNG_LEVELS) {
            JsonNode entries = tensorBoard.get("/data/plugin/images/images", "run", "png-level-" + level, "tag", "Noise");
            assertThat(entries).as("level %s", level).hasSize(1);
            assertShows(entries.get(0), expected);
        }
    }

    @Test
    void shouldShowAChartFigureAsJFreeChartRendersIt() {
        Picture shown = Picture.decode(tensorBoard.getBytes("/data/plugin/images/individualImage?"
            + only("Figure/chart").get("query").asText()));
        Picture rendered = Picture.of(chart().createBufferedImage(150, 100, BufferedImage.TYPE_INT_RGB, null));
        assertThat(shown.width()).isEqualTo(150);
        assertThat(shown.height()).isEqualTo(100);
        // Antialiased edges may blend a little differently on another raster type: count pixels that
        // differ by more than a few levels.
        int far = 0;
        for (int p = 0; p < shown.argb().length; p++) {
            if (channelDistance(shown.argb()[p], rendered.argb()[p]) > 8) {
                far++;
            }
        }
        assertThat(far).as("pixels unlike JFreeChart's own rendering").isLessThan(shown.argb().length / 100);
    }

    private static int channelDistance(int a, int b) {
        int max = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            max = Math.max(max, Math.abs((a >>> shift & 0xFF) - (b >>> shift & 0xFF)));
        }
        return max;
    }

    private static JsonNode images(String tag) {
        return tensorBoard.get("/data/plugin/images/images", "run", RUN, "tag", tag);
    }

    private static JsonNode only(String tag) {
        JsonNode entries = images(tag);
        assertThat(entries).as("pictures of %s", tag).hasSize(1);
        return entries.get(0);
    }

    private static void assertShows(JsonNode entry, Picture expected) {
        Picture shown = Picture.decode(tensorBoard.getBytes("/data/plugin/images/individualImage?"
            + entry.get("query").asText()));
        assertThat(shown.firstDifference(expected)).as("shown vs expected at step %s", entry.get("step")).isNull();
    }
}
