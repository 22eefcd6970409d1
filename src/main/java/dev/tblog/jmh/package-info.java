/**
 * JMH runs in TensorBoard: {@link dev.tblog.jmh.TensorBoardProfiler}, a JMH profiler
 * ({@code -prof dev.tblog.jmh.TensorBoardProfiler:logdir=runs/jmh}) that writes every benchmark and
 * parameter combination as a TensorBoard run. JMH is an optional dependency of tblog: this package
 * needs it, nothing else does.
 *
 * <p>Thread contract: JMH calls the profiler from its harness thread, one call at a time.
 */
package dev.tblog.jmh;
