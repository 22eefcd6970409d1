/**
 * The image-with-boxes kind ({@code addImageWithBoxes}), in one place: the boxes
 * ({@link dev.tblog.boxes.BoxList}), the producer half ({@link dev.tblog.boxes.BoxesProducer}: the
 * picture's pixels copied into pooled memory), the plain-data payload, and the consumer half
 * ({@code BoxesEncoder}: pixels by the image rules, boxes and labels drawn by {@code BoxPainter},
 * a PNG in a {@code Summary.Image}).
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer.
 */
package dev.tblog.boxes;
