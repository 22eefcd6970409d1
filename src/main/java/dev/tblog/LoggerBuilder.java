package dev.tblog;

import dev.tblog.config.ConfigLoader;
import dev.tblog.config.TblogConfig;
import dev.tblog.record.RunNames;
import dev.tblog.sink.EventSinkFactory;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link Logger} with everything the constructors leave at defaults.
 *
 * <pre>{@code
 * try (Logger log = Logger.builder()
 *         .logdir(Path.of("runs"))
 *         .experiment("lr-0.01")
 *         .set("ring.size", "16384")
 *         .build()) {
 *     log.addScalar("loss", 0.25, 100);
 * }
 * }</pre>
 *
 * <p>Thread contract: not thread-safe, confine to one thread.
 */
public final class LoggerBuilder {
    private Path logdir = RunNames.DEFAULT_LOGDIR;
    private String experiment;
    private Path runDir;
    private TblogConfig config;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private EventSinkFactory sinkFactory = EventSinkFactory.LOCAL_FILES;
    private Consumer<Throwable> errorHandler;

    LoggerBuilder() {
    }

    /**
     * The log folder holding runs; default {@code runs}.
     *
     * @param logdir the folder TensorBoard is pointed at
     * @return this builder
     */
    public LoggerBuilder logdir(Path logdir) {
        this.logdir = Objects.requireNonNull(logdir, "logdir");
        return this;
    }

    /**
     * The run's folder name under the log folder; default {@code <MonDD_HH-mm-ss>_<hostname>}.
     *
     * @param experiment one plain folder name
     * @return this builder
     * @throws IllegalArgumentException a name that is not one plain folder name
     */
    public LoggerBuilder experiment(String experiment) {
        this.experiment = TagRules.folderName(experiment, "experiment");
        return this;
    }

    /**
     * The run folder itself, overriding logdir and experiment.
     *
     * @param runDir the folder the event files go to
     * @return this builder
     */
    public LoggerBuilder runDir(Path runDir) {
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        return this;
    }

    /**
     * A complete configuration, instead of the one {@link ConfigLoader#load()} finds.
     *
     * @param config the configuration; {@link #set} overrides keys of it
     * @return this builder
     */
    public LoggerBuilder config(TblogConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /**
     * Overrides one configuration key (see {@code config/tblog.properties}); checked at {@link #build()}.
     *
     * @param key the key, e.g. {@code ring.size}
     * @param value its value as written in a properties file
     * @return this builder
     */
    public LoggerBuilder set(String key, String value) {
        overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Where event files are created; the local file system by default.
     *
     * @param sinkFactory creates the sink of each event file
     * @return this builder
     */
    public LoggerBuilder sinkFactory(EventSinkFactory sinkFactory) {
        this.sinkFactory = Objects.requireNonNull(sinkFactory, "sinkFactory");
        return this;
    }

    /**
     * Receives every error the consumer meets (on the consumer thread: keep it short). By default
     * the first ten are printed to standard error.
     *
     * @param errorHandler called with each error
     * @return this builder
     */
    public LoggerBuilder errorHandler(Consumer<Throwable> errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        return this;
    }

    /**
     * Creates the run folder and its first event file, and starts the consumer.
     *
     * @return the logger, ready for calls from any thread
     * @throws IllegalArgumentException a bad configuration key or value
     * @throws java.io.UncheckedIOException the run folder or file cannot be created
     */
    public Logger build() {
        return buildParts().newLogger();
    }

    /** The resolved parts of a logger, so that Logger's constructors can use the builder too. */
    record Parts(Path runDir, TblogConfig config, EventSinkFactory sinkFactory, Consumer<Throwable> errorHandler) {
        Logger newLogger() {
            return new Logger(runDir, config, sinkFactory, errorHandler);
        }
    }

    Parts buildParts() {
        TblogConfig effective = (config == null ? ConfigLoader.load() : config).with(overrides);
        Path dir = runDir != null ? runDir
            : logdir.resolve(experiment != null ? experiment : RunNames.defaultRunName(LocalDateTime.now()));
        Consumer<Throwable> handler = errorHandler != null ? errorHandler : ErrorHandlers.printing(dir.toString());
        return new Parts(dir, effective, sinkFactory, handler);
    }
}
