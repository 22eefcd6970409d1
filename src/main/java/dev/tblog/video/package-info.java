/**
 * The video kind ({@code addVideo}), in one place: the producer half
 * ({@link dev.tblog.video.VideoProducer}: a validated {@link dev.tblog.video.VideoClip} copied into
 * pooled memory), the plain-data payload, and the consumer half ({@code VideoEncoder}: pixels by
 * the rules of images, frames tiled, an animated GIF in a {@code Summary.Image}, as the Python
 * writers store a video), with its GIF encoder ({@code GifEncoder}, {@code Palette}, {@code Lzw}).
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer.
 */
package dev.tblog.video;
