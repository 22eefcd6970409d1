/**
 * The hparams kind ({@code addParameters}), in one place: the producer half
 * ({@link dev.tblog.hparams.HParamsProducer}: validation and typing of the caller's parameters in
 * {@code HParams}, the session-start content of {@code HParamsContent}), the plain-data payload, and
 * the consumer half ({@code HParamsEncoder}: session summaries and metric scalars, at the steps
 * {@code MetricStepPolicy} gives). The layout and why: {@code docs/hparams-design.md}.
 *
 * <p>Thread contract: no shared mutable state. Values are immutable and cross from the producer's
 * thread to the consumer's; the encoder runs on the consumer.
 */
package dev.tblog.hparams;
