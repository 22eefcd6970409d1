package dev.tblog.audio;

import dev.tblog.ring.Publisher;

import java.util.function.ToLongFunction;

/**
 * The producer half of the audio kind ({@code addAudio}): copies the caller's samples into a
 * pooled array and publishes an {@link AudioPayload}; the WAV is made on the consumer. Under
 * {@code drop} a full payload pool drops the call (counted as "audio"); under {@code block} it waits,
 * bounded by the stall timeout. The caller's array may be reused once the call returns.
 *
 * <p>Thread contract: any thread; stateless.
 */
public final class AudioProducer {
    private final Publisher publisher;

    public AudioProducer(Publisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Logs one clip at {@code step}.
     *
     * @param tag already validated
     * @throws IllegalArgumentException the clip alone is larger than {@code payload.maxPendingBytes}
     * @throws IllegalStateException the logger is closed
     */
    public void add(String tag, AudioClip clip, long step) {
        add(tag, clip, step, null);
    }

    /**
     * Logs one clip at the tag's next automatic step, drawn only once the samples are copied: a
     * call that fails, or finds the payload memory full under {@code drop}, uses no step.
     */
    public void addAtNextStep(String tag, AudioClip clip, ToLongFunction<String> nextStep) {
        add(tag, clip, 0, nextStep);
    }

    private void add(String tag, AudioClip clip, long explicitStep, ToLongFunction<String> nextStep) {
        int n = clip.samples();
        float[] floats = null;
        double[] doubles = null;
        if (clip.floatSamples() != null) {
            floats = publisher.floats(n, AudioEncoder.KIND);
            if (floats == null) {
                return;
            }
            System.arraycopy(clip.floatSamples(), 0, floats, 0, n);
        } else {
            doubles = publisher.doubles(n, AudioEncoder.KIND);
            if (doubles == null) {
                return;
            }
            System.arraycopy(clip.doubleSamples(), 0, doubles, 0, n);
        }
        long step = nextStep == null ? explicitStep : nextStep.applyAsLong(tag);
        publisher.publish(new AudioPayload(publisher.pool(), tag, step, n, clip.channels(), clip.sampleRate(), floats,
            doubles));
    }
}
