package dev.tblog.audio;

import dev.tblog.Audio;
import dev.tblog.Logger;
import dev.tblog.TestEvents;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFormat;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Audio written through the logger, read back with the generated protobuf classes and decoded by
 * the JDK's WAV reader: the {@code Summary.Audio} fields, the WAV header, and every sample equal to
 * the Python writers' rule (within 16-bit rounding of the value), clipping and NaN included.
 */
class AudioRoundTripTest {
    @TempDir
    Path logdir;

    private Summary.Value only(List<Event> events, String tag) {
        List<Event> tagged = TestEvents.withTag(events, tag);
        assertThat(tagged).hasSize(1);
        return tagged.get(0).getSummary().getValue(0);
    }

    @Test
    void shouldWriteAMonoClipAsTheDocumentedSixteenBitWav() {
        float[] tone = new float[4410];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
        }
        tone[10] = Float.NaN;
        tone[11] = 1.5f;
        tone[12] = Float.NEGATIVE_INFINITY;
        tone[13] = -1f;
        tone[14] = 0.5f;
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addAudio("tone", Audio.mono(tone, 44100), 3);
        }
        Summary.Value value = only(TestEvents.read(logdir.resolve("run")), "tone");
        assertThat(value.getMetadata().getPluginData().getPluginName()).isEqualTo("audio");
        Summary.Audio audio = value.getAudio();
        assertThat(audio.getSampleRate()).isEqualTo(44100f);
        assertThat(audio.getNumChannels()).isEqualTo(1);
        assertThat(audio.getLengthFrames()).isEqualTo(4410);
        assertThat(audio.getContentType()).isEqualTo("audio/wav");
        byte[] wav = audio.getEncodedAudioString().toByteArray();
        assertThat(wav).hasSize(44 + 2 * 4410);
        WavSamples decoded = WavSamples.decode(wav);
        assertThat(decoded.encoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(decoded.bitsPerSample()).isEqualTo(16);
        assertThat(decoded.sampleRate()).isEqualTo(44100f);
        assertThat(decoded.channels()).isEqualTo(1);
        assertThat(decoded.frames()).isEqualTo(4410);
        for (int i = 0; i < tone.length; i++) {
            assertThat((int) decoded.samples()[i]).as("sample %d", i).isEqualTo(WavSamples.expected(tone[i]));
            if (Float.isFinite(tone[i]) && Math.abs(tone[i]) <= 1) {
                assertThat(decoded.samples()[i] / 32767.0).isCloseTo(tone[i], within(1 / 32767.0));
            }
        }
        assertThat(decoded.samples()[10]).as("NaN is silence").isZero();
        assertThat(decoded.samples()[11]).as("clipped").isEqualTo((short) 32767);
        assertThat(decoded.samples()[12]).isEqualTo((short) -32767);
        assertThat(decoded.samples()[14]).as("0.5 * 32767 = 16383.5, truncated").isEqualTo((short) 16383);
    }

    @Test
    void shouldInterleaveChannelsAndKeepDoublePrecision() {
        int frames = 1000;
        double[] stereo = new double[2 * frames];
        for (int f = 0; f < frames; f++) {
            stereo[2 * f] = Math.sin(f / 30.0);
            stereo[2 * f + 1] = -0.25 * Math.cos(f / 7.0);
        }
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addAudio("stereo", Audio.interleaved(stereo, 2, 8000));
            log.addAudio("stereo", Audio.interleaved(stereo, 2, 8000));
        }
        List<Event> events = TestEvents.withTag(TestEvents.read(logdir.resolve("run")), "stereo");
        assertThat(events).extracting(Event::getStep).containsExactly(0L, 1L);
        Summary.Audio audio = events.get(0).getSummary().getValue(0).getAudio();
        assertThat(audio.getNumChannels()).isEqualTo(2);
        assertThat(audio.getLengthFrames()).isEqualTo(frames);
        WavSamples decoded = WavSamples.decode(audio.getEncodedAudioString().toByteArray());
        assertThat(decoded.channels()).isEqualTo(2);
        assertThat(decoded.frames()).isEqualTo(frames);
        assertThat(decoded.sampleRate()).isEqualTo(8000f);
        for (int i = 0; i < stereo.length; i++) {
            assertThat((int) decoded.samples()[i]).as("sample %d", i).isEqualTo(WavSamples.expected(stereo[i]));
        }
    }

    @Test
    void shouldLetTheCallerOverwriteTheSamplesOnceTheCallReturns() {
        float[] samples = new float[512];
        java.util.Arrays.fill(samples, 0.25f);
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addAudio("copy", Audio.mono(samples, 1000), 0);
            java.util.Arrays.fill(samples, -0.75f);
        }
        WavSamples decoded = WavSamples.decode(only(TestEvents.read(logdir.resolve("run")), "copy").getAudio()
            .getEncodedAudioString().toByteArray());
        assertThat(decoded.samples()).containsOnly((short) WavSamples.expected(0.25f));
    }
}
