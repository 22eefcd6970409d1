package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.tblog.ImagePictures.expected;
import static dev.tblog.ImagePictures.image;
import static dev.tblog.ImagePictures.samples;
import static dev.tblog.ImagePictures.tiled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * addImage, addImages, addFigure through the logger: the event file decoded with the generated
 * protobuf classes, the PNG with ImageIO, pixels compared exactly with expectations computed here.
 */
@ExtendWith(SimpleLeakDetection.class)
class ImageLoggingTest {
    @TempDir
    Path logdir;

    private Logger logger(String... keyValues) {
        LoggerBuilder b = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false");
        for (int i = 0; i < keyValues.length; i += 2) {
            b.set(keyValues[i], keyValues[i + 1]);
        }
        return b.build();
    }

    /** Floats mostly in [0, 1], some outside, a NaN and an infinity: exercises clip and NaN rules. */
    private static float[] floats(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 1.4f - 0.2f;
        }
        if (n > 3) {
            v[1] = Float.NaN;
            v[2] = 1.0f;
            v[3] = 0.999f;
        }
        return v;
    }

    private static Image equalized(Image image, boolean equalize) {
        return equalize ? image.equalized() : image;
    }

    private static double[] doubles(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() * 3 - 1;
        }
        v[0] = Double.NaN;
        return v;
    }

    private static byte[] bytes(int n, long seed) {
        byte[] v = new byte[n];
        new Random(seed).nextBytes(v);
        return v;
    }

    private static Event only(Logger log, String tag) {
        List<Event> events = TestEvents.withTag(TestEvents.read(log.runDir()), tag);
        assertThat(events).as(tag).hasSize(1);
        return events.get(0);
    }

    @Test
    void shouldClipTruncateAndStoreGrayFloatsAsGrayPngWithImagesMetadataOnTheFirstValueOnly() {
        float[] v = floats(100 * 80, 1);
        try (Logger log = logger()) {
            log.addImage("gray", Image.gray(v, 100, 80), 3);
            log.addImage("gray", Image.gray(v, 100, 80), 4);
        }
        List<Event> events = TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "gray");
        assertThat(events).extracting(Event::getStep).containsExactly(3L, 4L);
        Summary.Image img = image(events.get(0));
        assertThat(img.getHeight()).isEqualTo(100);
        assertThat(img.getWidth()).isEqualTo(80);
        assertThat(img.getColorspace()).isEqualTo(1);
        assertThat(samples(img)).containsExactly(expected(v, 0, v.length, false));
        Summary.Value first = events.get(0).getSummary().getValue(0);
        assertThat(first.getMetadata().getPluginData().getPluginName()).isEqualTo("images");
        assertThat(first.getMetadata().getPluginData().getContent().isEmpty()).isTrue();
        assertThat(first.getMetadata().getDataClass()).as("no data class: TensorBoard makes its own metadata")
            .isEqualTo(SummaryMetadata.getDefaultInstance().getDataClass());
        assertThat(events.get(1).getSummary().getValue(0).hasMetadata()).isFalse();
    }

    @Test
    void shouldApplyTheClipAndNanRulesToHandPickedValues() {
        float[] v = {-0.5f, 0f, 0.5f, 0.999f, 1f, 1.7f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.2f};
        try (Logger log = logger()) {
            log.addImage("rules", Image.gray(v, 2, 5), 0);
        }
        assertThat(samples(image(only(logOf(), "rules")))).containsExactly(0, 0, 127, 254, 255, 255, 0, 255, 0, 51);
    }

    private Path logOf() {
        return logdir.resolve("run");
    }

    private static Event only(Path run, String tag) {
        List<Event> events = TestEvents.withTag(TestEvents.read(run), tag);
        assertThat(events).as(tag).hasSize(1);
        return events.get(0);
    }

    @ParameterizedTest(name = "equalize={0}")
    @ValueSource(booleans = {false, true})
    void shouldRoundTripGrayRgbAndRgbaOfFloatsDoublesAndBytesExactly(boolean equalize) {
        float[] grayF = floats(12 * 7, 2);
        double[] rgbD = doubles(9 * 11 * 3, 3);
        byte[] rgbaB = bytes(6 * 5 * 4, 4);
        float[] rgbaF = floats(6 * 5 * 4, 5);
        double[] grayD = doubles(4 * 4, 6);
        byte[] grayB = bytes(3 * 8, 7);
        byte[] rgbB = bytes(5 * 5 * 3, 8);
        try (Logger log = logger()) {
            log.addImage("grayF", equalized(Image.gray(grayF, 12, 7), equalize), 0);
            log.addImage("rgbD", equalized(Image.rgb(rgbD, 9, 11), equalize), 0);
            log.addImage("rgbaB", equalized(Image.rgba(rgbaB, 6, 5), equalize), 0);
            log.addImage("rgbaF", equalized(Image.rgba(rgbaF, 6, 5), equalize), 0);
            log.addImage("grayD", equalized(Image.gray(grayD, 4, 4), equalize), 0);
            log.addImage("grayB", equalized(Image.gray(grayB, 3, 8), equalize), 0);
            log.addImage("rgbB", equalized(Image.rgb(rgbB, 5, 5), equalize), 0);
        }
        check("grayF", 12, 7, 1, expected(grayF, 0, grayF.length, equalize));
        check("rgbD", 9, 11, 3, expected(rgbD, 0, rgbD.length, equalize));
        check("rgbaB", 6, 5, 4, expected(rgbaB, 0, rgbaB.length, equalize));
        check("rgbaF", 6, 5, 4, expected(rgbaF, 0, rgbaF.length, equalize));
        check("grayD", 4, 4, 1, expected(grayD, 0, grayD.length, equalize));
        check("grayB", 3, 8, 1, expected(grayB, 0, grayB.length, equalize));
        check("rgbB", 5, 5, 3, expected(rgbB, 0, rgbB.length, equalize));
    }

    private void check(String tag, int h, int w, int c, int[] pixels) {
        Summary.Image img = image(only(logOf(), tag));
        assertThat(img.getHeight()).as(tag).isEqualTo(h);
        assertThat(img.getWidth()).as(tag).isEqualTo(w);
        assertThat(img.getColorspace()).as(tag).isEqualTo(c);
        int[] actual = samples(img);
        if (!Arrays.equals(actual, pixels)) { // AssertJ only on failure: its diff of 200k values is slow
            assertThat(actual).as(tag).containsExactly(pixels);
        }
    }

    @Test
    void shouldEqualizeAFlatFieldToBlackNotNan() {
        float[] flat = new float[25];
        Arrays.fill(flat, 0.7f);
        byte[] flatBytes = new byte[25];
        Arrays.fill(flatBytes, (byte) 200);
        try (Logger log = logger()) {
            log.addImage("flat", Image.gray(flat, 5, 5).equalized(), 0);
            log.addImage("flatBytes", Image.gray(flatBytes, 5, 5).equalized(), 0);
            log.addImage("flatNoEq", Image.gray(flat, 5, 5), 0);
        }
        check("flat", 5, 5, 1, new int[25]);
        check("flatBytes", 5, 5, 1, new int[25]);
        int[] noEq = new int[25];
        Arrays.fill(noEq, 178); // 0.7f * 255f = 178.5 truncated
        check("flatNoEq", 5, 5, 1, noEq);
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 7, 8, 9, 100})
    void shouldTileBatchesIntoMinN8ColumnsAndCeilN8RowsInEveryScaling(int n) {
        int h = 6;
        int w = 5;
        float[] gray = floats(n * h * w, 10 + n);
        double[] rgb = doubles(n * h * w * 3, 20 + n);
        byte[] rgba = bytes(n * h * w * 4, 30 + n);
        try (Logger log = logger()) {
            log.addImages("clip", Images.gray(gray, n, h, w), 0);
            log.addImages("eq", Images.gray(gray, n, h, w).equalized(), 0);
            log.addImages("perImage", Images.gray(gray, n, h, w).equalizedPerImage(), 0);
            log.addImages("rgbPerImage", Images.rgb(rgb, n, h, w).equalizedPerImage(), 0);
            log.addImages("rgbaEq", Images.rgba(rgba, n, h, w).equalized(), 0);
            log.addImages("rgbaPerImage", Images.rgba(rgba, n, h, w).equalizedPerImage(), 0);
        }
        int rows = (n + 7) / 8;
        int cols = Math.min(n, 8);
        int[][] clip = new int[n][];
        int[][] eq = new int[n][];
        int[][] per = new int[n][];
        int[][] rgbPer = new int[n][];
        int[][] rgbaEq = new int[n][];
        int[][] rgbaPer = new int[n][];
        int[] allEq = expected(gray, 0, gray.length, true);
        int[] allRgbaEq = expected(rgba, 0, rgba.length, true);
        for (int i = 0; i < n; i++) {
            int g = h * w;
            clip[i] = expected(gray, i * g, (i + 1) * g, false);
            eq[i] = Arrays.copyOfRange(allEq, i * g, (i + 1) * g);
            per[i] = expected(gray, i * g, (i + 1) * g, true);
            rgbPer[i] = expected(rgb, i * g * 3, (i + 1) * g * 3, true);
            rgbaEq[i] = Arrays.copyOfRange(allRgbaEq, i * g * 4, (i + 1) * g * 4);
            rgbaPer[i] = expected(rgba, i * g * 4, (i + 1) * g * 4, true);
        }
        check("clip", rows * h, cols * w, 1, tiled(clip, h, w, 1));
        check("eq", rows * h, cols * w, 1, tiled(eq, h, w, 1));
        check("perImage", rows * h, cols * w, 1, tiled(per, h, w, 1));
        check("rgbPerImage", rows * h, cols * w, 3, tiled(rgbPer, h, w, 3));
        check("rgbaEq", rows * h, cols * w, 4, tiled(rgbaEq, h, w, 4));
        check("rgbaPerImage", rows * h, cols * w, 4, tiled(rgbaPer, h, w, 4));
    }

    @Test
    void shouldLetTheCallerOverwriteItsArrayAsSoonAsTheCallReturns() {
        float[] v = floats(64 * 64, 40);
        float[] original = v.clone();
        byte[] b = bytes(32 * 32 * 3, 41);
        byte[] originalB = b.clone();
        try (Logger log = logger()) {
            for (int step = 0; step < 50; step++) {
                log.addImage("reused", Image.gray(v, 64, 64), step);
                Arrays.fill(v, 0.5f); // overwrite at once, every time, then put the original back
                System.arraycopy(original, 0, v, 0, v.length);
                v[0] = step / 100f;   // each step's image differs in its first pixel
            }
            log.addImage("reusedBytes", Image.rgb(b, 32, 32), 0);
            Arrays.fill(b, (byte) 0);
            log.addImage("overwritten", Image.gray(v, 64, 64), 0);
            Arrays.fill(v, Float.NaN);
        }
        List<Event> events = TestEvents.withTag(TestEvents.read(logOf()), "reused");
        assertThat(events).hasSize(50);
        for (int step = 0; step < 50; step++) {
            float[] want = original.clone();
            want[0] = step == 0 ? original[0] : (step - 1) / 100f;
            assertThat(samples(image(events.get(step)))).as("step %d", step)
                .containsExactly(expected(want, 0, want.length, false));
        }
        check("reusedBytes", 32, 32, 3, expected(originalB, 0, originalB.length, false));
        float[] last = original.clone();
        last[0] = 49 / 100f;
        check("overwritten", 64, 64, 1, expected(last, 0, last.length, false));
    }

    @Test
    void shouldKeepTheChannelsOfBufferedImagesAndDrawFiguresInRgb() {
        BufferedImage gray = new BufferedImage(7, 3, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(2, 1, 0, 200);
        BufferedImage argb = new BufferedImage(4, 5, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(1, 2, 0x80112233);
        BufferedImage rgb = new BufferedImage(6, 2, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(5, 1, 0x00A0B0C0);
        try (Logger log = logger()) {
            log.addImage("gray", Image.of(gray), 0);
            log.addImage("argb", Image.of(argb), 0);
            log.addFigure("rgbFigure", Figure.of(rgb), 0);
            log.addFigure("drawn", Figure.drawn(40, 30, g -> {
                g.setColor(Color.RED);
                g.fillRect(10, 5, 20, 10);
            }), 0);
            log.addFigure("drawnAuto", Figure.drawn(8, 4, g -> { }));
            log.addFigure("drawnAuto", Figure.drawn(8, 4, g -> { }));
        }
        int[] grayWant = new int[21];
        grayWant[1 * 7 + 2] = 200;
        check("gray", 3, 7, 1, grayWant);
        int[] argbWant = new int[4 * 5 * 4];
        System.arraycopy(new int[] {0x11, 0x22, 0x33, 0x80}, 0, argbWant, (2 * 4 + 1) * 4, 4);
        check("argb", 5, 4, 4, argbWant);
        int[] rgbWant = new int[6 * 2 * 3];
        System.arraycopy(new int[] {0xA0, 0xB0, 0xC0}, 0, rgbWant, (1 * 6 + 5) * 3, 3);
        check("rgbFigure", 2, 6, 3, rgbWant);
        int[] drawn = samples(image(only(logOf(), "drawn")));
        assertThat(image(only(logOf(), "drawn")).getColorspace()).isEqualTo(3);
        assertThat(Arrays.copyOfRange(drawn, (10 * 40 + 20) * 3, (10 * 40 + 20) * 3 + 3)).containsExactly(255, 0, 0);
        assertThat(Arrays.copyOfRange(drawn, 0, 3)).as("white canvas").containsExactly(255, 255, 255);
        assertThat(TestEvents.withTag(TestEvents.read(logOf()), "drawnAuto")).extracting(Event::getStep)
            .containsExactly(0L, 1L);
    }

    @Test
    void shouldCountAutomaticStepsPerTagAndUseNoStepForABadCall() {
        try (Logger log = logger()) {
            log.addImage("auto", Image.gray(new float[4], 2, 2));
            try {
                log.addImage("../auto", Image.gray(new float[4], 2, 2));
            } catch (IllegalArgumentException expected) {
                // no step used
            }
            log.addImage("auto", Image.gray(new byte[4], 2, 2));
            log.addImage("auto", Image.gray(new double[4], 2, 2));
            log.addFigure("figure", Figure.drawn(2, 2, g -> { }));
            try {
                log.addFigure("figure", Figure.drawn(2, 2, g -> {
                    throw new IllegalStateException("the chart broke");
                }));
            } catch (IllegalStateException expected) {
                // the caller's exception; no step used
            }
            log.addFigure("figure", Figure.drawn(2, 2, g -> { }));
        }
        assertThat(TestEvents.withTag(TestEvents.read(logOf()), "auto")).extracting(Event::getStep)
            .containsExactly(0L, 1L, 2L);
        assertThat(TestEvents.withTag(TestEvents.read(logOf()), "figure")).extracting(Event::getStep)
            .containsExactly(0L, 1L);
    }

    @Test
    void shouldUseTheCompressionLevelKey() {
        float[] v = new float[200 * 200]; // a smooth field: deflate has something to find
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 200) / 200f;
        }
        try (Logger stored = Logger.builder().logdir(logdir).experiment("level0").set("shutdownHook.enabled", "false")
            .set("image.pngCompressionLevel", "0").build();
             Logger best = Logger.builder().logdir(logdir).experiment("level9").set("shutdownHook.enabled", "false")
                 .set("image.pngCompressionLevel", "9").build()) {
            stored.addImage("v", Image.gray(v, 200, 200), 0);
            best.addImage("v", Image.gray(v, 200, 200), 0);
        }
        Summary.Image level0 = image(only(logdir.resolve("level0"), "v"));
        Summary.Image level9 = image(only(logdir.resolve("level9"), "v"));
        assertThat(samples(level0)).containsExactly(samples(level9));
        assertThat(level0.getEncodedImageString().size()).as("stored is bigger")
            .isGreaterThan(level9.getEncodedImageString().size() + 1000);
        assertThat(level0.getEncodedImageString().size()).isGreaterThanOrEqualTo(200 * 201);
    }

    @Test
    void shouldThrowOnBadShapesNamingTheValuesAndPublishNothing() {
        try (Logger log = logger()) {
            assertThatThrownBy(() -> Image.gray(new float[99], 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x10x10x1 needs 100 values, array has 99");
            assertThatThrownBy(() -> log.addImage("img", null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("addImage('img')");
            assertThatThrownBy(() -> Image.rgb(new float[200], 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x10x10x3 needs 300 values, array has 200");
            assertThatThrownBy(() -> Images.gray(new float[0], 0, 5, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x5x5x1");
            assertThat(log.stats().published()).isZero();
        }
        try (Logger small = logger("image.maxPixels", "100")) {
            small.addImages("ok", Images.gray(new byte[8 * 3 * 4], 8, 3, 4), 0);     // 3 x 32 = 96 pixels
            assertThatThrownBy(() -> small.addImages("big", Images.gray(new byte[9 * 3 * 4], 9, 3, 4), 0)) // 6 x 32 = 192
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image 'big'").hasMessageContaining("6x32 = 192 pixels, over maxPixels=100");
            assertThatThrownBy(() -> small.addFigure("fig", Figure.drawn(11, 10, g -> { }), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over maxPixels=100");
            small.flush();
            assertThat(small.stats().published()).isEqualTo(1);
        }
        Logger closed = Logger.builder().logdir(logdir).experiment("closed").set("shutdownHook.enabled", "false").build();
        closed.close();
        assertThatThrownBy(() -> closed.addImage("x", Image.gray(new float[1], 1, 1), 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.addFigure("x", Figure.drawn(1, 1, g -> { }), 0)).isInstanceOf(IllegalStateException.class);
        assertThat(closed.stats().pendingPayloadBytes()).isZero();
    }

    @Test
    void shouldDropOnAFullPixelPoolCountedAsImageUnderDropAndWaitUnderBlock() {
        float[] v = floats(100 * 100, 60); // 10,000 floats: a 16,384-float pooled array, the whole 64 KiB budget
        try (Logger drop = logger("payload.maxPendingBytes", "65536", "overflow.policy", "drop")) {
            for (int step = 0; step < 300; step++) {
                drop.addImage("burst", Image.gray(v, 100, 100), step);
            }
            drop.flush();
            LoggerStats s = drop.stats();
            assertThat(s.published()).isEqualTo(300);
            assertThat(s.written() + s.dropped()).isEqualTo(300);
            assertThat(s.dropped()).as("a burst past the pixel budget drops").isPositive();
            assertThat(s.droppedByKind()).containsEntry("image", s.dropped());
            assertThat(s.pendingPayloadBytes()).isZero();
            assertThat(TestEvents.withTag(TestEvents.read(drop.runDir()), "burst")).hasSize((int) s.written());
        }
        try (Logger block = Logger.builder().logdir(logdir).experiment("block").set("shutdownHook.enabled", "false")
            .set("payload.maxPendingBytes", "65536").build()) {
            for (int step = 0; step < 300; step++) {
                block.addImage("burst", Image.gray(v, 100, 100), step);
            }
            block.flush();
            assertThat(block.stats().written()).isEqualTo(300);
            assertThat(block.stats().dropped()).isZero();
            List<Event> events = TestEvents.withTag(TestEvents.read(block.runDir()), "burst");
            assertThat(events).extracting(Event::getStep).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 300).boxed().collect(java.util.stream.Collectors.toList()));
            assertThat(samples(image(events.get(299)))).containsExactly(expected(v, 0, v.length, false));
        }
    }

    @Test
    void shouldEncodeLargePicturesHuffmanOnlyAndStillRoundTripExactly() {
        float[] big = floats(300 * 256, 70);         // 76,800 pixels: past ImageEncoder.LARGE_PIXELS
        byte[] bigRgb = bytes(260 * 260 * 3, 71);
        BufferedImage flat = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        try (Logger log = logger()) {
            log.addImage("big", Image.gray(big, 300, 256), 0);
            log.addImage("bigRgb", Image.rgb(bigRgb, 260, 260).equalized(), 0);
            log.addFigure("flatFigure", Figure.of(flat), 0);
        }
        check("big", 300, 256, 1, expected(big, 0, big.length, false));
        check("bigRgb", 260, 260, 3, expected(bigRgb, 0, bigRgb.length, true));
        check("flatFigure", 300, 400, 3, new int[300 * 400 * 3]);
        assertThat(image(only(logOf(), "flatFigure")).getEncodedImageString().size())
            .as("a rendered picture keeps LZ77: a flat 400x300 figure stays tiny").isLessThan(10_000); // Huffman alone: >= 1 bit per byte, 45,000 B
    }
}
