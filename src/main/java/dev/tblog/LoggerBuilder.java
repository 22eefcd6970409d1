package dev.tblog;

import dev.tblog.config.ConfigLoader;
import dev.tblog.config.TblogConfig;
import dev.tblog.record.RunNames;
import dev.tblog.sink.EventSinkFactory;
import dev.tblog.sink.LogStorage;

import java.net.URI;
import java.net.URISyntaxException;
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
 *         .logdir(Path.of("runs"))                       // or .logdir(URI.create("hdfs://nn:8020/runs"))
 *         .experiment("lr-0.01")
 *         .set("ring.size", "16384")
 *         .build()) {
 *     log.addScalar("loss", 0.25, 100);
 * }
 * }</pre>
 *
 * <p>Where the files go: a log folder given as a {@link Path} is local (or, with
 * {@link #storage(LogStorage)}, a path within that storage); one given as a {@link URI} picks its
 * storage by scheme ({@link LogStorage#of(URI)}: {@code file} or none local, any other through
 * Hadoop's FileSystem); none given, the {@code logdir} configuration key decides (default
 * {@code runs}).
 *
 * <p>Thread contract: not thread-safe, confine to one thread.
 */
public final class LoggerBuilder {
    private Path logdir;
    private URI logdirUri;
    private String experiment;
    private Path runDir;
    private URI runDirUri;
    private TblogConfig config;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private LogStorage storage;
    private EventSinkFactory sinkFactory;
    private Consumer<Throwable> errorHandler;

    LoggerBuilder() {
    }

    /**
     * The log folder holding runs, on the local file system (or the {@link #storage}); default
     * {@code runs}.
     *
     * @param logdir the folder TensorBoard is pointed at
     * @return this builder
     */
    public LoggerBuilder logdir(Path logdir) {
        this.logdir = Objects.requireNonNull(logdir, "logdir");
        this.logdirUri = null;
        return this;
    }

    /**
     * The log folder holding runs, as a URI: {@code file:///data/runs}, {@code hdfs://nn:8020/runs},
     * {@code s3a://bucket/runs}. A scheme other than {@code file} needs Hadoop's client on the class
     * path (checked at {@link #build()}).
     *
     * @param logdir the folder TensorBoard is pointed at
     * @return this builder
     */
    public LoggerBuilder logdir(URI logdir) {
        this.logdirUri = Objects.requireNonNull(logdir, "logdir");
        this.logdir = null;
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
        this.runDirUri = null;
        return this;
    }

    /**
     * The run folder itself as a URI (see {@link #logdir(URI)}), overriding logdir and experiment.
     *
     * @param runDir the folder the event files go to
     * @return this builder
     */
    public LoggerBuilder runDir(URI runDir) {
        this.runDirUri = Objects.requireNonNull(runDir, "runDir");
        this.runDir = null;
        return this;
    }

    /**
     * The storage the log folder is on, instead of the one its URI names by default: e.g. a
     * {@link dev.tblog.sink.HadoopStorage} made with a Hadoop {@code Configuration} of your own.
     * A URI given to {@link #logdir(URI)} must then be on it; a {@link Path} is a path within it.
     *
     * @param storage the storage, which the application closes once no logger uses it
     * @return this builder
     */
    public LoggerBuilder storage(LogStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
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
     * Where event files are created; by default the storage of the log folder.
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
     * @throws IllegalArgumentException a bad configuration key or value; a log folder URI whose
     *     storage is missing (Hadoop not on the class path) or that is not on the given storage
     * @throws java.io.UncheckedIOException the run folder or file cannot be created
     */
    public Logger build() {
        return buildParts().newLogger();
    }

    /** The resolved parts of a logger, so that Logger's constructors can use the builder too. */
    record Parts(Path runDir, LogStorage storage, TblogConfig config, EventSinkFactory sinkFactory,
                 Consumer<Throwable> errorHandler) {
        Logger newLogger() {
            return new Logger(runDir, storage, config, sinkFactory, errorHandler);
        }
    }

    Parts buildParts() {
        TblogConfig effective = (config == null ? ConfigLoader.load() : config).with(overrides);
        LogStorage store;
        Path dir;
        if (runDirUri != null) {
            store = storageOf(runDirUri);
            dir = store.path(runDirUri);
        } else if (runDir != null) {
            store = storage != null ? storage : LogStorage.LOCAL;
            dir = runDir;
        } else {
            Path base;
            URI uri = logdirUri != null ? logdirUri : logdir != null ? null : uriOrNull(effective.logdir());
            if (uri != null) {
                store = storageOf(uri);
                base = store.path(uri);
            } else {
                store = storage != null ? storage : LogStorage.LOCAL;
                base = logdir != null ? logdir : Path.of(effective.logdir());
            }
            dir = base.resolve(experiment != null ? experiment : RunNames.defaultRunName(LocalDateTime.now()));
        }
        EventSinkFactory sinks = sinkFactory != null ? sinkFactory : store;
        Consumer<Throwable> handler = errorHandler != null ? errorHandler
            : ErrorHandlers.printing(LoggerCore.describe(store, dir));
        return new Parts(dir, store, effective, sinks, handler);
    }

    private LogStorage storageOf(URI uri) {
        if (storage == null) {
            return LogStorage.of(uri);
        }
        storage.path(uri); // IllegalArgumentException when the URI is not on it
        return storage;
    }

    /**
     * The configured log folder as a URI when it names a scheme ({@code hdfs://...}), else null (a
     * local path; one letter before ':' is a Windows drive, not a scheme).
     */
    static URI uriOrNull(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && uri.getScheme().length() > 1 ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
