package dev.tblog;

import dev.tblog.config.TblogConfig;
import dev.tblog.histogram.HistogramBins;
import dev.tblog.histogram.HistogramData;
import dev.tblog.histogram.HistogramProducer;
import dev.tblog.hparams.HParams;
import dev.tblog.hparams.HParamsProducer;
import dev.tblog.image.BufferedImages;
import dev.tblog.image.ImageProducer;
import dev.tblog.image.ImageScaling;
import dev.tblog.image.Picture;
import dev.tblog.ring.Publisher;
import dev.tblog.text.TextProducer;
import dev.tblog.sink.EventSinkFactory;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Logs to TensorBoard from any number of threads without slowing them down.
 *
 * <pre>{@code
 * try (Logger log = new Logger(Path.of("runs"), "sweep-lr-0.01")) {
 *     for (long step = 0; step < 1000; step++) {
 *         log.addScalar("Accuracy", accuracy(step), step);
 *     }
 * }   // then: tensorboard --logdir runs
 * }</pre>
 *
 * <p>A call validates its arguments, copies them into a preallocated slot of a ring buffer and
 * returns: {@code addScalar} allocates nothing and costs tens of nanoseconds. One consumer thread
 * encodes the events and appends them to the run's event file; data reach the OS within
 * milliseconds, without {@link #flush()}.
 *
 * <p>Steps: TensorBoard keeps one value per step and tag, and a step lower than an earlier one
 * erases the later history. The overloads without a step use a counter per tag (0, 1, 2, ...);
 * do not mix them with explicit steps on the same tag.
 *
 * <p>Bad input ({@code null} or blank tags, tags or keys that would lead outside the run folder)
 * throws {@link IllegalArgumentException} at the call site, and nothing is published. After
 * {@link #close()}, every {@code add*} call throws {@link IllegalStateException}; {@link #flush()}
 * returns at once.
 *
 * <p>Thread contract: any thread; the {@code add*} calls are lock-free (under the {@code block}
 * overflow policy they wait while the ring is full), {@code flush()} and {@code close()} block
 * until the consumer has done their work.
 */
public final class Logger implements AutoCloseable {
    private final LoggerCore core;
    private final AutoSteps autoSteps = new AutoSteps();
    private final ImageProducer images;
    private final HistogramProducer histograms;
    private final TextProducer texts;
    private final HParamsProducer parameters;

    /** A logger writing to {@code runs/<MonDD_HH-mm-ss>_<hostname>}. */
    public Logger() {
        this(builder());
    }

    /** A logger writing to {@code <logdir>/<MonDD_HH-mm-ss>_<hostname>}. */
    public Logger(Path logdir) {
        this(builder().logdir(logdir));
    }

    /** A logger writing to {@code <logdir>/<experiment>}. */
    public Logger(Path logdir, String experiment) {
        this(builder().logdir(logdir).experiment(experiment));
    }

    private Logger(LoggerBuilder builder) {
        this(builder.buildParts());
    }

    private Logger(LoggerBuilder.Parts parts) {
        this(parts.runDir(), parts.config(), parts.sinkFactory(), parts.errorHandler());
    }

    /** A builder for everything else: config file, overrides, sinks, error handler. */
    public static LoggerBuilder builder() {
        return new LoggerBuilder();
    }

    Logger(Path runDir, TblogConfig config, EventSinkFactory sinkFactory, Consumer<Throwable> errorHandler) {
        this.core = new LoggerCore(runDir, config, sinkFactory, errorHandler);
        Publisher publisher = core.publisher();
        this.images = new ImageProducer(publisher, config.imageMaxPixels(), config.imagePngCompressionLevel());
        this.histograms = new HistogramProducer(publisher, config.histogramConsumerBinMaxValues());
        this.texts = new TextProducer(publisher);
        this.parameters = new HParamsProducer(publisher);
    }

    /**
     * Logs a scalar. Allocation-free.
     *
     * @param tag the chart's name; '/' groups charts
     * @param value written as a 32-bit float ({@code simple_value}); NaN and infinities as they are
     * @param step the x axis
     * @throws IllegalArgumentException a null, blank or unsafe tag
     * @throws IllegalStateException the logger is closed
     */
    public void addScalar(String tag, double value, long step) {
        TagRules.tag(tag);
        core.publisher().scalar(tag, step, value, System.currentTimeMillis());
    }

    /** Logs a scalar at the tag's next automatic step (0, 1, 2, ...). */
    public void addScalar(String tag, double value) {
        TagRules.tag(tag);
        addScalar(tag, value, nextAutoStep(tag));
    }

    /**
     * Logs several scalars on one chart: each key goes to the sub-run
     * {@code <run>/<mainTag with '/' as '_'>_<key>} under the tag {@code mainTag}, as the Python
     * writers do, so TensorBoard draws one line per key. All keys are checked before any is
     * published; an empty map logs nothing.
     *
     * @throws IllegalArgumentException a null map, key or value; a bad tag; a key that is not a
     *     plain folder name
     */
    public void addScalars(String mainTag, Map<String, ? extends Number> values, long step) {
        TagRules.tag(mainTag);
        if (values == null) {
            throw new IllegalArgumentException("values of addScalars('" + mainTag + "') must not be null");
        }
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            TagRules.folderName(e.getKey(), "addScalars key");
            if (e.getValue() == null) {
                throw new IllegalArgumentException("value of addScalars key '" + e.getKey() + "' is null");
            }
        }
        long now = System.currentTimeMillis();
        Publisher publisher = core.publisher();
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            publisher.scalarsMember(mainTag, e.getKey(), step, e.getValue().doubleValue(), now);
        }
    }

    /** Logs several scalars on one chart at the main tag's next automatic step. */
    public void addScalars(String mainTag, Map<String, ? extends Number> values) {
        TagRules.tag(mainTag);
        addScalars(mainTag, values, nextAutoStep(mainTag));
    }

    /**
     * Logs a histogram of {@code values} for TensorBoard's HISTOGRAMS and DISTRIBUTIONS tabs, with the
     * Python writers' default bucket edges ({@link HistogramBins#tensorflowDefault()}): min, max, count,
     * sum and sum of squares exact over the values, the buckets trimmed as the Python writers do.
     *
     * <p>The call copies the values (small calls) or bins them on this thread (large calls, see
     * {@code histogram.consumerBinMaxValues}); the caller may change the array once it returns.
     *
     * <p>NaN and infinite values are left out of the histogram and counted in the scalar
     * {@code <tag>/nonfinite} at the same step (written only when there were any); when every value
     * is non-finite only that scalar is written.
     *
     * @param tag the chart's name; rules as for {@link #addScalar(String, double, long)}
     * @param values at least one value; not kept
     * @throws IllegalArgumentException a bad tag, null or empty values
     * @throws IllegalStateException the logger is closed
     */
    public void addHistogram(String tag, double[] values, long step) {
        addHistogram(tag, values, step, HistogramBins.tensorflowDefault());
    }

    /**
     * As {@link #addHistogram(String, double[], long)}, with other bins: {@link HistogramBins#equalWidth(int)
     * equalWidth(N)} over the values' [min, max], {@link HistogramBins#explicitEdges(double...)} given edges.
     */
    public void addHistogram(String tag, double[] values, long step, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).bins(bins), step, false);
    }

    /**
     * As {@link #addHistogram(String, double[], long, HistogramBins)}, for {@code values[offset, offset + length)}.
     *
     * @throws IllegalArgumentException also when the range is not inside the array or {@code length == 0}
     */
    public void addHistogram(String tag, double[] values, int offset, int length, long step, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).range(offset, length).bins(bins), step, false);
    }

    /** As {@link #addHistogram(String, double[], long)}, at the tag's next automatic step. */
    public void addHistogram(String tag, double[] values) {
        addHistogram(tag, values, HistogramBins.tensorflowDefault());
    }

    /** As {@link #addHistogram(String, double[], long, HistogramBins)}, at the tag's next automatic step. */
    public void addHistogram(String tag, double[] values, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).bins(bins), 0, true);
    }

    /** As {@link #addHistogram(String, double[], long)}; each {@code float} is widened exactly. */
    public void addHistogram(String tag, float[] values, long step) {
        addHistogram(tag, values, step, HistogramBins.tensorflowDefault());
    }

    /** As {@link #addHistogram(String, double[], long, HistogramBins)}, for floats. */
    public void addHistogram(String tag, float[] values, long step, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).bins(bins), step, false);
    }

    /** As {@link #addHistogram(String, double[], int, int, long, HistogramBins)}, for floats. */
    public void addHistogram(String tag, float[] values, int offset, int length, long step, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).range(offset, length).bins(bins), step, false);
    }

    /** As {@link #addHistogram(String, double[])}, for floats. */
    public void addHistogram(String tag, float[] values) {
        addHistogram(tag, values, HistogramBins.tensorflowDefault());
    }

    /** As {@link #addHistogram(String, double[], HistogramBins)}, for floats. */
    public void addHistogram(String tag, float[] values, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).bins(bins), 0, true);
    }

    /** As {@link #addHistogram(String, double[], long)}; each {@code int} is converted exactly. */
    public void addHistogram(String tag, int[] values, long step) {
        addHistogram(tag, values, step, HistogramBins.tensorflowDefault());
    }

    /** As {@link #addHistogram(String, double[], long, HistogramBins)}, for ints. */
    public void addHistogram(String tag, int[] values, long step, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).bins(bins), step, false);
    }

    /** As {@link #addHistogram(String, double[], int, int, long, HistogramBins)}, for ints. */
    public void addHistogram(String tag, int[] values, int offset, int length, long step, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).range(offset, length).bins(bins), step, false);
    }

    /** As {@link #addHistogram(String, double[])}, for ints. */
    public void addHistogram(String tag, int[] values) {
        addHistogram(tag, values, HistogramBins.tensorflowDefault());
    }

    /** As {@link #addHistogram(String, double[], HistogramBins)}, for ints. */
    public void addHistogram(String tag, int[] values, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).bins(bins), 0, true);
    }

    /** As {@link #addHistogram(String, double[], long)}; each {@code long} is rounded to the nearest double. */
    public void addHistogram(String tag, long[] values, long step) {
        addHistogram(tag, values, step, HistogramBins.tensorflowDefault());
    }

    /** As {@link #addHistogram(String, double[], long, HistogramBins)}, for longs. */
    public void addHistogram(String tag, long[] values, long step, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).bins(bins), step, false);
    }

    /** As {@link #addHistogram(String, double[], int, int, long, HistogramBins)}, for longs. */
    public void addHistogram(String tag, long[] values, int offset, int length, long step, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).range(offset, length).bins(bins), step, false);
    }

    /** As {@link #addHistogram(String, double[])}, for longs. */
    public void addHistogram(String tag, long[] values) {
        addHistogram(tag, values, HistogramBins.tensorflowDefault());
    }

    /** As {@link #addHistogram(String, double[], HistogramBins)}, for longs. */
    public void addHistogram(String tag, long[] values, HistogramBins bins) {
        histogram(tag, HistogramData.of(values).bins(bins), 0, true);
    }

    /**
     * Logs a histogram the caller binned: written as given ({@code bucketLimits[i]} is the right edge
     * of bucket {@code i}), with plugin "histograms" metadata. The arrays are copied.
     *
     * @param num the number of values (TensorBoard reads it as a double)
     * @param bucketLimits at least one, strictly increasing (infinities allowed, NaN not)
     * @param bucketCounts as many as limits, each finite and non-negative
     * @throws IllegalArgumentException a bad tag, null arrays, lengths that differ (the message names
     *     both) or are 0, limits not strictly increasing, a negative or non-finite count
     * @throws IllegalStateException the logger is closed
     */
    public void addHistogramRaw(String tag, double min, double max, double num, double sum, double sumSquares,
                                double[] bucketLimits, double[] bucketCounts, long step) {
        histogram(tag, HistogramData.binned(bucketLimits, bucketCounts).min(min).max(max).num(num).sum(sum)
            .sumSquares(sumSquares), step, false);
    }

    /**
     * Logs a picture for TensorBoard's IMAGES tab; returns in about a microsecond and does the work
     * on the consumer thread. The pixels are copied before the call returns: the array may be reused
     * and overwritten at once.
     *
     * <p>Data: flat, row-major, value {@code (y, x, c)} at {@code (y * width + x) * channels + c}; gray
     * {@code (H, W)} has 1 channel, colour {@code (H, W, 3)} 3 (RGB), {@code (H, W, 4)} 4 (RGBA).
     * {@code float[]} and {@code double[]} values are meant in [0, 1]: each becomes
     * {@code (int) clip(x * 255, 0, 255)} (truncated, as numpy's cast; -0.5 gives 0, 0.5 gives 127,
     * 1.7 gives 255), NaN gives 0. {@code byte[]} values are pixels 0..255 (unsigned).
     *
     * <p>{@code equalize}: first rescale by the array's own min and max, {@code (x - min) / (max - min)}
     * (NaN and infinities are left out of min and max); when {@code max == min} every pixel is 0
     * (black), not NaN. For bytes: {@code floor((v - min) * 255 / (max - min))}.
     *
     * <p>Stored as a PNG {@code Summary.Image}: gray as a gray PNG (colorspace 1), RGB 3, RGBA 4, at
     * the zlib level {@code image.pngCompressionLevel}.
     *
     * @param tag the image's name; rules as for {@link #addScalar(String, double, long)}
     * @param height rows, {@code >= 1}
     * @param width columns, {@code >= 1}
     * @param channels 1 (gray), 3 (RGB) or 4 (RGBA)
     * @param equalize rescale by min and max first
     * @throws IllegalArgumentException a bad tag; null data; {@code height * width * channels} not the
     *     array's length; channels not 1, 3 or 4; a dimension below 1; more than {@code image.maxPixels}
     *     pixels (the message names the values); nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addImage(String tag, float[] data, int height, int width, int channels, long step, boolean equalize) {
        image(tag, Picture.floats(data, 1, height, width, channels).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a float picture without equalize; see {@link #addImage(String, float[], int, int, int, long, boolean)}. */
    public void addImage(String tag, float[] data, int height, int width, int channels, long step) {
        image(tag, Picture.floats(data, 1, height, width, channels), step, false);
    }

    /** Logs a gray float picture {@code (height, width)}; see {@link #addImage(String, float[], int, int, int, long, boolean)}. */
    public void addImage(String tag, float[] data, int height, int width, long step, boolean equalize) {
        image(tag, Picture.floats(data, 1, height, width, 1).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a gray float picture {@code (height, width)} without equalize. */
    public void addImage(String tag, float[] data, int height, int width, long step) {
        image(tag, Picture.floats(data, 1, height, width, 1), step, false);
    }

    /** Logs a gray float picture at the tag's next automatic step (0, 1, 2, ...); no step is used up by a bad call. */
    public void addImage(String tag, float[] data, int height, int width) {
        image(tag, Picture.floats(data, 1, height, width, 1), 0, true);
    }

    /** As {@link #addImage(String, float[], int, int, int, long, boolean)}, for doubles (computed in double precision). */
    public void addImage(String tag, double[] data, int height, int width, int channels, long step, boolean equalize) {
        image(tag, Picture.doubles(data, 1, height, width, channels).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a double picture without equalize; see {@link #addImage(String, float[], int, int, int, long, boolean)}. */
    public void addImage(String tag, double[] data, int height, int width, int channels, long step) {
        image(tag, Picture.doubles(data, 1, height, width, channels), step, false);
    }

    /** Logs a gray double picture {@code (height, width)}; see {@link #addImage(String, float[], int, int, int, long, boolean)}. */
    public void addImage(String tag, double[] data, int height, int width, long step, boolean equalize) {
        image(tag, Picture.doubles(data, 1, height, width, 1).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a gray double picture {@code (height, width)} without equalize. */
    public void addImage(String tag, double[] data, int height, int width, long step) {
        image(tag, Picture.doubles(data, 1, height, width, 1), step, false);
    }

    /** Logs a gray double picture at the tag's next automatic step (0, 1, 2, ...); no step is used up by a bad call. */
    public void addImage(String tag, double[] data, int height, int width) {
        image(tag, Picture.doubles(data, 1, height, width, 1), 0, true);
    }

    /** As {@link #addImage(String, float[], int, int, int, long, boolean)}, for bytes 0..255 (unsigned pixels). */
    public void addImage(String tag, byte[] data, int height, int width, int channels, long step, boolean equalize) {
        image(tag, Picture.bytes(data, 1, height, width, channels).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a byte picture without equalize; see {@link #addImage(String, float[], int, int, int, long, boolean)}. */
    public void addImage(String tag, byte[] data, int height, int width, int channels, long step) {
        image(tag, Picture.bytes(data, 1, height, width, channels), step, false);
    }

    /** Logs a gray byte picture {@code (height, width)}; see {@link #addImage(String, float[], int, int, int, long, boolean)}. */
    public void addImage(String tag, byte[] data, int height, int width, long step, boolean equalize) {
        image(tag, Picture.bytes(data, 1, height, width, 1).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a gray byte picture {@code (height, width)} without equalize. */
    public void addImage(String tag, byte[] data, int height, int width, long step) {
        image(tag, Picture.bytes(data, 1, height, width, 1), step, false);
    }

    /** Logs a gray byte picture at the tag's next automatic step (0, 1, 2, ...); no step is used up by a bad call. */
    public void addImage(String tag, byte[] data, int height, int width) {
        image(tag, Picture.bytes(data, 1, height, width, 1), 0, true);
    }

    /**
     * Logs a batch of {@code n} pictures of one shape as one tiled picture, as the Python writers do:
     * {@code min(n, 8)} columns and {@code ceil(n / 8)} rows of cells, filled row by row, no padding,
     * unused cells black. Six 5x5 images give a picture 5 high and 30 wide; nine give 2 rows of 8.
     * The data are the images one after the other, layout {@code (n, H, W[, C])}. Pixel rules as
     * {@link #addImage(String, float[], int, int, int, long, boolean)}; {@code image.maxPixels} limits
     * the tiled picture.
     *
     * @param equalize rescale by the min and max of the whole batch
     * @param equalizePerImage with {@code equalize}: each image by its own min and max instead;
     *     ignored without {@code equalize}
     * @throws IllegalArgumentException as addImage, with {@code n * height * width * channels} the
     *     array's length and {@code n >= 1}; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addImages(String tag, float[] data, int n, int height, int width, int channels, long step,
                          boolean equalize, boolean equalizePerImage) {
        image(tag, Picture.floats(data, n, height, width, channels).scaled(ImageScaling.of(equalize, equalizePerImage)), step, false);
    }

    /** Logs a tiled batch of float pictures, equalized over the whole batch or not. */
    public void addImages(String tag, float[] data, int n, int height, int width, int channels, long step,
                          boolean equalize) {
        image(tag, Picture.floats(data, n, height, width, channels).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a tiled batch of float pictures without equalize. */
    public void addImages(String tag, float[] data, int n, int height, int width, int channels, long step) {
        image(tag, Picture.floats(data, n, height, width, channels), step, false);
    }

    /** Logs a tiled batch of gray float pictures {@code (n, height, width)}. */
    public void addImages(String tag, float[] data, int n, int height, int width, long step, boolean equalize,
                          boolean equalizePerImage) {
        image(tag, Picture.floats(data, n, height, width, 1).scaled(ImageScaling.of(equalize, equalizePerImage)), step, false);
    }

    /** Logs a tiled batch of gray float pictures {@code (n, height, width)}, equalized over the batch or not. */
    public void addImages(String tag, float[] data, int n, int height, int width, long step, boolean equalize) {
        image(tag, Picture.floats(data, n, height, width, 1).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a tiled batch of gray float pictures {@code (n, height, width)} without equalize. */
    public void addImages(String tag, float[] data, int n, int height, int width, long step) {
        image(tag, Picture.floats(data, n, height, width, 1), step, false);
    }

    /** As {@link #addImages(String, float[], int, int, int, int, long, boolean, boolean)}, for doubles. */
    public void addImages(String tag, double[] data, int n, int height, int width, int channels, long step,
                          boolean equalize, boolean equalizePerImage) {
        image(tag, Picture.doubles(data, n, height, width, channels).scaled(ImageScaling.of(equalize, equalizePerImage)), step, false);
    }

    /** Logs a tiled batch of double pictures, equalized over the whole batch or not. */
    public void addImages(String tag, double[] data, int n, int height, int width, int channels, long step,
                          boolean equalize) {
        image(tag, Picture.doubles(data, n, height, width, channels).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a tiled batch of double pictures without equalize. */
    public void addImages(String tag, double[] data, int n, int height, int width, int channels, long step) {
        image(tag, Picture.doubles(data, n, height, width, channels), step, false);
    }

    /** Logs a tiled batch of gray double pictures {@code (n, height, width)}. */
    public void addImages(String tag, double[] data, int n, int height, int width, long step, boolean equalize,
                          boolean equalizePerImage) {
        image(tag, Picture.doubles(data, n, height, width, 1).scaled(ImageScaling.of(equalize, equalizePerImage)), step, false);
    }

    /** Logs a tiled batch of gray double pictures {@code (n, height, width)}, equalized over the batch or not. */
    public void addImages(String tag, double[] data, int n, int height, int width, long step, boolean equalize) {
        image(tag, Picture.doubles(data, n, height, width, 1).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a tiled batch of gray double pictures {@code (n, height, width)} without equalize. */
    public void addImages(String tag, double[] data, int n, int height, int width, long step) {
        image(tag, Picture.doubles(data, n, height, width, 1), step, false);
    }

    /** As {@link #addImages(String, float[], int, int, int, int, long, boolean, boolean)}, for bytes. */
    public void addImages(String tag, byte[] data, int n, int height, int width, int channels, long step,
                          boolean equalize, boolean equalizePerImage) {
        image(tag, Picture.bytes(data, n, height, width, channels).scaled(ImageScaling.of(equalize, equalizePerImage)), step, false);
    }

    /** Logs a tiled batch of byte pictures, equalized over the whole batch or not. */
    public void addImages(String tag, byte[] data, int n, int height, int width, int channels, long step,
                          boolean equalize) {
        image(tag, Picture.bytes(data, n, height, width, channels).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a tiled batch of byte pictures without equalize. */
    public void addImages(String tag, byte[] data, int n, int height, int width, int channels, long step) {
        image(tag, Picture.bytes(data, n, height, width, channels), step, false);
    }

    /** Logs a tiled batch of gray byte pictures {@code (n, height, width)}. */
    public void addImages(String tag, byte[] data, int n, int height, int width, long step, boolean equalize,
                          boolean equalizePerImage) {
        image(tag, Picture.bytes(data, n, height, width, 1).scaled(ImageScaling.of(equalize, equalizePerImage)), step, false);
    }

    /** Logs a tiled batch of gray byte pictures {@code (n, height, width)}, equalized over the batch or not. */
    public void addImages(String tag, byte[] data, int n, int height, int width, long step, boolean equalize) {
        image(tag, Picture.bytes(data, n, height, width, 1).scaled(ImageScaling.of(equalize, false)), step, false);
    }

    /** Logs a tiled batch of gray byte pictures {@code (n, height, width)} without equalize. */
    public void addImages(String tag, byte[] data, int n, int height, int width, long step) {
        image(tag, Picture.bytes(data, n, height, width, 1), step, false);
    }

    /**
     * Logs a {@link BufferedImage} as it is: {@code TYPE_BYTE_GRAY} as gray, an image with alpha as
     * RGBA, any other as RGB. Its pixels are read on the caller's thread before the call returns
     * (fast for the common types, see {@link BufferedImages}); do not draw into it
     * meanwhile from another thread.
     *
     * @throws IllegalArgumentException a bad tag, a null image, more than {@code image.maxPixels} pixels
     * @throws IllegalStateException the logger is closed
     */
    public void addImage(String tag, BufferedImage image, long step) {
        image(tag, Picture.of(image), step, false);
    }

    /** Logs a {@link BufferedImage} at the tag's next automatic step (0, 1, 2, ...). */
    public void addImage(String tag, BufferedImage image) {
        image(tag, Picture.of(image), 0, true);
    }

    /**
     * Logs a figure already rendered to an image (e.g. {@code chart.createBufferedImage(w, h)}); the
     * same as {@link #addImage(String, BufferedImage, long)}.
     */
    public void addFigure(String tag, BufferedImage figure, long step) {
        image(tag, Picture.of(figure), step, false);
    }

    /**
     * Logs a figure drawn by {@code draw} on a white {@code width x height} canvas (antialiased), as
     * an RGB image: {@code add_figure} of the Python writers. For a JFreeChart chart use
     * {@link JFreeChartLogging#addFigure}, or {@code g -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h))}.
     *
     * <p>{@code draw} runs on the caller's thread, inside this call, as the Python writers render on
     * theirs: it reads the simulation's state at the time of the call (the consumer would see a later
     * state, or race with the simulation changing it), its exceptions reach the caller, and a slow
     * chart cannot stall the consumer that writes every other thread's events. What moves off the
     * caller is the PNG encoding, the costly part; rendering a 150x100 line chart takes a few
     * milliseconds the first time and well under one after warm-up.
     *
     * @param width pixels, {@code >= 1}
     * @param height pixels, {@code >= 1}
     * @throws IllegalArgumentException a bad tag, a null callback, a size below 1 or over
     *     {@code image.maxPixels}; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addFigure(String tag, int width, int height, Consumer<? super Graphics2D> draw, long step) {
        image(tag, Picture.drawn(width, height, draw), step, false);
    }

    /** Logs a drawn figure at the tag's next automatic step (0, 1, 2, ...). */
    public void addFigure(String tag, int width, int height, Consumer<? super Graphics2D> draw) {
        image(tag, Picture.drawn(width, height, draw), 0, true);
    }

    /**
     * Logs the parameters of this run and its final metrics for TensorBoard's HPARAMS tab: one row
     * per run, every parameter and every metric a column (the union over all runs of the log
     * folder, so keys that only some runs have show too). Call it once, at the end of the run.
     *
     * <p>The first call makes the run folder itself the hparams session, next to its training
     * scalars; no extra run appears. Each metric is written as a scalar with the metric's name as
     * tag, after the run's history: one step past the tag's last step if the run logged that tag
     * (its curve stays whole), else at the run's highest step. A later call on the same logger
     * (one per trial of a search in one process) is another session, in the sub-run
     * {@code <run>/trial-0002}, {@code trial-0003}, ...
     *
     * <p>Parameter values: {@link String} (STRING), {@link Boolean} (BOOL), any {@link Number}
     * (FLOAT64, must be finite), an enum (its {@code name()}, STRING); a {@code null} value leaves
     * the key out of this run.
     *
     * @param params parameter name to value; {@code Map.of()} for none
     * @param metrics metric name to value (NaN and infinities allowed); {@code Map.of()} for none
     * @throws IllegalArgumentException a null map, a null or blank key, a value of another type
     *     (the message names the key and the type), a null metric value, a non-finite number
     *     parameter, a metric named {@code _hparams_/...}; nothing is published
     * @throws IllegalStateException the logger is closed
     * @see HParams
     */
    public void addParameters(Map<String, ?> params, Map<String, ? extends Number> metrics) {
        parameters.add(params, metrics);
    }

    /**
     * Logs a text for TensorBoard's TEXT tab, rendered as Markdown (tables, lists, code). Written
     * as the Python writers do: tag {@code <tag>/text_summary}, plugin "text", a string tensor.
     *
     * @param tag the text's name; rules as for {@link #addScalar(String, double, long)}
     * @param markdown the text, not null
     * @throws IllegalArgumentException a null, blank or unsafe tag, a null text
     * @throws IllegalStateException the logger is closed
     */
    public void addText(String tag, String markdown, long step) {
        checkText(tag, markdown);
        texts.add(tag, markdown, step);
    }

    /** Logs a text at the tag's next automatic step (0, 1, 2, ...). */
    public void addText(String tag, String markdown) {
        checkText(tag, markdown);
        addText(tag, markdown, nextAutoStep(TextProducer.fullTag(tag)));
    }

    private static void checkText(String tag, String markdown) {
        TagRules.tag(tag);
        if (markdown == null) {
            throw new IllegalArgumentException("text of addText('" + tag + "') must not be null");
        }
    }

    /**
     * Returns once every event published before this call is written to the OS (and synced, when
     * {@code fsync.policy=flush}). Racing or after close: returns once close has finished, or throws
     * close's {@link LoggerFailedException}.
     *
     * @throws LoggerFailedException the storage or the consumer failed; nothing after the failure
     *     is guaranteed written
     */
    public void flush() {
        core.flush();
    }

    /**
     * Drains every event published before, writes, fsyncs (unless {@code fsync.policy=never}) and
     * closes the files, and stops the consumer. Idempotent and safe from any thread: a second call
     * waits for the first and reports the same outcome. Calls racing with close are written or
     * throw {@link IllegalStateException}; the few that slip between are counted as lost.
     *
     * @throws LoggerFailedException the storage or the consumer failed, or close timed out
     *     ({@code shutdown.timeoutMillis})
     */
    @Override
    public void close() {
        core.close();
    }

    /** A snapshot of the counters. */
    public LoggerStats stats() {
        return core.stats();
    }

    /** The run folder this logger writes to. */
    public Path runDir() {
        return core.runDir();
    }

    /** The effective configuration. */
    public TblogConfig config() {
        return core.config();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return core.isClosing();
    }

    @Override
    public String toString() {
        return "Logger[" + core.runDir() + (core.isClosing() ? ", closed" : "") + "]";
    }

    private void image(String tag, Picture picture, long step, boolean autoStep) {
        TagRules.tag(tag);
        images.check(tag, picture);
        images.add(tag, picture, autoStep ? nextAutoStep(tag) : step);
    }

    private void histogram(String tag, HistogramData histogram, long step, boolean autoStep) {
        TagRules.tag(tag);
        histograms.add(tag, histogram, autoStep ? nextAutoStep(tag) : step);
    }

    private long nextAutoStep(String tag) {
        return autoSteps.next(tag);
    }
}
