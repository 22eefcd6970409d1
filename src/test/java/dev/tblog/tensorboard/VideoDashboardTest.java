package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import dev.tblog.video.GifFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static dev.tblog.tensorboard.Json.longs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Videos in TensorBoard's IMAGES tab: each step is listed, and the served file is the animated GIF as logged (the browser plays it): T frames of that size, each shown for
 * {@code round(100 / fps)} hundredths of a second, looping, every pixel by the image rules.
 */
class VideoDashboardTest {
    private static final String RUN = "movies";
    private static final int T = 16;
    private static final int H = 12;
    private static final int W = 10;

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(VideoDashboardTest::write);

    /** A bright spot moving across the field, frame by frame; the step shifts it. */
    private static float[] movie(int step) {
        float[] v = new float[T * H * W];
        for (int f = 0; f < T; f++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double d = Math.hypot(x - (f + step) % W, y - f * H / (double) T);
                    v[(f * H + y) * W + x] = (float) Math.exp(-d * d / 8);
                }
            }
        }
        return v;
    }

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, RUN)) {
            for (int step = 0; step < 2; step++) {
                LogCalls.grayVideo(log, "Population/Movie", movie(step), T, H, W, 10, step);
            }
            float[] two = new float[2 * T * H * W];
            System.arraycopy(movie(0), 0, two, 0, T * H * W);
            System.arraycopy(movie(5), 0, two, T * H * W, T * H * W);
            LogCalls.grayVideoBatch(log, "Population/Two movies", two, 2, T, H, W, 2.5, 3);
        }
    }

    @Test
    void shouldServeEachStepAsAGifOfEveryFrameWithItsTiming() {
        JsonNode entries = tensorBoard.get("/data/plugin/images/images", "run", RUN, "tag", "Population/Movie");
        assertThat(longs(entries, "step")).containsExactly(0L, 1L);
        for (int step = 0; step < 2; step++) {
            JsonNode entry = entries.get(step);
            GifFrames gif = fetch(entry);
            assertThat(gif.width()).isEqualTo(W);
            assertThat(gif.height()).isEqualTo(H);
            assertThat(gif.rgb()).hasSize(T);
            assertThat(gif.delays()).as("10 fps: 10 hundredths").containsOnly(10);
            assertThat(gif.loops()).isTrue();
            float[] logged = movie(step);
            for (int f = 0; f < T; f++) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        assertThat(gif.gray(f, x, y)).as("step %d frame %d (%d, %d)", step, f, x, y)
                            .isEqualTo(PixelRules.pixel(logged[(f * H + y) * W + x]));
                    }
                }
            }
        }
    }

    @Test
    void shouldTileABatchOfVideosFrameByFrame() {
        JsonNode entry = tensorBoard.get("/data/plugin/images/images", "run", RUN, "tag", "Population/Two movies").get(0);
        assertThat(entry.get("step").asLong()).isEqualTo(3);
        GifFrames gif = fetch(entry);
        assertThat(gif.width()).isEqualTo(2 * W);
        assertThat(gif.height()).isEqualTo(H);
        assertThat(gif.rgb()).hasSize(T);
        assertThat(gif.delays()).as("2.5 fps: 40 hundredths").containsOnly(40);
        float[] first = movie(0);
        float[] second = movie(5);
        for (int f = 0; f < T; f++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertThat(gif.gray(f, x, y)).isEqualTo(PixelRules.pixel(first[(f * H + y) * W + x]));
                    assertThat(gif.gray(f, W + x, y)).isEqualTo(PixelRules.pixel(second[(f * H + y) * W + x]));
                }
            }
        }
    }

    private static GifFrames fetch(JsonNode entry) {
        return GifFrames.decode(tensorBoard.getBytes("/data/plugin/images/individualImage?" + entry.get("query").asText()));
    }
}
