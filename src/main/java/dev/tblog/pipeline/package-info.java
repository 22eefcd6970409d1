/**
 * The consumer: its event handler ({@link dev.tblog.pipeline.ConsumerHandler}: encode each slot,
 * write at the end of every batch and past a byte threshold, answer flush and close
 * {@link dev.tblog.pipeline.Barrier}s, never die on an error), the run's files
 * ({@link dev.tblog.pipeline.RunFiles}: main run and sub-runs, rotation, tag caches), its state as
 * others see it ({@link dev.tblog.pipeline.PipelineState}) and its self-metrics.
 *
 * <p>Thread contract: the consumer thread only, except the barriers (awaited by the callers of
 * flush and close) and the state (read by any thread).
 */
package dev.tblog.pipeline;
