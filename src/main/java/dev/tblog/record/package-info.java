/**
 * The TFRecord layout ({@link dev.tblog.record.RecordDescriptor}, with its byte diagram and the CRC
 * mask), the writer's framing ({@link dev.tblog.record.RecordFramer}), and every name tblog gives a
 * folder or a file ({@link dev.tblog.record.RunNames}).
 *
 * <p>Thread contract: the descriptor and the names are stateless, any thread; a framer belongs to
 * the consumer.
 */
package dev.tblog.record;
