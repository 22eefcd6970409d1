package dev.tblog.config;

import dev.tblog.config.OverflowPolicy;

import java.util.Locale;
import java.util.function.Function;

/**
 * Every configuration key tblog knows: its name, default, the values it allows, and its parser.
 * {@code config/tblog.properties} documents each one; a test keeps the two in step.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum ConfigKey {
    RING_SIZE("ring.size", "65536", "a power of two, 64 to 2^26",
        v -> powerOfTwo("ring.size", v, 64, 1 << 26)),
    RING_WAIT_STRATEGY("ring.waitStrategy", "sleeping", names(WaitStrategyChoice.values()),
        v -> choice("ring.waitStrategy", v, WaitStrategyChoice.values())),
    RING_PRODUCER_TYPE("ring.producerType", "multi", names(ProducerChoice.values()),
        v -> choice("ring.producerType", v, ProducerChoice.values())),
    OVERFLOW_POLICY("overflow.policy", "block", names(OverflowPolicy.values()),
        v -> choice("overflow.policy", v, OverflowPolicy.values())),
    OVERFLOW_STALL_TIMEOUT_MILLIS("overflow.stallTimeoutMillis", "60000", "0 (wait forever) or an integer, 1 to 2^62",
        v -> zeroOrLongInRange("overflow.stallTimeoutMillis", v, 1, 1L << 62)),
    PAYLOAD_MAX_PENDING_BYTES("payload.maxPendingBytes", "67108864", "an integer, 65536 to 2^40",
        v -> longInRange("payload.maxPendingBytes", v, 65536, 1L << 40)),
    IMAGE_MAX_PIXELS("image.maxPixels", "16777216", "an integer, 1 to 2^28",
        v -> intInRange("image.maxPixels", v, 1, 1 << 28)),
    IMAGE_PNG_COMPRESSION_LEVEL("image.pngCompressionLevel", "1", "an integer, 0 to 9",
        v -> intInRange("image.pngCompressionLevel", v, 0, 9)),
    HISTOGRAM_CONSUMER_BIN_MAX_VALUES("histogram.consumerBinMaxValues", "1048576", "an integer, 0 to 2^30",
        v -> intInRange("histogram.consumerBinMaxValues", v, 0, 1 << 30)),
    WRITE_THRESHOLD_BYTES("write.thresholdBytes", "65536", "an integer, 4096 to 2^28",
        v -> intInRange("write.thresholdBytes", v, 4096, 1 << 28)),
    FILE_MAX_BYTES("file.maxBytes", "0", "0 (never rotate) or an integer, 65536 to 2^62",
        v -> zeroOrLongInRange("file.maxBytes", v, 65536, 1L << 62)),
    FSYNC_POLICY("fsync.policy", "close", names(FsyncPolicy.values()),
        v -> choice("fsync.policy", v, FsyncPolicy.values())),
    SELF_METRICS_ENABLED("selfMetrics.enabled", "false", "true or false",
        v -> bool("selfMetrics.enabled", v)),
    SELF_METRICS_INTERVAL_MILLIS("selfMetrics.intervalMillis", "10000", "an integer, 100 to 2^31-1",
        v -> intInRange("selfMetrics.intervalMillis", v, 100, Integer.MAX_VALUE)),
    SHUTDOWN_HOOK("shutdownHook.enabled", "true", "true or false",
        v -> bool("shutdownHook.enabled", v)),
    SHUTDOWN_TIMEOUT_MILLIS("shutdown.timeoutMillis", "30000", "an integer, 1 to 2^31-1",
        v -> intInRange("shutdown.timeoutMillis", v, 1, Integer.MAX_VALUE));

    private final String key;
    private final String defaultValue;
    private final String allowed;
    private final Function<String, Object> parser;

    ConfigKey(String key, String defaultValue, String allowed, Function<String, Object> parser) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.allowed = allowed;
        this.parser = parser;
    }

    /** The key as written in a properties file (without the {@code tblog.} system-property prefix). */
    public String key() {
        return key;
    }

    /** The default, as text. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What values are allowed, for messages and docs. */
    public String allowed() {
        return allowed;
    }

    /**
     * Parses and validates a value.
     *
     * @throws IllegalArgumentException naming the key, the value and what is allowed
     */
    public Object parse(String value) {
        return parser.apply(value == null ? "" : value.trim());
    }

    /** The key of this name, or {@code null}. */
    public static ConfigKey byName(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return key;
    }

    private static IllegalArgumentException bad(String key, String value, String allowed) {
        return new IllegalArgumentException("bad value for config key " + key + ": '" + value
            + "' (allowed: " + allowed + ")");
    }

    private static long parseLong(String key, String value, String allowed) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw bad(key, value, allowed);
        }
    }

    static Object intInRange(String key, String value, int min, int max) {
        String allowed = "an integer, " + min + " to " + max;
        long n = parseLong(key, value, allowed);
        if (n < min || n > max) {
            throw bad(key, value, allowed);
        }
        return (int) n;
    }

    static Object longInRange(String key, String value, long min, long max) {
        String allowed = "an integer, " + min + " to " + max;
        long n = parseLong(key, value, allowed);
        if (n < min || n > max) {
            throw bad(key, value, allowed);
        }
        return n;
    }

    static Object zeroOrLongInRange(String key, String value, long min, long max) {
        String allowed = "0 or an integer, " + min + " to " + max;
        long n = parseLong(key, value, allowed);
        if (n != 0 && (n < min || n > max)) {
            throw bad(key, value, allowed);
        }
        return n;
    }

    static Object powerOfTwo(String key, String value, int min, int max) {
        String allowed = "a power of two, " + min + " to " + max;
        long n = parseLong(key, value, allowed);
        if (n < min || n > max || Long.bitCount(n) != 1) {
            throw bad(key, value, allowed);
        }
        return (int) n;
    }

    static Object bool(String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                throw bad(key, value, "true or false");
        }
    }

    static <E extends Enum<E>> Object choice(String key, String value, E[] choices) {
        for (E e : choices) {
            if (e.toString().equals(value)) {
                return e;
            }
        }
        throw bad(key, value, names(choices));
    }

    static String names(Object[] choices) {
        StringBuilder sb = new StringBuilder("one of ");
        for (int i = 0; i < choices.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(choices[i]);
        }
        return sb.toString();
    }
}
