package dev.tblog.audio;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;
import dev.tblog.ring.PayloadPool;

import java.io.IOException;

/**
 * One {@code addAudio} call as it travels through the ring: the samples, already copied into a
 * pooled array on the caller's thread, with the channel count and the sample rate. Plain data;
 * {@link AudioEncoder} turns it into a WAV {@code Summary.Audio} on the consumer.
 *
 * <p>Thread contract: built by one producer, immutable from then on. The pooled array goes back
 * exactly once, in {@link #release}.
 */
final class AudioPayload implements Payload {
    private final PayloadPool pool;
    private final String tag;
    private final long step;
    private final int samples;
    private final int channels;
    private final int sampleRate;
    private final float[] floats;
    private final double[] doubles;

    /**
     * @param floats, doubles exactly one is not null: pooled, holding {@code samples} samples
     */
    AudioPayload(PayloadPool pool, String tag, long step, int samples, int channels, int sampleRate, float[] floats,
                 double[] doubles) {
        this.pool = pool;
        this.tag = tag;
        this.step = step;
        this.samples = samples;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.floats = floats;
        this.doubles = doubles;
    }

    @Override
    public PayloadKind<AudioEncoder> kind() {
        return AudioEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(AudioEncoder.KIND).write(this, out, wallTimeMillis);
    }

    @Override
    public void release() {
        if (floats != null) {
            pool.release(floats);
        } else {
            pool.release(doubles);
        }
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    int samples() {
        return samples;
    }

    int channels() {
        return channels;
    }

    int frames() {
        return samples / channels;
    }

    int sampleRate() {
        return sampleRate;
    }

    float[] floats() {
        return floats;
    }

    double[] doubles() {
        return doubles;
    }

    @Override
    public String toString() {
        return "AudioPayload[" + tag + ", step " + step + ", " + frames() + "x" + channels + " at " + sampleRate + " Hz]";
    }
}
