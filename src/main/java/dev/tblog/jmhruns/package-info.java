/**
 * JMH results as TensorBoard runs, shared by the profiler ({@code dev.tblog.jmh.TensorBoardProfiler},
 * inside a JMH run) and the converter ({@code java -jar tblog.jar jmh results.json}, after one), so
 * that both lay out the same runs: {@link dev.tblog.jmhruns.RunLayout} names the folders,
 * {@link dev.tblog.jmhruns.SuiteSweep} declares the HPARAMS columns, {@link dev.tblog.jmhruns.TrialWriter}
 * writes one run's iterations, results and summary. Nothing here names a JMH type: the converter
 * runs without JMH on its class path, and the forked benchmark JVM loads only the plain values and
 * {@link dev.tblog.jmhruns.IterationChannel}.
 *
 * <p>Thread contract: values are immutable; a writer is confined to the thread that opened it.
 */
package dev.tblog.jmhruns;
