package dev.tblog;

import dev.tblog.audio.AudioClip;

/**
 * A sound for {@link Logger#addAudio(String, Audio, long)}: samples meant in [-1, 1] at a sample
 * rate, one channel or several interleaved.
 * <pre>{@code
 * log.addAudio("Population/Activity", Audio.mono(activity, 8000), step);
 * log.addAudio("Stereo", Audio.interleaved(leftRight, 2, 44100), step);   // l0 r0 l1 r1 ...
 * }</pre>
 *
 * <p>Stored as the Python writers store it: a 16-bit PCM WAV in a {@code Summary.Audio} (sample
 * rate, channels, frames, content type {@code audio/wav}), played by TensorBoard's AUDIO tab. Each
 * sample becomes {@code (short) trunc(clip(x, -1, 1) * 32767)}, in the input's precision, as the
 * Python writers do (numpy's cast truncates): values beyond [-1, 1] are clipped (2.0 and
 * +infinity give 32767), <b>NaN gives 0</b> (silence), as NaN pixels give black.
 *
 * <p>An {@code Audio} refers to your array until the call that logs it returns, and copies nothing
 * itself; the call copies the samples into pooled memory, so you may overwrite the array as soon as
 * it returns.
 *
 * <p>Validated here, with {@link IllegalArgumentException} naming the values: a null or empty
 * array, 0 or more than 64 channels, a length not a multiple of the channel count, a sample rate
 * below 1 or above 2^24 Hz.
 *
 * <p>Thread contract: immutable, any thread; the array must not change while a call logs it.
 */
public final class Audio {
    private final AudioClip clip;

    private Audio(AudioClip clip) {
        this.clip = clip;
    }

    /**
     * One channel of float samples in [-1, 1], {@code sampleRate} per second.
     *
     * @param samples the samples in time order, at least one
     * @param sampleRate samples per second, in Hz, 1 to 2^24
     * @return the sound; it refers to {@code samples}
     */
    public static Audio mono(float[] samples, int sampleRate) {
        return new Audio(AudioClip.floats(samples, 1, sampleRate));
    }

    /**
     * As {@link #mono(float[], int)}, for doubles (converted in double precision).
     *
     * @param samples the samples in time order, at least one
     * @param sampleRate samples per second, in Hz, 1 to 2^24
     * @return the sound; it refers to {@code samples}
     */
    public static Audio mono(double[] samples, int sampleRate) {
        return new Audio(AudioClip.doubles(samples, 1, sampleRate));
    }

    /**
     * {@code channels} channels interleaved: frame {@code f}, channel {@code c} at
     * {@code f * channels + c} (left, right, left, right, ... for stereo).
     *
     * @param samples the samples, frame after frame, a multiple of {@code channels} and at least one
     * @param channels the number of channels, 1 to 64
     * @param sampleRate frames per second, in Hz, 1 to 2^24
     * @return the sound; it refers to {@code samples}
     */
    public static Audio interleaved(float[] samples, int channels, int sampleRate) {
        return new Audio(AudioClip.floats(samples, channels, sampleRate));
    }

    /**
     * As {@link #interleaved(float[], int, int)}, for doubles.
     *
     * @param samples the samples, frame after frame, a multiple of {@code channels} and at least one
     * @param channels the number of channels, 1 to 64
     * @param sampleRate frames per second, in Hz, 1 to 2^24
     * @return the sound; it refers to {@code samples}
     */
    public static Audio interleaved(double[] samples, int channels, int sampleRate) {
        return new Audio(AudioClip.doubles(samples, channels, sampleRate));
    }

    /** {@return the channels: 1 (mono), 2 (stereo), ...} */
    public int channels() {
        return clip.channels();
    }

    /** {@return the frames: samples per channel} */
    public int frames() {
        return clip.frames();
    }

    /** {@return the sample rate: samples per second (per channel), in Hz} */
    public int sampleRate() {
        return clip.sampleRate();
    }

    /** {@return the length in seconds, {@code frames() / sampleRate()}} */
    public double seconds() {
        return (double) clip.frames() / clip.sampleRate();
    }

    AudioClip clip() {
        return clip;
    }

    @Override
    public String toString() {
        return "Audio[" + frames() + " frames x " + channels() + " channels at " + sampleRate() + " Hz]";
    }
}
