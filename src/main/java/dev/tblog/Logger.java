package dev.tblog;

import dev.tblog.audio.AudioClip;
import dev.tblog.audio.AudioProducer;
import dev.tblog.boxes.BoxesProducer;
import dev.tblog.config.TblogConfig;
import dev.tblog.customscalars.CustomScalarsProducer;
import dev.tblog.encode.Utf16;
import dev.tblog.graph.GraphProducer;
import dev.tblog.histogram.HistogramData;
import dev.tblog.histogram.HistogramProducer;
import dev.tblog.hparams.HParamsProducer;
import dev.tblog.image.ImageProducer;
import dev.tblog.image.Picture;
import dev.tblog.mesh.MeshProducer;
import dev.tblog.prcurve.PrCurveData;
import dev.tblog.prcurve.PrCurveProducer;
import dev.tblog.projector.EmbeddingProducer;
import dev.tblog.ring.Publisher;
import dev.tblog.sink.EventSinkFactory;
import dev.tblog.text.TextProducer;
import dev.tblog.video.VideoProducer;
import dev.tblog.sink.LogStorage;

import java.net.URI;
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
 *         log.addImage("Firing rate", Image.gray(rate, 64, 64).equalized(), step);
 *         log.addHistogram("Weights", weights, step);
 *     }
 * }   // then: tensorboard --logdir runs
 * }</pre>
 *
 * <p>One method per event kind. What a call logs and how (the shape, the options) is carried by a
 * small immutable value: {@link Image}, {@link Images}, {@link Figure}, {@link Histogram},
 * {@link PrCurve}, {@link CustomScalars}, {@link Audio}, {@link Video}, {@link Boxes}. A call
 * validates its arguments, copies them into a preallocated slot of a ring buffer (and the bulk of
 * pixels and values into pooled memory) and returns: {@code addScalar} allocates nothing and costs
 * tens of nanoseconds. One consumer thread encodes the events and appends them to the run's event
 * file; data reach the OS within milliseconds, without {@link #flush()}.
 *
 * <p>Steps: TensorBoard keeps one value per step and tag, and a step lower than an earlier one
 * erases the later history. The methods without a step use a counter per tag (0, 1, 2, ...); do
 * not mix them with explicit steps on the same tag. A call that fails uses no step.
 *
 * <p>Bad input ({@code null} or blank tags, tags or keys that would lead outside the run folder, a
 * picture over {@code image.maxPixels}) throws {@link IllegalArgumentException} at the call site,
 * naming the value, and nothing is published. So does a tag that already holds another kind of data
 * in the run (a histogram under a scalar's tag): TensorBoard shows one kind per tag and run, and the
 * first call on a tag decides its kind. After {@link #close()}, every {@code add*} call
 * throws {@link IllegalStateException}; {@link #flush()} and {@link #close()} return once close has
 * finished.
 *
 * <p>A full ring (or full payload memory, {@code payload.maxPendingBytes}) is handled by the
 * overflow policy: {@code block} waits, {@code drop} counts the call dropped and returns. Either
 * way no call waits longer than {@code overflow.stallTimeoutMillis} on a consumer that makes no
 * progress (a hung disk): it is then dropped and counted as a stall.
 *
 * <p>Interrupts: a thread's interrupt flag changes nothing: a waiting call waits (parked, no CPU)
 * and returns with the flag still set; {@code flush()} and {@code close()} do their work, keep the
 * flag, and throw only for a real failure.
 *
 * <p>Thread contract: any thread; the {@code add*} calls are lock-free (under the {@code block}
 * overflow policy they wait while the ring is full, and threads that log scalars at once at a high
 * rate take turns, one sleeping while another fills the ring: {@code ring.producersTakeTurns}),
 * {@code flush()} and {@code close()} block until the consumer has done their work.
 */
public final class Logger implements AutoCloseable {
    private final LoggerCore core;
    private final TagKinds kinds;
    private final ScalarsSubRuns subRuns;
    private final AutoSteps autoSteps = new AutoSteps();
    /** addScalars' own counters: a main tag's keys share a chart with addScalar(mainTag), not its steps. */
    private final AutoSteps scalarsSteps = new AutoSteps();
    private final Publisher publisher;
    private final ImageProducer images;
    private final HistogramProducer histograms;
    private final TextProducer texts;
    private final HParamsProducer parameters;
    // Dashboards, part 1 (issue 14)
    private final AudioProducer audios;
    private final PrCurveProducer prCurves;
    private final CustomScalarsProducer customScalars;
    private final VideoProducer videos;
    private final BoxesProducer boxedImages;
    // Dashboards, part 2 (issue 15)
    private final GraphProducer graphs;
    private final MeshProducer meshes;
    private final EmbeddingProducer embeddings;

    /** A logger writing to {@code runs/<MonDD_HH-mm-ss>_<hostname>}. */
    public Logger() {
        this(builder());
    }

    /**
     * A logger writing to {@code <logdir>/<MonDD_HH-mm-ss>_<hostname>}.
     *
     * @param logdir the log folder TensorBoard is pointed at
     */
    public Logger(Path logdir) {
        this(builder().logdir(logdir));
    }

    /**
     * A logger writing to {@code <logdir>/<experiment>}.
     *
     * @param logdir the log folder TensorBoard is pointed at
     * @param experiment the run's folder name under {@code logdir}
     */
    public Logger(Path logdir, String experiment) {
        this(builder().logdir(logdir).experiment(experiment));
    }

    /**
     * A logger writing to {@code <logdir>/<MonDD_HH-mm-ss>_<hostname>}, the log folder named by a URI:
     * {@code hdfs://nn:8020/runs}, {@code s3a://bucket/runs} (through Hadoop's FileSystem, which
     * must be on the class path), or {@code file:///data/runs}.
     *
     * @param logdir the log folder TensorBoard is pointed at, as a URI; one without a scheme is a local path
     * @throws IllegalArgumentException a scheme whose storage is not on the class path
     */
    public Logger(URI logdir) {
        this(builder().logdir(logdir));
    }

    /**
     * A logger writing to {@code <logdir>/<experiment>}, the log folder named by a URI (see {@link #Logger(URI)}).
     *
     * @param logdir the log folder TensorBoard is pointed at, as a URI; one without a scheme is a local path
     * @param experiment the run's folder name under {@code logdir}
     * @throws IllegalArgumentException a scheme whose storage is not on the class path
     */
    public Logger(URI logdir, String experiment) {
        this(builder().logdir(logdir).experiment(experiment));
    }

    private Logger(LoggerBuilder builder) {
        this(builder.buildParts());
    }

    private Logger(LoggerBuilder.Parts parts) {
        this(parts.runDir(), parts.storage(), parts.config(), parts.sinkFactory(), parts.errorHandler());
    }

    /**
     * A builder for everything else: config file, overrides, sinks, error handler.
     *
     * @return a new builder with the defaults
     */
    public static LoggerBuilder builder() {
        return new LoggerBuilder();
    }

    Logger(Path runDir, TblogConfig config, EventSinkFactory sinkFactory, Consumer<Throwable> errorHandler) {
        this(runDir, LogStorage.LOCAL, config, sinkFactory, errorHandler);
    }

    Logger(Path runDir, LogStorage storage, TblogConfig config, EventSinkFactory sinkFactory,
           Consumer<Throwable> errorHandler) {
        this.core = new LoggerCore(runDir, storage, config, sinkFactory, errorHandler);
        this.kinds = new TagKinds(core.tagIds());
        this.subRuns = new ScalarsSubRuns(runDir, config.scalarsMaxSubRuns());
        this.publisher = core.publisher();
        this.images = new ImageProducer(publisher, config.imageMaxPixels(), config.imagePngCompressionLevel());
        this.histograms = new HistogramProducer(publisher, config.histogramConsumerBinMaxValues());
        this.texts = new TextProducer(publisher);
        this.parameters = new HParamsProducer(publisher, storage, runDir);
        // Dashboards, part 1 (issue 14)
        this.audios = new AudioProducer(publisher);
        this.prCurves = new PrCurveProducer(publisher);
        this.customScalars = new CustomScalarsProducer(publisher);
        this.videos = new VideoProducer(publisher, config.imageMaxPixels());
        this.boxedImages = new BoxesProducer(publisher, config.imageMaxPixels(), config.imagePngCompressionLevel());
        // Dashboards, part 2 (issue 15)
        this.graphs = new GraphProducer(publisher);
        this.meshes = new MeshProducer(publisher);
        this.embeddings = new EmbeddingProducer(publisher, config.imageMaxPixels(), config.imagePngCompressionLevel());
    }

    /**
     * Logs a scalar. Allocation-free.
     *
     * <p>Its wall time is when it entered the ring, to the millisecond: read from a clock the
     * consumer thread keeps fresh while it takes scalars (the system clock was half of this call's
     * cost), so it may be earlier by microseconds, or by as long as the consumer thread was
     * descheduled mid-batch on a loaded machine (at most 4,096 scalars later); never by a pause.
     *
     * @param tag the chart's name; '/' groups charts
     * @param value written as a 32-bit float ({@code simple_value}); NaN and infinities as they are
     * @param step the x axis
     * @throws IllegalArgumentException a null, blank or unsafe tag
     * @throws IllegalStateException the logger is closed
     */
    public void addScalar(String tag, double value, long step) {
        publisher.scalar(tag, kinds.claimScalar(tag), step, value);
    }

    /**
     * Logs a scalar at the tag's next automatic step (0, 1, 2, ...). Allocation-free once the tag
     * has been seen.
     *
     * @param tag the chart's name; rules as for {@link #addScalar(String, double, long)}
     * @param value written as a 32-bit float
     * @throws IllegalArgumentException a null, blank or unsafe tag
     * @throws IllegalStateException the logger is closed
     */
    public void addScalar(String tag, double value) {
        int tagId = kinds.claimScalar(tag);
        publisher.scalar(tag, tagId, autoSteps.next(tag), value);
    }

    /**
     * Logs several scalars on one chart: each key goes to the sub-run
     * {@code <run>/<mainTag with '/' as '_'>_<key>} under the tag {@code mainTag}, as the Python
     * writers do, so TensorBoard draws one line per key. All keys are checked before any is
     * published; an empty map logs nothing.
     *
     * @param mainTag the chart's name
     * @param values key (the line's name) to value
     * @param step the x axis
     * @throws IllegalArgumentException a null map, key or value; a bad tag; a key that is not a
     *     plain folder name; a sub-run folder name over 255 bytes of UTF-8 or one this JVM's file
     *     names cannot encode (under {@code LANG=C}: non-ASCII); a key that would open more than
     *     {@code scalars.maxSubRuns} sub-runs in this logger
     * @throws IllegalStateException the logger is closed
     */
    public void addScalars(String mainTag, Map<String, ? extends Number> values, long step) {
        checkScalars(mainTag, values);
        long now = System.currentTimeMillis();
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            publisher.scalarsMember(mainTag, e.getKey(), step, e.getValue().doubleValue(), now);
        }
    }

    /**
     * Logs several scalars on one chart at the main tag's next automatic step: addScalars counts its
     * own steps 0, 1, 2, ... per main tag, apart from {@code addScalar(mainTag, value)}'s. See
     * {@link #addScalars(String, Map, long)}.
     *
     * @param mainTag the chart's name
     * @param values key (the line's name) to value
     * @throws IllegalArgumentException a null map, key or value; a bad tag; a bad key; a key past
     *     {@code scalars.maxSubRuns}
     * @throws IllegalStateException the logger is closed
     */
    public void addScalars(String mainTag, Map<String, ? extends Number> values) {
        checkScalars(mainTag, values);
        addScalars(mainTag, values, scalarsSteps.next(mainTag));
    }

    private void checkScalars(String mainTag, Map<String, ? extends Number> values) {
        subRuns.checkMainTag(mainTag);
        if (values == null) {
            throw new IllegalArgumentException("values of addScalars('" + mainTag + "') must not be null");
        }
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            subRuns.admit(mainTag, e.getKey());
            if (e.getValue() == null) {
                throw new IllegalArgumentException("value of addScalars key '" + e.getKey() + "' is null");
            }
        }
    }

    /**
     * Logs a histogram of {@code values} for TensorBoard's HISTOGRAMS and DISTRIBUTIONS tabs, with the
     * Python writers' default bucket edges; the same as {@code addHistogram(tag, Histogram.of(values), step)}.
     *
     * @param tag the chart's name; rules as for {@link #addScalar(String, double, long)}
     * @param values at least one value; copied (or binned on this thread) before the call returns
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, null or empty values
     * @throws IllegalStateException the logger is closed
     */
    public void addHistogram(String tag, double[] values, long step) {
        HistogramData data = HistogramData.of(values);
        histograms.add(kinds.claimHistogram(tag), data, step);
    }

    /**
     * Logs a histogram: values binned by tblog (other element types, a range, other bins) or one you
     * binned; see {@link Histogram}. Min, max, count, sum and sum of squares are exact over the
     * values. NaN and infinite values are left out and counted in the scalar {@code <tag>/nonfinite}.
     *
     * <p>The call copies the values (small calls) or bins them on this thread (large calls, see
     * {@code histogram.consumerBinMaxValues}); the caller may change the array once it returns.
     *
     * @param tag the chart's name; rules as for {@link #addScalar(String, double, long)}
     * @param histogram the values, or the buckets, and how to bin them
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null histogram
     * @throws IllegalStateException the logger is closed
     */
    public void addHistogram(String tag, Histogram histogram, long step) {
        HistogramData data = requireValue(histogram, "histogram", "addHistogram", tag).data();
        histograms.add(kinds.claimHistogram(tag), data, step);
    }

    /**
     * Logs a histogram at the tag's next automatic step (0, 1, 2, ...); see
     * {@link #addHistogram(String, Histogram, long)}.
     *
     * @param tag the chart's name
     * @param histogram the values, or the buckets, and how to bin them
     * @throws IllegalArgumentException a bad tag, a null histogram
     * @throws IllegalStateException the logger is closed
     */
    public void addHistogram(String tag, Histogram histogram) {
        HistogramData data = requireValue(histogram, "histogram", "addHistogram", tag).data();
        histograms.add(kinds.claimHistogram(tag), data, autoSteps.next(tag));
    }

    /**
     * Logs a picture for TensorBoard's IMAGES tab; returns in about a microsecond and does the work
     * (equalize, conversion to bytes, PNG) on the consumer thread. The pixels are copied before the
     * call returns: the array may be reused and overwritten at once. Stored as a PNG
     * {@code Summary.Image}: gray as a gray PNG, RGB and RGBA as they are, at the zlib level
     * {@code image.pngCompressionLevel}.
     *
     * @param tag the picture's name; rules as for {@link #addScalar(String, double, long)}
     * @param image the pixels, their shape and options
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null image, more than {@code image.maxPixels}
     *     pixels (the message names the values); nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addImage(String tag, Image image, long step) {
        Picture picture = requireValue(image, "image", "addImage", tag).picture();
        images.add(kinds.claim(tag, TagKinds.IMAGE), picture, step);
    }

    /**
     * Logs a picture at the tag's next automatic step (0, 1, 2, ...); a bad call uses no step. See
     * {@link #addImage(String, Image, long)}.
     *
     * @param tag the picture's name
     * @param image the pixels, their shape and options
     * @throws IllegalArgumentException a bad tag, a null image, more than {@code image.maxPixels}
     * @throws IllegalStateException the logger is closed
     */
    public void addImage(String tag, Image image) {
        Picture picture = requireValue(image, "image", "addImage", tag).picture();
        images.addAtNextStep(kinds.claim(tag, TagKinds.IMAGE), picture, autoSteps::next);
    }

    /**
     * Logs a batch of pictures of one shape as one tiled picture, as the Python writers do; see
     * {@link Images}. {@code image.maxPixels} limits the tiled picture.
     *
     * @param tag the picture's name; rules as for {@link #addScalar(String, double, long)}
     * @param images the pictures, their shape and options
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, null images, a tiled picture over {@code image.maxPixels}
     * @throws IllegalStateException the logger is closed
     */
    public void addImages(String tag, Images images, long step) {
        Picture picture = requireValue(images, "images", "addImages", tag).picture();
        this.images.add(kinds.claim(tag, TagKinds.IMAGE), picture, step);
    }

    /**
     * Logs a figure as an RGB picture ({@code add_figure} of the Python writers); see {@link Figure}.
     * A drawn figure is rendered on this thread, inside the call; the PNG is made on the consumer.
     *
     * @param tag the picture's name; rules as for {@link #addScalar(String, double, long)}
     * @param figure what to draw, and its size
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null figure, a size over {@code image.maxPixels};
     *     nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addFigure(String tag, Figure figure, long step) {
        Picture picture = requireValue(figure, "figure", "addFigure", tag).picture();
        images.add(kinds.claim(tag, TagKinds.IMAGE), picture, step);
    }

    /**
     * Logs a figure at the tag's next automatic step (0, 1, 2, ...); a bad call uses no step. See
     * {@link #addFigure(String, Figure, long)}.
     *
     * @param tag the picture's name
     * @param figure what to draw, and its size
     * @throws IllegalArgumentException a bad tag, a null figure, a size over {@code image.maxPixels}
     * @throws IllegalStateException the logger is closed
     */
    public void addFigure(String tag, Figure figure) {
        Picture picture = requireValue(figure, "figure", "addFigure", tag).picture();
        images.addAtNextStep(kinds.claim(tag, TagKinds.IMAGE), picture, autoSteps::next);
    }

    /**
     * Logs a text for TensorBoard's TEXT tab, rendered as Markdown (tables, lists, code). Written
     * as the Python writers do: tag {@code <tag>/text_summary}, plugin "text", a string tensor.
     *
     * @param tag the text's name; rules as for {@link #addScalar(String, double, long)}
     * @param markdown the text, not null
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a null, blank or unsafe tag, a null text, a text holding an
     *     unpaired UTF-16 surrogate (it has no UTF-8 form; the message names its index)
     * @throws IllegalStateException the logger is closed
     */
    public void addText(String tag, String markdown, long step) {
        checkText(tag, markdown);
        texts.add(tag, markdown, step);
    }

    /**
     * Logs a text at the tag's next automatic step (0, 1, 2, ...), counted apart from the tag's
     * scalars. See {@link #addText(String, String, long)}.
     *
     * @param tag the text's name
     * @param markdown the text, not null
     * @throws IllegalArgumentException a null, blank or unsafe tag, a null text
     * @throws IllegalStateException the logger is closed
     */
    public void addText(String tag, String markdown) {
        checkText(tag, markdown);
        texts.add(tag, markdown, autoSteps.next(TextProducer.fullTag(tag)));
    }

    private void checkText(String tag, String markdown) {
        TagRules.tag(tag);
        requireValue(markdown, "text", "addText", tag);
        Utf16.requireWellFormed(markdown, "text of addText('" + tag + "')");
        kinds.claim(TextProducer.fullTag(tag), TagKinds.TEXT);
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
     * <p>Once a {@link Sweep} is declared in this process for a folder holding this run, the call
     * is checked against it: HPARAMS then shows exactly the declared parameters and metrics, so a
     * key the sweep does not declare, or a value outside its {@link Domain}, is refused.
     *
     * <p>Never dropped while the consumer makes progress: it waits for room under either overflow
     * policy. Like every call, it gives up (counted as an "hparams" drop and a stall) on a consumer
     * that made no progress for {@code overflow.stallTimeoutMillis}.
     *
     * @param params parameter name to value; {@code Map.of()} for none
     * @param metrics metric name to value (NaN and infinities allowed); {@code Map.of()} for none
     * @throws IllegalArgumentException a null map, a null or blank key, a value of another type
     *     (the message names the key and the type), a null metric value, a non-finite number
     *     parameter, a metric named {@code _hparams_/...}; under a declared sweep, a parameter or
     *     metric it does not declare or a value outside its domain (the message names the key, the
     *     value and the domain); nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addParameters(Map<String, ?> params, Map<String, ? extends Number> metrics) {
        if (metrics != null) {
            for (String name : metrics.keySet()) {
                kinds.claimMetric(name);
            }
        }
        parameters.add(params, metrics);
    }

    // ---- Dashboards, part 1 (issue 14): audio, PR curves, custom scalars, video, images with boxes ----

    /**
     * Logs a sound for TensorBoard's AUDIO tab, as a 16-bit PCM WAV (see {@link Audio} for the
     * sample rule: clipped to [-1, 1], NaN as 0). The samples are copied before the call returns;
     * the WAV is made on the consumer thread.
     *
     * @param tag the sound's name; rules as for {@link #addScalar(String, double, long)}
     * @param audio the samples, their channels and sample rate
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null audio, a clip larger than
     *     {@code payload.maxPendingBytes}; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addAudio(String tag, Audio audio, long step) {
        audios.add(kinds.claim(tag, TagKinds.AUDIO), requireValue(audio, "audio", "addAudio", tag).clip(), step);
    }

    /**
     * Logs a sound at the tag's next automatic step (0, 1, 2, ...); a bad call uses no step. See
     * {@link #addAudio(String, Audio, long)}.
     *
     * @param tag the sound's name
     * @param audio the samples, their channels and sample rate
     */
    public void addAudio(String tag, Audio audio) {
        AudioClip clip = requireValue(audio, "audio", "addAudio", tag).clip();
        audios.addAtNextStep(kinds.claim(tag, TagKinds.AUDIO), clip, autoSteps::next);
    }

    /**
     * Logs a precision-recall curve for TensorBoard's PR CURVES tab; see {@link PrCurve}. The call
     * checks the predictions (in [0, 1]) and weights and copies them; the counts at each threshold
     * are made on the consumer thread.
     *
     * @param tag the curve's name; rules as for {@link #addScalar(String, double, long)}
     * @param curve the labels and predictions, or the raw counts, and the thresholds
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null curve, a prediction outside [0, 1] or NaN,
     *     a negative or non-finite weight (the message names the index and the value), data larger
     *     than {@code payload.maxPendingBytes}; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addPrCurve(String tag, PrCurve curve, long step) {
        PrCurveData data = requireValue(curve, "curve", "addPrCurve", tag).data();
        prCurves.add(kinds.claim(tag, TagKinds.PR_CURVE), data, step);
    }

    /**
     * Logs a precision-recall curve at the tag's next automatic step (0, 1, 2, ...); a bad call uses no step.
     * See {@link #addPrCurve(String, PrCurve, long)}.
     *
     * @param tag the curve's name
     * @param curve the labels and predictions, or the raw counts, and the thresholds
     */
    public void addPrCurve(String tag, PrCurve curve) {
        PrCurveData data = requireValue(curve, "curve", "addPrCurve", tag).data();
        prCurves.addAtNextStep(kinds.claim(tag, TagKinds.PR_CURVE), data, autoSteps::next);
    }

    /**
     * Writes the run's layout of TensorBoard's CUSTOM SCALARS tab: charts that gather scalar tags;
     * see {@link CustomScalars}. Call it once per run (any time); a later call replaces the
     * layout. TensorBoard merges the layouts of all runs by category title, so every run of a
     * sweep may write the same one. Never dropped by a burst (it waits for room under either
     * overflow policy), and like every call it gives up on a consumer that made no progress for
     * {@code overflow.stallTimeoutMillis}.
     *
     * @param layout the categories and their charts, not null
     * @throws IllegalArgumentException a null layout
     * @throws IllegalStateException the logger is closed
     */
    public void addCustomScalars(CustomScalars layout) {
        if (layout == null) {
            throw new IllegalArgumentException("layout of addCustomScalars must not be null");
        }
        customScalars.add(layout.layout());
    }

    /**
     * Logs a video as an animated GIF for TensorBoard's IMAGES tab, as the Python writers do; see
     * {@link Video}. The values are copied before the call returns; pixels, tiling and the GIF are
     * made on the consumer thread.
     *
     * @param tag the video's name; rules as for {@link #addScalar(String, double, long)}
     * @param video the frames, their shape, scaling and frame rate
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null video, a tiled frame over
     *     {@code image.maxPixels}, data larger than {@code payload.maxPendingBytes}; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addVideo(String tag, Video video, long step) {
        videos.add(kinds.claim(tag, TagKinds.IMAGE), requireValue(video, "video", "addVideo", tag).clip(), step);
    }

    /**
     * Logs a video at the tag's next automatic step (0, 1, 2, ...); a bad call uses no step. See
     * {@link #addVideo(String, Video, long)}.
     *
     * @param tag the video's name
     * @param video the frames, their shape, scaling and frame rate
     */
    public void addVideo(String tag, Video video) {
        videos.addAtNextStep(kinds.claim(tag, TagKinds.IMAGE), requireValue(video, "video", "addVideo", tag).clip(), autoSteps::next);
    }

    /**
     * Logs a picture with boxes drawn on it (detections, regions of interest) for TensorBoard's
     * IMAGES tab; see {@link Boxes} for where the pixels go. The pixels are copied before the call
     * returns; the boxes and labels are drawn, and the PNG made, on the consumer thread.
     *
     * @param tag the picture's name; rules as for {@link #addScalar(String, double, long)}
     * @param image the pixels, their shape and options
     * @param boxes the boxes to draw, and their labels
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null image or boxes, a picture over
     *     {@code image.maxPixels}; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addImageWithBoxes(String tag, Image image, Boxes boxes, long step) {
        kinds.claim(tag, TagKinds.IMAGE);
        requireValue(image, "image", "addImageWithBoxes", tag);
        boxedImages.add(tag, image.picture(), requireValue(boxes, "boxes", "addImageWithBoxes", tag).list(), step, null);
    }

    /**
     * Logs a picture with boxes at the tag's next automatic step (0, 1, 2, ...); a bad call uses no step.
     * See {@link #addImageWithBoxes(String, Image, Boxes, long)}.
     *
     * @param tag the picture's name
     * @param image the pixels, their shape and options
     * @param boxes the boxes to draw, and their labels
     */
    public void addImageWithBoxes(String tag, Image image, Boxes boxes) {
        kinds.claim(tag, TagKinds.IMAGE);
        requireValue(image, "image", "addImageWithBoxes", tag);
        boxedImages.add(tag, image.picture(), requireValue(boxes, "boxes", "addImageWithBoxes", tag).list(), 0,
            autoSteps::next);
    }

    // ---- end of dashboards, part 1 ----

    /**
     * Logs the run's graph for TensorBoard's GRAPHS tab, at step 0: populations, projections, their
     * attributes and the edges between them; see {@link Graph}. TensorBoard shows one graph per
     * run, the last one logged.
     *
     * <p>Never dropped by a burst: it waits for room under either overflow policy, and like every
     * call gives up (counted as a "graph" drop and a stall) on a consumer that made no progress for
     * {@code overflow.stallTimeoutMillis}.
     *
     * @param graph the nodes and edges, not null
     * @throws IllegalArgumentException a null graph
     * @throws IllegalStateException the logger is closed
     */
    public void addGraph(Graph graph) {
        addGraph(graph, 0);
    }

    /**
     * Logs the run's graph at {@code step}, for a graph that changes as the simulation runs. See
     * {@link #addGraph(Graph)}.
     *
     * @param graph the nodes and edges, not null
     * @param step the step of this version of the graph
     * @throws IllegalArgumentException a null graph
     * @throws IllegalStateException the logger is closed
     */
    public void addGraph(Graph graph, long step) {
        graphs.add(requireValue(graph, "graph", "addGraph", "run graph").graphDef(), step);
    }

    /**
     * Logs a 3-D mesh or point cloud for TensorBoard's MESH tab; see {@link Mesh}. The call copies
     * the vertices, faces and colours into pooled memory and returns; the summaries
     * {@code <tag>_VERTEX}, {@code <tag>_FACE} and {@code <tag>_COLOR} are written by the consumer.
     *
     * @param tag the mesh's name; rules as for {@link #addScalar(String, double, long)}
     * @param mesh the vertices, faces, colours and scene
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null mesh, a face index changed out of range
     *     since the mesh was made; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addMesh(String tag, Mesh mesh, long step) {
        TagRules.tag(tag);
        meshes.add(tag, requireValue(mesh, "mesh", "addMesh", tag).data(), step);
    }

    /**
     * Logs a mesh at the tag's next automatic step (0, 1, 2, ...), counted apart from the tag's scalars. See
     * {@link #addMesh(String, Mesh, long)}.
     *
     * @param tag the mesh's name
     * @param mesh the vertices, faces, colours and scene
     */
    public void addMesh(String tag, Mesh mesh) {
        TagRules.tag(tag);
        requireValue(mesh, "mesh", "addMesh", tag);
        addMesh(tag, mesh, autoSteps.next(MeshProducer.autoStepTag(tag)));
    }

    /**
     * Logs an embedding for TensorBoard's PROJECTOR tab: its matrix, metadata and thumbnails; see
     * {@link Embedding}. The call copies the matrix and thumbnails into pooled memory and returns;
     * the consumer writes the projector's files into the run folder, under
     * {@code plugins/org_tensorflow_tensorboard_projector/}, each atomically, and adds the
     * embedding to the run's {@code projector_config.pbtxt}, named {@code <tag>:<step>} (e.g.
     * {@code Receptive fields:00400}). Several embeddings, steps, loggers and processes may share a
     * run: none loses another's entry.
     *
     * @param tag the embedding's name; rules as for {@link #addScalar(String, double, long)}
     * @param embedding the matrix, metadata and thumbnails
     * @param step the step (TensorBoard's slider)
     * @throws IllegalArgumentException a bad tag, a null embedding, a sprite over
     *     {@code image.maxPixels}; nothing is published
     * @throws IllegalStateException the logger is closed
     */
    public void addEmbedding(String tag, Embedding embedding, long step) {
        TagRules.tag(tag);
        embeddings.add(tag, requireValue(embedding, "embedding", "addEmbedding", tag).data(), step);
    }

    /**
     * Logs an embedding at the tag's next automatic step (0, 1, 2, ...), counted apart from the tag's scalars.
     * See {@link #addEmbedding(String, Embedding, long)}.
     *
     * @param tag the embedding's name
     * @param embedding the matrix, metadata and thumbnails
     */
    public void addEmbedding(String tag, Embedding embedding) {
        TagRules.tag(tag);
        requireValue(embedding, "embedding", "addEmbedding", tag);
        addEmbedding(tag, embedding, autoSteps.next(EmbeddingProducer.autoStepTag(tag)));
    }

    /**
     * Returns once every event published before this call is written to the OS (and synced, when
     * {@code fsync.policy=flush}). Racing or after close: returns once close has finished, or throws
     * close's {@link LoggerFailedException}.
     *
     * @throws LoggerFailedException the storage or the consumer failed, or the flush timed out
     *     ({@code shutdown.timeoutMillis}); nothing after the failure is guaranteed written
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

    /** {@return a snapshot of the counters} */
    public LoggerStats stats() {
        return core.stats();
    }

    /**
     * {@return the run folder this logger writes to: a local path, or for a logger on other
     * storage (HDFS, an object store) its path within that storage} ({@code /runs/exp} of
     * {@code hdfs://nn:8020/runs/exp}; {@link #runUri()} has all of it.)
     */
    public Path runDir() {
        return core.runDir();
    }

    /**
     * {@return the run folder as a URI: {@code file:///.../runs/exp}, {@code hdfs://nn:8020/runs/exp}}
     */
    public URI runUri() {
        return core.storage().uri(core.runDir());
    }

    /** {@return the effective configuration} */
    public TblogConfig config() {
        return core.config();
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return core.isClosing();
    }

    @Override
    public String toString() {
        return "Logger[" + core.name() + (core.isClosing() ? ", closed" : "") + "]";
    }

    private static <T> T requireValue(T value, String what, String call, String tag) {
        if (value == null) {
            throw new IllegalArgumentException(what + " of " + call + "('" + tag + "') must not be null");
        }
        return value;
    }
}
