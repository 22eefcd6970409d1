package dev.tblog.config;

import dev.tblog.config.OverflowPolicy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An immutable, validated configuration: every {@link ConfigKey} with its effective value, and
 * where the values came from. Built by {@link ConfigLoader} or {@link #defaults()} /
 * {@link #with(Map)}; a bad key or value fails at build time, never later.
 *
 * <p>Thread contract: immutable, any thread.
 */
public final class TblogConfig {
    private final Map<ConfigKey, Object> values;
    private final String source;

    private TblogConfig(Map<ConfigKey, Object> values, String source) {
        this.values = Collections.unmodifiableMap(values);
        this.source = source;
    }

    /** The built-in defaults. */
    public static TblogConfig defaults() {
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, key.parse(key.defaultValue()));
        }
        return new TblogConfig(values, "defaults");
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
        Map<ConfigKey, Object> merged = new EnumMap<>(values);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            ConfigKey key = ConfigKey.byName(e.getKey());
            if (key == null) {
                throw new IllegalArgumentException("unknown config key '" + e.getKey() + "' in " + what
                    + " (known keys: " + ConfigKey.names(ConfigKey.values()).substring("one of ".length()) + ")");
            }
            merged.put(key, key.parse(e.getValue()));
        }
        return new TblogConfig(merged, source.equals("defaults") ? what : source + " + " + what);
    }

    /** The effective value of a key. */
    public Object get(ConfigKey key) {
        return values.get(key);
    }

    /** Where the values came from, e.g. {@code "file config/tblog.properties + system properties"}. */
    public String source() {
        return source;
    }

    public int ringSize() {
        return (Integer) values.get(ConfigKey.RING_SIZE);
    }

    public WaitStrategyChoice waitStrategy() {
        return (WaitStrategyChoice) values.get(ConfigKey.RING_WAIT_STRATEGY);
    }

    public ProducerChoice producerType() {
        return (ProducerChoice) values.get(ConfigKey.RING_PRODUCER_TYPE);
    }

    public OverflowPolicy overflowPolicy() {
        return (OverflowPolicy) values.get(ConfigKey.OVERFLOW_POLICY);
    }

    /** How long a blocked producer waits for a consumer that makes no progress; 0 forever. */
    public long overflowStallTimeoutMillis() {
        return (Long) values.get(ConfigKey.OVERFLOW_STALL_TIMEOUT_MILLIS);
    }

    public boolean selfMetricsEnabled() {
        return (Boolean) values.get(ConfigKey.SELF_METRICS_ENABLED);
    }

    public int selfMetricsIntervalMillis() {
        return (Integer) values.get(ConfigKey.SELF_METRICS_INTERVAL_MILLIS);
    }

    /** Bytes of payload data (pixels, histogram values) that may wait for the consumer at once. */
    public long payloadMaxPendingBytes() {
        return (Long) values.get(ConfigKey.PAYLOAD_MAX_PENDING_BYTES);
    }

    /** The most pixels one logged picture (a tiled batch included) may have. */
    public int imageMaxPixels() {
        return (Integer) values.get(ConfigKey.IMAGE_MAX_PIXELS);
    }

    /** zlib level of PNG encoding: 0 stores, 1 is fastest, 9 smallest. */
    public int imagePngCompressionLevel() {
        return (Integer) values.get(ConfigKey.IMAGE_PNG_COMPRESSION_LEVEL);
    }

    /**
     * Histogram calls with at most this many values are copied into pooled memory and binned by the
     * consumer; larger ones are binned on the caller's thread. 0: always on the caller's thread.
     */
    public int histogramConsumerBinMaxValues() {
        return (Integer) values.get(ConfigKey.HISTOGRAM_CONSUMER_BIN_MAX_VALUES);
    }

    public int writeThresholdBytes() {
        return (Integer) values.get(ConfigKey.WRITE_THRESHOLD_BYTES);
    }

    /** Bytes after which an event file is closed and a new one started; 0 never rotates. */
    public long fileMaxBytes() {
        return (Long) values.get(ConfigKey.FILE_MAX_BYTES);
    }

    public FsyncPolicy fsyncPolicy() {
        return (FsyncPolicy) values.get(ConfigKey.FSYNC_POLICY);
    }

    public boolean shutdownHook() {
        return (Boolean) values.get(ConfigKey.SHUTDOWN_HOOK);
    }

    public int shutdownTimeoutMillis() {
        return (Integer) values.get(ConfigKey.SHUTDOWN_TIMEOUT_MILLIS);
    }

    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "TblogConfig[", "] from " + source);
        values.forEach((k, v) -> joiner.add(k.key() + "=" + v));
        return joiner.toString();
    }
}
