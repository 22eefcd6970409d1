package dev.tblog.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An immutable, validated configuration: one typed, final field per {@link ConfigKey}, and where
 * the values came from. Built by {@link ConfigLoader} or {@link #defaults()} / {@link #with(Map)};
 * an unknown key or a bad value fails when it is built, naming the key, the value and what is
 * allowed, never later; so does a ring and payload budget that cannot fit in half of this JVM's max
 * heap (see {@code ring.size} and {@code payload.maxPendingBytes}, whose {@code auto} defaults
 * follow the heap). {@link #toString()} shows every effective value.
 *
 * <p>Thread contract: immutable, any thread.
 */
public final class TblogConfig {
    private final Map<String, String> settings;
    private final String source;
    private final int ringSize;
    private final WaitStrategyChoice waitStrategy;
    private final ProducerChoice producerType;
    private final boolean producersTakeTurns;
    private final OverflowPolicy overflowPolicy;
    private final long overflowStallTimeoutMillis;
    private final long payloadMaxPendingBytes;
    private final int imageMaxPixels;
    private final int imagePngCompressionLevel;
    private final int histogramConsumerBinMaxValues;
    private final int scalarsMaxSubRuns;
    private final int writeThresholdBytes;
    private final boolean writeCoalesceSteps;
    private final long fileMaxBytes;
    private final long fileMaxAgeMillis;
    private final String logdir;
    private final boolean selfMetricsEnabled;
    private final int selfMetricsIntervalMillis;
    private final FsyncPolicy fsyncPolicy;
    private final boolean shutdownHook;
    private final int shutdownTimeoutMillis;

    /** @param settings key name to value text, for the keys set; the others take their defaults */
    private TblogConfig(Map<String, String> settings, String source) {
        this.settings = Collections.unmodifiableMap(settings);
        this.source = source;
        this.ringSize = read(ConfigKey.RING_SIZE);
        this.waitStrategy = read(ConfigKey.RING_WAIT_STRATEGY);
        this.producerType = read(ConfigKey.RING_PRODUCER_TYPE);
        this.producersTakeTurns = read(ConfigKey.RING_PRODUCERS_TAKE_TURNS);
        this.overflowPolicy = read(ConfigKey.OVERFLOW_POLICY);
        this.overflowStallTimeoutMillis = read(ConfigKey.OVERFLOW_STALL_TIMEOUT_MILLIS);
        this.payloadMaxPendingBytes = read(ConfigKey.PAYLOAD_MAX_PENDING_BYTES);
        this.imageMaxPixels = read(ConfigKey.IMAGE_MAX_PIXELS);
        this.imagePngCompressionLevel = read(ConfigKey.IMAGE_PNG_COMPRESSION_LEVEL);
        this.histogramConsumerBinMaxValues = read(ConfigKey.HISTOGRAM_CONSUMER_BIN_MAX_VALUES);
        this.scalarsMaxSubRuns = read(ConfigKey.SCALARS_MAX_SUB_RUNS);
        this.writeThresholdBytes = read(ConfigKey.WRITE_THRESHOLD_BYTES);
        this.writeCoalesceSteps = read(ConfigKey.WRITE_COALESCE_STEPS);
        this.fileMaxBytes = read(ConfigKey.FILE_MAX_BYTES);
        this.fileMaxAgeMillis = read(ConfigKey.FILE_MAX_AGE_MILLIS);
        this.logdir = read(ConfigKey.LOGDIR);
        this.selfMetricsEnabled = read(ConfigKey.SELF_METRICS_ENABLED);
        this.selfMetricsIntervalMillis = read(ConfigKey.SELF_METRICS_INTERVAL_MILLIS);
        this.fsyncPolicy = read(ConfigKey.FSYNC_POLICY);
        this.shutdownHook = read(ConfigKey.SHUTDOWN_HOOK);
        this.shutdownTimeoutMillis = read(ConfigKey.SHUTDOWN_TIMEOUT_MILLIS);
        HeapShare.check(ringSize, payloadMaxPendingBytes, HeapShare.MAX_HEAP);
    }

    private <T> T read(ConfigKey<T> key) {
        String text = settings.get(key.name());
        return text == null ? key.defaultValue() : key.parse(text);
    }

    /** {@return the built-in defaults} */
    public static TblogConfig defaults() {
        return new TblogConfig(new HashMap<>(), "defaults");
    }

    /**
     * This configuration with some keys replaced.
     *
     * @param overrides key name to value text, e.g. {@code "ring.size" -> "1024"}
     * @return the new configuration ({@code this} when there is nothing to override)
     * @throws IllegalArgumentException for an unknown key or a bad value, naming both
     */
    public TblogConfig with(Map<String, String> overrides) {
        return with(overrides, "overrides");
    }

    TblogConfig with(Map<String, String> overrides, String what) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(settings);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (ConfigKey.byName(e.getKey()) == null) {
                StringJoiner known = new StringJoiner(", ");
                ConfigKey.ALL.forEach(k -> known.add(k.name()));
                throw new IllegalArgumentException("unknown config key '" + e.getKey() + "' in " + what
                    + " (known keys: " + known + ")");
            }
            merged.put(e.getKey(), e.getValue());
        }
        return new TblogConfig(merged, source.equals("defaults") ? what : source + " + " + what);
    }

    /**
     * The effective value of a key: {@code config.get(ConfigKey.RING_SIZE)} is {@code config.ringSize()}.
     *
     * @param <T> the key's type
     * @param key the key
     * @return its value
     */
    public <T> T get(ConfigKey<T> key) {
        return key.valueIn(this);
    }

    /** {@return where the values came from, e.g. {@code "file config/tblog.properties + system properties"}} */
    public String source() {
        return source;
    }

    /** {@return the slots in the ring} */
    public int ringSize() {
        return ringSize;
    }

    /** {@return how the consumer waits for events} */
    public WaitStrategyChoice waitStrategy() {
        return waitStrategy;
    }

    /** {@return whether any number of threads or exactly one logs} */
    public ProducerChoice producerType() {
        return producerType;
    }

    /** {@return whether threads that log at once at a high rate take turns (ring.producersTakeTurns)} */
    public boolean producersTakeTurns() {
        return producersTakeTurns;
    }

    /** {@return what a call does when the ring or the payload memory is full} */
    public OverflowPolicy overflowPolicy() {
        return overflowPolicy;
    }

    /** {@return how long a waiting call waits for a consumer that makes no progress; 0 forever} */
    public long overflowStallTimeoutMillis() {
        return overflowStallTimeoutMillis;
    }

    /**
     * {@return the bytes of payload data (pixels, histogram values) that may wait for the consumer
     * at once, arrays kept for reuse included}
     */
    public long payloadMaxPendingBytes() {
        return payloadMaxPendingBytes;
    }

    /** {@return the most pixels one logged picture (a tiled batch included) may have} */
    public int imageMaxPixels() {
        return imageMaxPixels;
    }

    /** {@return the zlib level of PNG encoding: 0 stores, 1 is fastest, 9 smallest} */
    public int imagePngCompressionLevel() {
        return imagePngCompressionLevel;
    }

    /**
     * Histogram calls with at most this many values are copied into pooled memory and binned by the
     * consumer; larger ones are binned on the caller's thread. 0: always on the caller's thread.
     *
     * @return the most values the consumer bins
     */
    public int histogramConsumerBinMaxValues() {
        return histogramConsumerBinMaxValues;
    }

    /**
     * {@return the most sub-run folders the keys of {@code addScalars} may open in one logger, each
     * holding one open file; a call that would open one more throws IllegalArgumentException}
     */
    public int scalarsMaxSubRuns() {
        return scalarsMaxSubRuns;
    }

    /** {@return the pending bytes past which a file's records are written (they are also written at every batch's end)} */
    public int writeThresholdBytes() {
        return writeThresholdBytes;
    }

    /** {@return whether scalars of one step and millisecond are written as one event} */
    public boolean writeCoalesceSteps() {
        return writeCoalesceSteps;
    }

    /** {@return the bytes after which an event file is closed and a new one started; 0 never rotates} */
    public long fileMaxBytes() {
        return fileMaxBytes;
    }

    /**
     * {@return the milliseconds after which an event file holding records is closed and a new one
     * started; 0 never. On object stores, the longest a logged event stays unseen without flush()}
     */
    public long fileMaxAgeMillis() {
        return fileMaxAgeMillis;
    }

    /**
     * {@return the log folder of a logger whose code names none: a local path ({@code runs}) or a
     * URI ({@code hdfs://nn:8020/runs}, {@code s3a://bucket/runs})}
     */
    public String logdir() {
        return logdir;
    }

    /** {@return whether the logger writes its own health as {@code tblog/} scalars} */
    public boolean selfMetricsEnabled() {
        return selfMetricsEnabled;
    }

    /** {@return the milliseconds between two self-metric points} */
    public int selfMetricsIntervalMillis() {
        return selfMetricsIntervalMillis;
    }

    /** {@return when written data are forced to the disk} */
    public FsyncPolicy fsyncPolicy() {
        return fsyncPolicy;
    }

    /** {@return whether a JVM shutdown hook closes a logger that was never closed} */
    public boolean shutdownHook() {
        return shutdownHook;
    }

    /** {@return how long flush and close wait for the consumer} */
    public int shutdownTimeoutMillis() {
        return shutdownTimeoutMillis;
    }

    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "TblogConfig[", "] from " + source);
        for (ConfigKey<?> key : ConfigKey.ALL) {
            joiner.add(key.name() + "=" + key.valueIn(this));
        }
        return joiner.toString();
    }
}
