package dev.tblog.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A WAV file decoded by the JDK's own reader ({@code javax.sound.sampled}), an independent path
 * from tblog's writer: its format and its samples, interleaved, as 16-bit integers.
 */
public record WavSamples(float sampleRate, int channels, long frames, int bitsPerSample, boolean bigEndian,
                         AudioFormat.Encoding encoding, short[] samples) {

    public static WavSamples decode(byte[] wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat f = in.getFormat();
            byte[] pcm = in.readAllBytes();
            short[] samples = new short[pcm.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = f.isBigEndian() ? (short) ((pcm[2 * i] << 8) | (pcm[2 * i + 1] & 0xFF))
                    : (short) ((pcm[2 * i + 1] << 8) | (pcm[2 * i] & 0xFF));
            }
            return new WavSamples(f.getSampleRate(), f.getChannels(), in.getFrameLength(), f.getSampleSizeInBits(),
                f.isBigEndian(), f.getEncoding(), samples);
        } catch (UnsupportedAudioFileException e) {
            throw new AssertionError("not a WAV file the JDK reads", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample the Python writers' rule gives for a float32 sample, written here from its
     * definition: clip to [-1, 1], times 32767 in float arithmetic (numpy keeps a float32 array's
     * dtype), truncated toward zero, NaN as 0.
     */
    public static int expected(float x) {
        if (Float.isNaN(x)) {
            return 0;
        }
        float clipped = x < -1f ? -1f : x > 1f ? 1f : x;
        float scaled = clipped * 32767f;
        return (int) (scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled));
    }

    /** As {@link #expected(float)} for a float64 sample, in double arithmetic. */
    public static int expected(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        double clipped = x < -1 ? -1 : x > 1 ? 1 : x;
        double scaled = clipped * 32767;
        return (int) (scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled));
    }
}
