/**
 * The audio kind ({@code addAudio}), in one place: the producer half
 * ({@link dev.tblog.audio.AudioProducer}: a validated {@link dev.tblog.audio.AudioClip} copied into
 * pooled memory), the plain-data payload, and the consumer half ({@code AudioEncoder}: a 16-bit PCM
 * WAV, {@link dev.tblog.audio.Wav}, in a {@code Summary.Audio} value, as the Python writers store it).
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer; the
 * WAV kernel is stateless.
 */
package dev.tblog.audio;
