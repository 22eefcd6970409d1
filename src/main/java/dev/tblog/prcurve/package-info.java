/**
 * The PR curve kind ({@code addPrCurve}), in one place: the producer half
 * ({@link dev.tblog.prcurve.PrCurveProducer}: a validated {@link dev.tblog.prcurve.PrCurveData},
 * range-checked and copied into pooled memory), the plain-data payload, and the consumer half
 * ({@code PrCurveEncoder}: the counts of {@code PrCurveCounts} in the pr_curves plugin's
 * [6, num_thresholds] float tensor, as TensorBoard's own {@code pr_curve} summary writes it).
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer.
 */
package dev.tblog.prcurve;
