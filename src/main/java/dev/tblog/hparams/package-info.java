/**
 * Pure builders for the hparams and text plugins: validation of the caller's parameters
 * ({@link dev.tblog.hparams.HParams}), the plugin content bytes
 * ({@link dev.tblog.hparams.HParamsContent}), whole {@code Summary.Value}s
 * ({@link dev.tblog.hparams.HParamsSummaries}, {@link dev.tblog.hparams.TextSummary}) and the
 * pure parts of the on-disk session layout ({@link dev.tblog.hparams.MetricStepPolicy},
 * {@link dev.tblog.hparams.TrialRuns}), and the payloads the logger publishes for
 * {@code addParameters} and {@code addText} ({@link dev.tblog.hparams.HParamsPayload},
 * {@link dev.tblog.hparams.TextPayload}): built on the caller's thread, written on the consumer's.
 *
 * <p>Thread contract for the whole package: no shared mutable state. Value objects are immutable
 * and may cross threads (a producer builds {@link dev.tblog.hparams.HParams} at the call site, the
 * consumer encodes it); the builders are static and may be called from any thread.
 *
 * <p>The layout these builders are meant for is described in {@code docs/hparams-design.md}.
 */
package dev.tblog.hparams;
