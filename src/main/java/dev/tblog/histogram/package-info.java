/**
 * The histogram kernel: pure, allocation-free bucketing of {@code double}, {@code float}, {@code int} and
 * {@code long} values into TensorBoard's {@code HistogramProto} layout, bit-compatible with the Python
 * writers' default ("tensorflow") edges.
 *
 * <ul>
 *   <li>{@link dev.tblog.histogram.Bins}: which edges (immutable, any thread).</li>
 *   <li>{@link dev.tblog.histogram.HistogramAccumulator}: one pass over the values, then the stored
 *       (trimmed) bucket range (not thread-safe, one per thread).</li>
 *   <li>{@link dev.tblog.histogram.HistogramBody}: the accumulator's stored range encoded straight into a
 *       {@code HistogramProto} field, on the consumer.</li>
 * </ul>
 *
 * <p>Whoever calls them owns the state; nothing here is shared.
 */
package dev.tblog.histogram;
