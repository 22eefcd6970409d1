/**
 * Encoding: Events as framed TFRecords straight into pooled Netty buffers
 * ({@link dev.tblog.encode.EventEncoder}), and the consumer-side seam of the event kinds: a
 * {@link dev.tblog.encode.Payload} (plain data from a producer) names its
 * {@link dev.tblog.encode.PayloadKind}, whose {@link dev.tblog.encode.PayloadEncoder} the consumer
 * keeps in its {@link dev.tblog.encode.Encoders} and which writes through an
 * {@link dev.tblog.encode.EventWriter}.
 *
 * <p>Thread contract: the consumer thread only; kinds are constants, any thread.
 */
package dev.tblog.encode;
