/**
 * The histogram kind, in one place: its producer half ({@link dev.tblog.histogram.HistogramProducer},
 * validating {@link dev.tblog.histogram.HistogramData}, copying or binning on the caller's thread),
 * its plain-data payloads, and its consumer half ({@code HistogramEncoder}); and the kernel they
 * share: pure, allocation-free bucketing of {@code double}, {@code float}, {@code int} and
 * {@code long} values into TensorBoard's {@code HistogramProto} layout, bit-compatible with the
 * Python writers' default ("tensorflow") edges.
 *
 * <ul>
 *   <li>{@link dev.tblog.histogram.Bins}: which edges (immutable, any thread).</li>
 *   <li>{@link dev.tblog.histogram.HistogramAccumulator}: one pass over the values, then the stored
 *       (trimmed) bucket range (not thread-safe, one per thread).</li>
 *   <li>{@code HistogramBody}: the stored range encoded straight into a {@code HistogramProto}
 *       field, on the consumer.</li>
 * </ul>
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer; the
 * kernels are stateless and work on the accumulator of the thread that calls them.
 */
package dev.tblog.histogram;
