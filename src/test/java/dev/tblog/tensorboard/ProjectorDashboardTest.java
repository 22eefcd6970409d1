package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tblog.tensorboard.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PROJECTOR as TensorBoard shows what tblog wrote: the runs with embeddings, each run's config
 * (names {@code tag:step}, shapes, metadata and sprite), and for each embedding the tensor, the
 * metadata rows and the sprite its routes serve, equal to what was logged: labels and a header with
 * columns, several tags and steps in one run, a matrix that reads as text (written as TSV), doubles,
 * RGB thumbnails, a non-ASCII tag, and two loggers writing one run at once, neither losing the
 * other's embeddings.
 */
class ProjectorDashboardTest {
    private static final String FIELDS_RUN = "fields";
    private static final String SHARED_RUN = "shared";
    private static final int N = 100;
    private static final int SIDE = 5;
    private static final int D = SIDE * SIDE;
    private static final String[] PATTERNS = {"vertical", "horizontal", "diagonal", "cross", "frame", "dot"};
    private static final float[] FIELDS = random(N * D, 1);
    private static final float[] LATER_FIELDS = random(N * D, 2);
    /** 4 x 3 values whose float32 bytes are all below 0x80 (e.g. 2.5f is 00 00 20 40): valid UTF-8, read as text. */
    private static final float[] HALVES = {0, 0.5f, 2, 3, 0, 0, 2.5f, 8, 10, 0, 0, 32};
    private static final double[] DOUBLES = {0.1, -0.2, 1e-9, 3.5, 12345.678, -7};
    private static final int RGB_N = 7;
    private static final byte[] RGB = rgb();
    private static final int PER_WRITER = 12;
    private static final String UNICODE_TAG = "Größe/σ µm";

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(ProjectorDashboardTest::write);

    private static float[] random(int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }

    private static byte[] rgb() {
        byte[] rgb = new byte[RGB_N * 2 * 3 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 37 + 11);
        }
        return rgb;
    }

    private static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            labels.add(PATTERNS[i % PATTERNS.length]);
        }
        return labels;
    }

    private static List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rows.add(List.of(PATTERNS[i % PATTERNS.length], i, i / 10.0));
        }
        return rows;
    }

    private static void write(Path logdir) throws Exception {
        try (Logger log = LogCalls.logger(logdir, FIELDS_RUN)) {
            LogCalls.embedding(log, "Receptive fields", FIELDS, N, D, labels(), null, null, FIELDS, SIDE, SIDE, 0);
            LogCalls.embedding(log, "Receptive fields", LATER_FIELDS, N, D, null, List.of("pattern", "unit", "rate"),
                rows(), null, 0, 0, 400);
            LogCalls.embedding(log, "Halves", HALVES, 4, 3, List.of("a", "b", "c", "d"), null, null, null, 0, 0, 3);
            LogCalls.embeddingAtNextStep(log, "Doubles", DOUBLES, 3, 2);
            LogCalls.embeddingWithRgbThumbnails(log, "Colours", random(RGB_N * 4, 3), RGB_N, 4, RGB, 2, 3, 1);
            LogCalls.embedding(log, UNICODE_TAG, random(2 * 2, 4), 2, 2, List.of("α", "温度"), null, null, null, 0, 0, 9);
        }
        // Two loggers on one run folder, logging at the same time from two threads.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String writer : List.of("A", "B")) {
                done.add(pool.submit(() -> {
                    try (Logger log = LogCalls.logger(logdir, SHARED_RUN)) {
                        start.await();
                        for (int step = 0; step < PER_WRITER; step++) {
                            LogCalls.embedding(log, "writer-" + writer, random(6, step), 3, 2, null, null, null, null,
                                0, 0, step);
                        }
                        LogCalls.embedding(log, "same", random(6, 7), 3, 2, null, null, null, null, 0, 0, 5);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldListTheRunsWithEmbeddings() {
        assertThat(texts(tensorBoard.get("/data/plugin/projector/runs"))).contains(FIELDS_RUN, SHARED_RUN);
    }

    @Test
    void shouldNameEachEmbeddingByTagAndStepWithItsShape() {
        JsonNode embeddings = info(FIELDS_RUN);
        assertThat(names(embeddings)).containsExactlyInAnyOrder("Receptive fields:00000", "Receptive fields:00400",
            "Halves:00003", "Doubles:00000", "Colours:00001", UNICODE_TAG + ":00009");
        assertThat(shape(embedding(embeddings, "Receptive fields:00000"))).containsExactly((long) N, (long) D);
        assertThat(shape(embedding(embeddings, "Halves:00003"))).containsExactly(4L, 3L);
        assertThat(shape(embedding(embeddings, "Doubles:00000"))).containsExactly(3L, 2L);
        assertThat(names(embeddings).indexOf("Receptive fields:00400"))
            .as("ordered by step").isEqualTo(embeddings.size() - 1);
    }

    @Test
    void shouldServeTheTensorsAsLogged() {
        assertThat(tensor(FIELDS_RUN, "Receptive fields:00000")).containsExactly(FIELDS);
        assertThat(tensor(FIELDS_RUN, "Receptive fields:00400")).containsExactly(LATER_FIELDS);
        float[] doubles = new float[DOUBLES.length];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = (float) DOUBLES[i];
        }
        assertThat(tensor(FIELDS_RUN, "Doubles:00000")).containsExactly(doubles);
    }

    @Test
    void shouldServeAMatrixThatReadsAsTextFromItsTsv() {
        JsonNode halves = embedding(info(FIELDS_RUN), "Halves:00003");
        assertThat(halves.get("tensorPath").asText()).endsWith("/tensor.tsv");
        assertThat(tensor(FIELDS_RUN, "Halves:00003")).containsExactly(HALVES);
        assertThat(embedding(info(FIELDS_RUN), "Receptive fields:00000").get("tensorPath").asText()).endsWith("/tensor.bin");
    }

    @Test
    void shouldServeLabelsWithoutAHeader() {
        assertThat(metadata(FIELDS_RUN, "Receptive fields:00000")).isEqualTo(String.join("\n", labels()) + "\n");
    }

    @Test
    void shouldServeAHeaderAndAColumnPerField() {
        String[] lines = metadata(FIELDS_RUN, "Receptive fields:00400").split("\n");
        assertThat(lines).hasSize(N + 1);
        assertThat(lines[0]).isEqualTo("pattern\tunit\trate");
        assertThat(lines[1]).isEqualTo("vertical\t0\t0.0");
        assertThat(lines[N]).isEqualTo(PATTERNS[(N - 1) % PATTERNS.length] + "\t" + (N - 1) + "\t" + (N - 1) / 10.0);
    }

    @Test
    void shouldServeASquareSpriteOfTheThumbnails() {
        JsonNode sprite = embedding(info(FIELDS_RUN), "Receptive fields:00000").get("sprite");
        assertThat(texts(sprite.get("singleImageDim"))).containsExactly("5", "5");
        Picture shown = Picture.decode(sprite(FIELDS_RUN, "Receptive fields:00000"));
        List<Picture> cells = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            cells.add(Picture.ofSamples(SIDE, SIDE, 1, PixelRules.samples(FIELDS, i * D, (i + 1) * D, false)));
        }
        Picture expected = Picture.sprite(cells);
        assertThat(shown.width()).isEqualTo(50);
        assertThat(shown.height()).isEqualTo(50);
        assertThat(shown.firstDifference(expected)).isNull();
    }

    @Test
    void shouldServeRgbThumbnailsPaddedWithBlackCells() {
        JsonNode sprite = embedding(info(FIELDS_RUN), "Colours:00001").get("sprite");
        assertThat(texts(sprite.get("singleImageDim"))).containsExactly("3", "2"); // width, height
        Picture shown = Picture.decode(sprite(FIELDS_RUN, "Colours:00001"));
        List<Picture> cells = new ArrayList<>();
        for (int i = 0; i < RGB_N; i++) {
            int[] samples = new int[2 * 3 * 3];
            for (int s = 0; s < samples.length; s++) {
                samples[s] = RGB[i * samples.length + s] & 0xff;
            }
            cells.add(Picture.ofSamples(2, 3, 3, samples));
        }
        assertThat(shown.width()).isEqualTo(9);  // 3 x 3 cells for 7 thumbnails
        assertThat(shown.height()).isEqualTo(6);
        assertThat(shown.firstDifference(Picture.sprite(cells))).isNull();
    }

    @Test
    void shouldKeepANonAsciiTagAndLabelsIntact() {
        assertThat(names(info(FIELDS_RUN))).contains(UNICODE_TAG + ":00009");
        assertThat(metadata(FIELDS_RUN, UNICODE_TAG + ":00009")).isEqualTo("α\n温度\n");
    }

    @Test
    void shouldKeepEveryEmbeddingOfTwoLoggersWritingOneRunAtOnce() {
        JsonNode embeddings = info(SHARED_RUN);
        List<String> expected = new ArrayList<>();
        for (int step = 0; step < PER_WRITER; step++) {
            expected.add(String.format("writer-A:%05d", step));
            expected.add(String.format("writer-B:%05d", step));
        }
        expected.add("same:00005");
        expected.add("same:00005 (2)");
        assertThat(names(embeddings)).containsExactlyInAnyOrderElementsOf(expected);
        for (int step = 0; step < PER_WRITER; step++) {
            assertThat(tensor(SHARED_RUN, String.format("writer-B:%05d", step))).containsExactly(random(6, step));
        }
        assertThat(tensor(SHARED_RUN, "same:00005 (2)")).containsExactly(random(6, 7));
    }

    private static JsonNode info(String run) {
        return tensorBoard.get("/data/plugin/projector/info", "run", run).get("embeddings");
    }

    private static List<String> names(JsonNode embeddings) {
        List<String> names = new ArrayList<>();
        embeddings.forEach(e -> names.add(e.get("tensorName").asText()));
        return names;
    }

    private static JsonNode embedding(JsonNode embeddings, String name) {
        for (JsonNode e : embeddings) {
            if (e.get("tensorName").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no embedding " + name + " in " + embeddings);
    }

    private static List<Long> shape(JsonNode embedding) {
        List<Long> shape = new ArrayList<>();
        embedding.get("tensorShape").forEach(d -> shape.add(d.asLong()));
        return shape;
    }

    private static String query(String run, String name) {
        return "?run=" + URLEncoder.encode(run, StandardCharsets.UTF_8) + "&name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static float[] tensor(String run, String name) {
        byte[] bytes = tensorBoard.getBytes("/data/plugin/projector/tensor" + query(run, name));
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static String metadata(String run, String name) {
        return new String(tensorBoard.getBytes("/data/plugin/projector/metadata" + query(run, name)), StandardCharsets.UTF_8);
    }

    private static byte[] sprite(String run, String name) {
        return tensorBoard.getBytes("/data/plugin/projector/sprite_image" + query(run, name));
    }
}
