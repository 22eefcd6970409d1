package dev.tblog.audio;

/**
 * What one {@code addAudio} call logs, validated when it is made: the caller's samples
 * ({@code float[]} or {@code double[]}, meant in [-1, 1]), interleaved by channel, and the sample
 * rate. It refers to the caller's array and copies nothing; the producer copies the samples into
 * pooled memory during the call ({@link AudioProducer}).
 *
 * <p>Every instance is valid: at least one frame, {@code 1 <= channels <= }{@value #MAX_CHANNELS},
 * the array's length a multiple of the channel count, {@code 1 <= sampleRate <= }{@value #MAX_SAMPLE_RATE}
 * (a rate a {@code float}, the type of {@code Summary.Audio.sample_rate}, holds exactly).
 *
 * <p>Thread contract: immutable, any thread; the caller's array must not change until the call
 * that logs it returns.
 */
public final class AudioClip {
    /** The most channels a clip may have. */
    public static final int MAX_CHANNELS = 64;
    /** The highest sample rate in Hz, 2^24: every rate up to it is exact as a {@code float}. */
    public static final int MAX_SAMPLE_RATE = 1 << 24;

    private final float[] floats;
    private final double[] doubles;
    private final int channels;
    private final int sampleRate;

    private AudioClip(float[] floats, double[] doubles, int length, int channels, int sampleRate) {
        if (length < 0) {
            throw new IllegalArgumentException("audio samples must not be null");
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("audio channels must be 1 to " + MAX_CHANNELS + ", got " + channels);
        }
        if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("audio sample rate must be 1 to " + MAX_SAMPLE_RATE + " Hz, got "
                + sampleRate);
        }
        if (length == 0) {
            throw new IllegalArgumentException("audio of no sample: at least one frame is needed");
        }
        if (length % channels != 0) {
            throw new IllegalArgumentException("audio of " + length + " samples is not a whole number of frames of "
                + channels + " channels");
        }
        this.floats = floats;
        this.doubles = doubles;
        this.channels = channels;
        this.sampleRate = sampleRate;
    }

    /**
     * Interleaved float samples: frame {@code f}, channel {@code c} at {@code f * channels + c}.
     *
     * @throws IllegalArgumentException null samples, no frame, a length not a multiple of
     *     {@code channels}, channels or rate out of range (the message names the values)
     */
    public static AudioClip floats(float[] samples, int channels, int sampleRate) {
        return new AudioClip(samples, null, samples == null ? -1 : samples.length, channels, sampleRate);
    }

    /** As {@link #floats}, for doubles (converted in double precision). */
    public static AudioClip doubles(double[] samples, int channels, int sampleRate) {
        return new AudioClip(null, samples, samples == null ? -1 : samples.length, channels, sampleRate);
    }

    /** The caller's float samples, or null when they are doubles. */
    float[] floatSamples() {
        return floats;
    }

    /** The caller's double samples, or null when they are floats. */
    double[] doubleSamples() {
        return doubles;
    }

    /** Samples in all, {@code frames() * channels()}. */
    public int samples() {
        return floats != null ? floats.length : doubles.length;
    }

    public int channels() {
        return channels;
    }

    /** Samples per channel. */
    public int frames() {
        return samples() / channels;
    }

    /** In Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public String toString() {
        return "AudioClip[" + frames() + " frames x " + channels + " channels at " + sampleRate + " Hz, "
            + (floats != null ? "float" : "double") + "]";
    }
}
