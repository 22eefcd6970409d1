package dev.tblog.video;

import dev.tblog.Logger;
import dev.tblog.TestEvents;
import dev.tblog.Video;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Videos written through the logger, read back with the generated protobuf classes and decoded by
 * the JDK's GIF reader: a {@code Summary.Image} of the tiled frame's size holding a GIF of T
 * frames, each frame's pixels those of the image rules (clip, equalize over the clip or per
 * video), N videos tiled frame by frame, the delay from the frame rate.
 */
class VideoRoundTripTest {
    @TempDir
    Path logdir;

    private Logger logger() {
        return Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build();
    }

    private Summary.Image image(String tag) {
        List<Event> events = TestEvents.withTag(TestEvents.read(logdir.resolve("run")), tag);
        assertThat(events).hasSize(1);
        Summary.Value value = events.get(0).getSummary().getValue(0);
        assertThat(value.getMetadata().getPluginData().getPluginName()).isEqualTo("images");
        return value.getImage();
    }

    /** The image rule for a float meant in [0, 1], written from its definition. */
    private static int pixel(float v) {
        if (Float.isNaN(v)) {
            return 0;
        }
        float scaled = v * 255f;
        return scaled <= 0 ? 0 : scaled >= 255 ? 255 : (int) Math.floor(scaled);
    }

    @Test
    void shouldWriteGrayFramesAsAnAnimatedGifWithTheFrameRatesDelay() {
        int t = 6;
        int h = 5;
        int w = 7;
        float[] movie = new float[t * h * w];
        for (int i = 0; i < movie.length; i++) {
            movie[i] = (i % 37) / 30f - 0.1f;
        }
        movie[3] = Float.NaN;
        try (Logger log = logger()) {
            log.addVideo("movie", Video.gray(movie, t, h, w).fps(8), 2);
        }
        Summary.Image image = image("movie");
        assertThat(image.getHeight()).isEqualTo(h);
        assertThat(image.getWidth()).isEqualTo(w);
        assertThat(image.getColorspace()).isEqualTo(1);
        GifFrames gif = GifFrames.decode(image.getEncodedImageString().toByteArray());
        assertThat(gif.rgb()).hasSize(t);
        assertThat(gif.delays()).as("round(100 / 8) = 13 hundredths").containsOnly(13);
        assertThat(gif.loops()).isTrue();
        for (int f = 0; f < t; f++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertThat(gif.gray(f, x, y)).as("frame %d (%d, %d)", f, x, y)
                        .isEqualTo(pixel(movie[(f * h + y) * w + x]));
                }
            }
        }
    }

    @Test
    void shouldTileABatchFrameByFrameAndEqualizeEachVideoByItsOwnRange() {
        int n = 3;
        int t = 4;
        int h = 2;
        int w = 3;
        double[] clips = new double[n * t * h * w];
        for (int i = 0; i < clips.length; i++) {
            int video = i / (t * h * w);
            clips[i] = (video + 1) * 100.0 + (i % (t * h * w));     // far outside [0, 1]: only equalize shows them
        }
        try (Logger log = logger()) {
            log.addVideo("batch", Video.grayBatch(clips, n, t, h, w).equalizedPerVideo(), 0);
        }
        Summary.Image image = image("batch");
        assertThat(image.getWidth()).isEqualTo(n * w);
        assertThat(image.getHeight()).isEqualTo(h);
        GifFrames gif = GifFrames.decode(image.getEncodedImageString().toByteArray());
        assertThat(gif.rgb()).hasSize(t);
        assertThat(gif.delays()).as("4 fps by default").containsOnly(25);
        int span = t * h * w - 1;
        for (int f = 0; f < t; f++) {
            for (int v = 0; v < n; v++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int k = (f * h + y) * w + x;   // index within video v
                        int expected = (int) Math.floor((double) k / span * 255);
                        assertThat(gif.gray(f, v * w + x, y)).as("frame %d video %d (%d, %d)", f, v, x, y)
                            .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void shouldWriteRgbFramesAndLetTheCallerReuseTheArray() {
        int t = 3;
        int h = 4;
        int w = 4;
        byte[] rgb = new byte[t * h * w * 3];
        for (int p = 0; p < t * h * w; p++) {
            rgb[3 * p] = (byte) (p * 5);
            rgb[3 * p + 1] = (byte) (255 - p);
            rgb[3 * p + 2] = (byte) (p % 2 == 0 ? 0 : 255);
        }
        byte[] logged = rgb.clone();
        try (Logger log = logger()) {
            log.addVideo("rgb", Video.rgb(rgb, t, h, w));
            java.util.Arrays.fill(rgb, (byte) 1);
        }
        Summary.Image image = image("rgb");
        assertThat(image.getColorspace()).isEqualTo(3);
        GifFrames gif = GifFrames.decode(image.getEncodedImageString().toByteArray());
        for (int f = 0; f < t; f++) {
            for (int i = 0; i < h * w; i++) {
                int p = f * h * w + i;
                for (int c = 0; c < 3; c++) {
                    assertThat(gif.channel(f, i % w, i / w, c)).isEqualTo(logged[3 * p + c] & 0xFF);
                }
            }
        }
    }
}
