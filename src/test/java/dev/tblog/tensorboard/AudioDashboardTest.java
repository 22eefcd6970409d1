package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import dev.tblog.audio.WavSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.Json.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * AUDIO as TensorBoard serves what tblog wrote: each step's clip listed with content type
 * {@code audio/wav}, and the served file, decoded by the JDK's WAV reader, holds the rate, the
 * channels, the frames and every sample (within 16-bit rounding of the value; clipped and NaN
 * samples as documented). TensorBoard keeps only the WAV bytes, so the header must carry the format.
 */
class AudioDashboardTest {
    private static final String RUN = "sounds";
    private static final int RATE = 16000;
    private static final int FRAMES = 1600;

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(AudioDashboardTest::write);

    /** A chirp whose amplitude grows with the step, so each step's clip differs; clipped at step 2. */
    private static float[] chirp(int step) {
        float[] v = new float[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            v[i] = (float) ((0.4 + 0.4 * step) * Math.sin(2 * Math.PI * (200 + i / 4.0) * i / RATE));
        }
        v[7] = Float.NaN;
        return v;
    }

    private static double[] stereo() {
        double[] v = new double[2 * 500];
        for (int f = 0; f < 500; f++) {
            v[2 * f] = 0.9 * Math.sin(f / 11.0);
            v[2 * f + 1] = 0.3 * Math.cos(f / 5.0);
        }
        return v;
    }

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, RUN)) {
            for (int step = 0; step < 3; step++) {
                LogCalls.monoAudio(log, "Population/Activity", chirp(step), RATE, step * 10L);
            }
            LogCalls.interleavedAudio(log, "Stereo", stereo(), 2, 44100, 4);
        }
    }

    @Test
    void shouldListEachTagOfTheRun() {
        assertThat(fieldNames(tensorBoard.get("/data/plugin/audio/tags").get(RUN)))
            .containsExactlyInAnyOrder("Population/Activity", "Stereo");
    }

    @Test
    void shouldServeEachStepsClipAsTheSamplesLogged() {
        JsonNode clips = tensorBoard.get("/data/plugin/audio/audio", "run", RUN, "tag", "Population/Activity");
        assertThat(longs(clips, "step")).containsExactly(0L, 10L, 20L);
        for (int k = 0; k < 3; k++) {
            assertThat(clips.get(k).get("contentType").asText()).isEqualTo("audio/wav");
            WavSamples wav = fetch(clips.get(k));
            assertThat(wav.sampleRate()).isEqualTo((float) RATE);
            assertThat(wav.channels()).isEqualTo(1);
            assertThat(wav.frames()).isEqualTo(FRAMES);
            float[] logged = chirp(k);
            for (int i = 0; i < FRAMES; i++) {
                assertThat((int) wav.samples()[i]).as("step %d sample %d", k, i).isEqualTo(WavSamples.expected(logged[i]));
                if (Math.abs(logged[i]) <= 1) {
                    assertThat(wav.samples()[i] / 32767.0).isCloseTo(logged[i], within(1 / 32767.0));
                }
            }
            assertThat(wav.samples()[7]).as("NaN is silence").isZero();
        }
        assertThat(fetch(clips.get(2)).samples()).as("the loudest step is clipped").contains((short) 32767);
    }

    @Test
    void shouldServeInterleavedChannelsWithTheirRate() {
        JsonNode clips = tensorBoard.get("/data/plugin/audio/audio", "run", RUN, "tag", "Stereo");
        assertThat(longs(clips, "step")).containsExactly(4L);
        WavSamples wav = fetch(clips.get(0));
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.sampleRate()).isEqualTo(44100f);
        assertThat(wav.frames()).isEqualTo(500);
        double[] logged = stereo();
        for (int i = 0; i < logged.length; i++) {
            assertThat((int) wav.samples()[i]).as("sample %d", i).isEqualTo(WavSamples.expected(logged[i]));
        }
    }

    private static WavSamples fetch(JsonNode clip) {
        return WavSamples.decode(tensorBoard.getBytes("/data/plugin/audio/individualAudio?" + clip.get("query").asText()));
    }
}
