/**
 * The text kind ({@code addText}), in one place: the producer half
 * ({@link dev.tblog.text.TextProducer}: the text's UTF-8 bytes made on the caller's thread), the
 * plain-data payload, and the consumer half ({@code TextEncoder}: the Python writers' string tensor
 * under {@code <tag>/text_summary}, plugin "text").
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer.
 */
package dev.tblog.text;
