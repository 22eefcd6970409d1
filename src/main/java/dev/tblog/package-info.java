/**
 * tblog: asynchronous TensorBoard logging for the JVM. Start with {@link dev.tblog.Logger}.
 *
 * <p>The public API: the logger ({@link dev.tblog.Logger}, {@link dev.tblog.LoggerBuilder},
 * {@link dev.tblog.LoggerStats}, {@link dev.tblog.LoggerFailedException}) and every value a call
 * takes ({@link dev.tblog.Image}, {@link dev.tblog.Images}, {@link dev.tblog.Figure},
 * {@link dev.tblog.JFreeChartFigure}, {@link dev.tblog.Histogram}, {@link dev.tblog.HistogramBins},
 * {@link dev.tblog.Graph}, {@link dev.tblog.Embedding}, {@link dev.tblog.Mesh}).
 * The other exported packages: {@code dev.tblog.config} (typed configuration), {@code dev.tblog.sink}
 * (where bytes go), {@code dev.tblog.read} (reading event files back). Everything else is internal.
 *
 * <p>Thread contract: the logger is called from any producer thread; the values are immutable.
 */
package dev.tblog;
