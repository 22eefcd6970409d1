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
 * allowed, never later. {@link #toString()} shows every effective value.
 *
 * <p>Thread contract: immutable, any thread.
 */
public final class TblogConfig {
    private final Map<String, String> settings;
    private final String source;
    private final int ringSize;
    private final WaitStrategyChoice waitStrategy;
    private final ProducerChoice producerType;
    private final OverflowPolicy overflowPolicy;
    private final long overflowStallTimeoutMillis;
    private final long payloadMaxPendingBytes;
    private final int imageMaxPixels;
    private final int imagePngCompressionLevel;
    private final int histogramConsumerBinMaxValues;
    private final int writeThresholdBytes;
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
        this.overflowPolicy = read(ConfigKey.OVERFLOW_POLICY);
        this.overflowStallTimeoutMillis = read(ConfigKey.OVERFLOW_STALL_TIMEOUT_MILLIS);
        this.payloadMaxPendingBytes = read(ConfigKey.PAYLOAD_MAX_PENDING_BYTES);
        this.imageMaxPixels = read(ConfigKey.IMAGE_MAX_PIXELS);
        this.imagePngCompressionLevel = read(ConfigKey.IMAGE_PNG_COMPRESSION_LEVEL);
        this.histogramConsumerBinMaxValues = read(ConfigKey.HISTOGRAM_CONSUMER_BIN_MAX_VALUES);
        this.writeThresholdBytes = read(ConfigKey.WRITE_THRESHOLD_BYTES);
        this.fileMaxBytes = read(ConfigKey.FILE_MAX_BYTES);
        this.fileMaxAgeMillis = read(ConfigKey.FILE_MAX_AGE_MILLIS);
        this.logdir = read(ConfigKey.LOGDIR);
        this.selfMetricsEnabled = read(ConfigKey.SELF_METRICS_ENABLED);
        this.selfMetricsIntervalMillis = read(ConfigKey.SELF_METRICS_INTERVAL_MILLIS);
        this.fsyncPolicy = read(ConfigKey.FSYNC_POLICY);
        this.shutdownHook = read(ConfigKey.SHUTDOWN_HOOK);
        this.shutdownTimeoutMillis = read(ConfigKey.SHUTDOWN_TIMEOUT_MILLIS);
    }

    private <T> T read(ConfigKey<T> key) {
        String text = settings.get(key.name());
        return text == null ? key.defaultValue() : key.parse(text);
    }

    /** The built-in defaults. */
    public static TblogConfig defaults() {
        return new TblogConfig(new HashMap<>(), "defaults");
    }

    /**
     * This configuration with some keys replaced.
     *
     * @param overrides key name to value text, e.g. {@code "ring.size" -> "1024"}
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

    /** The effective value of a key. */
    public <T> T get(ConfigKey<T> key) {
        return key.valueIn(this);
    }

    /** Where the values came from, e.g. {@code "file config/tblog.properties + system properties"}. */
    public String source() {
        return source;
    }

    /** Slots in the ring. */
    public int ringSize() {
        return ringSize;
    }

    /** How the consumer waits for events. */
    public WaitStrategyChoice waitStrategy() {
        return waitStrategy;
    }

    /** Whether many threads or one publish. */
    public ProducerChoice producerType() {
        return producerType;
    }

    /** What a call does when the ring or the payload memory is full. */
    public OverflowPolicy overflowPolicy() {
        return overflowPolicy;
    }

    /** How long a waiting call waits for a consumer that makes no progress; 0 forever. */
    public long overflowStallTimeoutMillis() {
        return overflowStallTimeoutMillis;
    }

    /** Bytes of payload data (pixels, histogram values) that may wait for the consumer at once. */
    public long payloadMaxPendingBytes() {
        return payloadMaxPendingBytes;
    }

    /** The most pixels one logged picture (a tiled batch included) may have. */
    public int imageMaxPixels() {
        return imageMaxPixels;
    }

    /** zlib level of PNG encoding: 0 stores, 1 is fastest, 9 smallest. */
    public int imagePngCompressionLevel() {
        return imagePngCompressionLevel;
    }

    /**
     * Histogram calls with at most this many values are copied into pooled memory and binned by the
     * consumer; larger ones are binned on the caller's thread. 0: always on the caller's thread.
     */
    public int histogramConsumerBinMaxValues() {
        return histogramConsumerBinMaxValues;
    }

    /** A file's pending records are written once past this many bytes (and at every batch's end). */
    public int writeThresholdBytes() {
        return writeThresholdBytes;
    }

    /** Bytes after which an event file is closed and a new one started; 0 never rotates. */
    public long fileMaxBytes() {
        return fileMaxBytes;
    }

    /**
     * Milliseconds after which an event file holding records is closed and a new one started; 0
     * never. On object stores, the longest a logged event stays unseen without {@code flush()}.
     */
    public long fileMaxAgeMillis() {
        return fileMaxAgeMillis;
    }

    /**
     * The log folder of a logger whose code names none: a local path ({@code runs}) or a URI
     * ({@code hdfs://nn:8020/runs}, {@code s3a://bucket/runs}).
     */
    public String logdir() {
        return logdir;
    }

    /** Whether the logger writes its own health as {@code tblog/} scalars. */
    public boolean selfMetricsEnabled() {
        return selfMetricsEnabled;
    }

    /** Milliseconds between two self-metric points. */
    public int selfMetricsIntervalMillis() {
        return selfMetricsIntervalMillis;
    }

    /** When written data are forced to the disk. */
    public FsyncPolicy fsyncPolicy() {
        return fsyncPolicy;
    }

    /** Whether a JVM shutdown hook closes a logger that was never closed. */
    public boolean shutdownHook() {
        return shutdownHook;
    }

    /** How long flush and close wait for the consumer. */
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
