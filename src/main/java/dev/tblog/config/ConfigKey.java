package dev.tblog.config;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration key, spelled once: its name, its default, what it allows, how its text is
 * parsed and validated, the line that documents it (the README's table and
 * {@code config/tblog.properties} are checked against it by a test), and the typed getter of
 * {@link TblogConfig} that returns its value. Every key tblog knows is a constant here, in
 * {@link #ALL}.
 *
 * <pre>{@code
 * int slots = config.get(ConfigKey.RING_SIZE);   // the same as config.ringSize()
 * }</pre>
 *
 * <p>Thread contract: immutable constants, any thread.
 *
 * @param <T> the type of the key's value
 */
public final class ConfigKey<T> {
    /** {@code ring.size}: slots in the ring, a power of two; absorbs bursts. */
    public static final ConfigKey<Integer> RING_SIZE = powerOfTwo("ring.size", 64, 1 << 26,
        "slots in the ring (power of two, 64 to 2^26; auto: 65536, fewer in a heap under 88 MiB); absorbs bursts",
        TblogConfig::ringSize);
    /** {@code ring.waitStrategy}: how the consumer waits for events. */
    public static final ConfigKey<WaitStrategyChoice> RING_WAIT_STRATEGY = choice("ring.waitStrategy",
        WaitStrategyChoice.PARKING, WaitStrategyChoice.values(),
        "how the consumer waits: parking, sleeping, blocking, lite-blocking, yielding, busy-spin",
        TblogConfig::waitStrategy);
    /** {@code ring.producerType}: any number of logging threads, or exactly one. */
    public static final ConfigKey<ProducerChoice> RING_PRODUCER_TYPE = choice("ring.producerType",
        ProducerChoice.MULTI, ProducerChoice.values(),
        "multi (any threads) or single (exactly one thread logs)", TblogConfig::producerType);
    /** {@code ring.producersTakeTurns}: whether threads that log at once at a high rate take turns. */
    public static final ConfigKey<Boolean> RING_PRODUCERS_TAKE_TURNS = bool("ring.producersTakeTurns", true,
        "under block, a thread that claims slots in alternation with another at over ~1 M claims a second sleeps "
            + "until the consumer wakes it, so one thread fills the ring at a time", TblogConfig::producersTakeTurns);
    /** {@code overflow.policy}: what a call does when the ring or the payload memory is full. */
    public static final ConfigKey<OverflowPolicy> OVERFLOW_POLICY = choice("overflow.policy",
        OverflowPolicy.BLOCK, OverflowPolicy.values(),
        "full ring: block (wait, lose nothing) or drop (never wait, count drops)", TblogConfig::overflowPolicy);
    /** {@code overflow.stallTimeoutMillis}: how long a waiting call waits for a consumer that makes no progress. */
    public static final ConfigKey<Long> OVERFLOW_STALL_TIMEOUT_MILLIS = zeroOrLong("overflow.stallTimeoutMillis",
        60000, "wait forever", 1, 1L << 62,
        "every waiting call gives up (dropped, counted as a stall) on a consumer that made no progress this long "
            + "(0 = wait forever)", TblogConfig::overflowStallTimeoutMillis);
    /** {@code payload.maxPendingBytes}: pixel and histogram bytes that may wait for the consumer at once. */
    public static final ConfigKey<Long> PAYLOAD_MAX_PENDING_BYTES = bytesOrAuto("payload.maxPendingBytes",
        65536, 1L << 40, "pixels and histogram values waiting for the consumer and kept for reuse, at most "
            + "(auto: 1/16 of the max heap, at most 64 MiB); past it the overflow policy applies",
        TblogConfig::payloadMaxPendingBytes);
    /** {@code image.maxPixels}: the largest picture a call may log. */
    public static final ConfigKey<Integer> IMAGE_MAX_PIXELS = intInRange("image.maxPixels", 16777216, 1, 1 << 28,
        "the largest picture (a tiled batch, an embedding's sprite included) a call may log",
        TblogConfig::imageMaxPixels);
    /** {@code image.pngCompressionLevel}: the zlib level of PNG encoding. */
    public static final ConfigKey<Integer> IMAGE_PNG_COMPRESSION_LEVEL = intInRange("image.pngCompressionLevel", 1,
        0, 9, "zlib level of PNG encoding, 0 to 9", TblogConfig::imagePngCompressionLevel);
    /**
     * {@code histogram.consumerBinMaxValues}: the largest histogram the consumer bins; larger ones are binned
     * by the caller.
     */
    public static final ConfigKey<Integer> HISTOGRAM_CONSUMER_BIN_MAX_VALUES = intInRange(
        "histogram.consumerBinMaxValues", 1048576, 0, 1 << 30,
        "histograms with at most this many values are copied and binned by the consumer, larger ones binned on "
            + "the caller's thread", TblogConfig::histogramConsumerBinMaxValues);
    /** {@code scalars.maxSubRuns}: the most sub-runs the keys of addScalars may open in one logger. */
    public static final ConfigKey<Integer> SCALARS_MAX_SUB_RUNS = intInRange("scalars.maxSubRuns", 512, 1, 1 << 20,
        "the most sub-runs (one open file each) the keys of addScalars may open in one logger; past it the call "
            + "throws", TblogConfig::scalarsMaxSubRuns);
    /** {@code write.thresholdBytes}: pending bytes past which a file's records are written. */
    public static final ConfigKey<Integer> WRITE_THRESHOLD_BYTES = intInRange("write.thresholdBytes", 65536, 4096,
        1 << 28, "a file's records are written at the end of each batch and past this many bytes",
        TblogConfig::writeThresholdBytes);
    /** {@code write.coalesceSteps}: whether scalars of one step and millisecond share one event. */
    public static final ConfigKey<Boolean> WRITE_COALESCE_STEPS = bool("write.coalesceSteps", true,
        "scalars of a run with the same step and wall-time millisecond, one after the other or from threads "
            + "logging at once, are written as one event (TensorBoard shows the same points; about half the "
            + "bytes at 8 tags per step)",
        TblogConfig::writeCoalesceSteps);
    /** {@code file.maxBytes}: the size past which an event file is closed and another started. */
    public static final ConfigKey<Long> FILE_MAX_BYTES = zeroOrLong("file.maxBytes", 0, "never rotate", 65536,
        1L << 62, "rotate to a new event file past this many bytes (0 = never; else 65536 to 2^62)",
        TblogConfig::fileMaxBytes);
    /** {@code file.maxAgeMillis}: the age past which an event file holding records is closed and another started. */
    public static final ConfigKey<Long> FILE_MAX_AGE_MILLIS = zeroOrLong("file.maxAgeMillis", 0, "never rotate by age",
        100, 1L << 62, "close an event file holding records this long after it was opened and go on in a new one "
            + "(0 = never); on object stores, the longest an event stays unseen without flush()",
        TblogConfig::fileMaxAgeMillis);
    /** {@code logdir}: the log folder of a logger whose code names none. */
    public static final ConfigKey<String> LOGDIR = text("logdir", "runs",
        "the log folder when the code names none: a local path or a URI (`hdfs://nn:8020/runs`, `s3a://bucket/runs`)",
        TblogConfig::logdir);
    /** {@code selfMetrics.enabled}: whether the logger writes its own health into the run. */
    public static final ConfigKey<Boolean> SELF_METRICS_ENABLED = bool("selfMetrics.enabled", false,
        "write the logger's own health as `tblog/` scalars into the run `tblog/<run>` beside the run",
        TblogConfig::selfMetricsEnabled);
    /** {@code selfMetrics.intervalMillis}: milliseconds between two self-metric points. */
    public static final ConfigKey<Integer> SELF_METRICS_INTERVAL_MILLIS = intInRange("selfMetrics.intervalMillis",
        10000, 100, Integer.MAX_VALUE, "milliseconds between two self-metric points",
        TblogConfig::selfMetricsIntervalMillis);
    /** {@code fsync.policy}: when written data are forced to the disk. */
    public static final ConfigKey<FsyncPolicy> FSYNC_POLICY = choice("fsync.policy", FsyncPolicy.CLOSE,
        FsyncPolicy.values(), "never, close (fsync once at close), flush (at every flush and close)",
        TblogConfig::fsyncPolicy);
    /** {@code shutdownHook.enabled}: whether a JVM shutdown hook closes loggers never closed. */
    public static final ConfigKey<Boolean> SHUTDOWN_HOOK = bool("shutdownHook.enabled", true,
        "close loggers that were never closed at JVM exit", TblogConfig::shutdownHook);
    /** {@code shutdown.timeoutMillis}: how long flush and close wait for the consumer. */
    public static final ConfigKey<Integer> SHUTDOWN_TIMEOUT_MILLIS = intInRange("shutdown.timeoutMillis", 30000, 1,
        Integer.MAX_VALUE, "how long flush/close wait for the consumer", TblogConfig::shutdownTimeoutMillis);

    /** Every key, in the order of the documentation. */
    public static final List<ConfigKey<?>> ALL = List.of(RING_SIZE, RING_WAIT_STRATEGY, RING_PRODUCER_TYPE,
        RING_PRODUCERS_TAKE_TURNS, OVERFLOW_POLICY, OVERFLOW_STALL_TIMEOUT_MILLIS, PAYLOAD_MAX_PENDING_BYTES,
        IMAGE_MAX_PIXELS, IMAGE_PNG_COMPRESSION_LEVEL, HISTOGRAM_CONSUMER_BIN_MAX_VALUES, SCALARS_MAX_SUB_RUNS,
        WRITE_THRESHOLD_BYTES, WRITE_COALESCE_STEPS, FILE_MAX_BYTES, FILE_MAX_AGE_MILLIS, LOGDIR,
        SELF_METRICS_ENABLED, SELF_METRICS_INTERVAL_MILLIS, FSYNC_POLICY, SHUTDOWN_HOOK, SHUTDOWN_TIMEOUT_MILLIS);

    /** The default of the keys that follow the max heap. */
    private static final String AUTO = "auto";

    private final String name;
    private final String defaultText;
    private final String allowed;
    private final Function<String, T> parser;
    private final String doc;
    private final Function<TblogConfig, T> getter;
    private final T defaultValue;

    private ConfigKey(String name, String defaultText, String allowed, Function<String, T> parser, String doc,
                      Function<TblogConfig, T> getter) {
        this.name = name;
        this.defaultText = defaultText;
        this.allowed = allowed;
        this.parser = parser;
        this.doc = doc;
        this.getter = getter;
        this.defaultValue = parse(defaultText); // every default passes its own rule
    }

    /** {@return the key as written in a properties file (without the {@code tblog.} system-property prefix)} */
    public String name() {
        return name;
    }

    /** {@return the default, as written in the documentation} */
    public String defaultText() {
        return defaultText;
    }

    /** {@return the default value} */
    public T defaultValue() {
        return defaultValue;
    }

    /** {@return what values are allowed, for messages and docs, e.g. {@code a power of two, 64 to 2^26}} */
    public String allowed() {
        return allowed;
    }

    /** {@return the line that documents the key (the README's table)} */
    public String doc() {
        return doc;
    }

    /**
     * Parses and validates a value.
     *
     * @param text the value as written in a properties file (surrounding blanks ignored)
     * @return the value
     * @throws IllegalArgumentException naming the key, the value and what is allowed
     */
    public T parse(String text) {
        String value = text == null ? "" : text.trim();
        T parsed = parser.apply(value);
        if (parsed == null) {
            throw new IllegalArgumentException("bad value for config key " + name + ": '" + value + "' (allowed: "
                + allowed + ")");
        }
        return parsed;
    }

    /** The key's value in {@code config} (its typed getter). */
    T valueIn(TblogConfig config) {
        return getter.apply(config);
    }

    /**
     * The key of a name.
     *
     * @param name a key as written in a properties file, e.g. {@code ring.size}
     * @return the key, or {@code null} when tblog has no key of that name
     */
    public static ConfigKey<?> byName(String name) {
        for (ConfigKey<?> k : ALL) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- the kinds of keys: each builds the allowed text and a parser that answers null when bad ----

    private static ConfigKey<Integer> intInRange(String name, int defaultValue, int min, int max, String doc,
                                                 Function<TblogConfig, Integer> getter) {
        return new ConfigKey<>(name, Integer.toString(defaultValue), "an integer, " + show(min) + " to " + show(max),
            v -> {
                Long n = parseLong(v);
                return n != null && n >= min && n <= max ? Integer.valueOf(n.intValue()) : null;
            }, doc, getter);
    }

    private static ConfigKey<Long> zeroOrLong(String name, long defaultValue, String zeroMeans, long min, long max,
                                              String doc, Function<TblogConfig, Long> getter) {
        return new ConfigKey<>(name, Long.toString(defaultValue),
            "0 (" + zeroMeans + ") or an integer, " + show(min) + " to " + show(max),
            v -> {
                Long n = parseLong(v);
                return n != null && (n == 0 || n >= min && n <= max) ? n : null;
            }, doc, getter);
    }

    /** A power of two, or {@code auto}: the size that follows the max heap ({@link HeapShare#ringSize}). */
    private static ConfigKey<Integer> powerOfTwo(String name, int min, int max, String doc,
                                                 Function<TblogConfig, Integer> getter) {
        return new ConfigKey<>(name, AUTO, "auto (follows the max heap) or a power of two, " + show(min) + " to "
            + show(max), v -> {
                if (v.equals(AUTO)) {
                    return HeapShare.ringSize(HeapShare.MAX_HEAP);
                }
                Long n = parseLong(v);
                return n != null && n >= min && n <= max && Long.bitCount(n) == 1 ? Integer.valueOf(n.intValue()) : null;
            }, doc, getter);
    }

    /** A number of bytes, or {@code auto}: the budget that follows the max heap ({@link HeapShare#payloadBytes}). */
    private static ConfigKey<Long> bytesOrAuto(String name, long min, long max, String doc,
                                               Function<TblogConfig, Long> getter) {
        return new ConfigKey<>(name, AUTO, "auto (follows the max heap) or an integer, " + show(min) + " to "
            + show(max), v -> {
                if (v.equals(AUTO)) {
                    return HeapShare.payloadBytes(HeapShare.MAX_HEAP);
                }
                Long n = parseLong(v);
                return n != null && n >= min && n <= max ? n : null;
            }, doc, getter);
    }

    private static ConfigKey<Boolean> bool(String name, boolean defaultValue, String doc,
                                           Function<TblogConfig, Boolean> getter) {
        return new ConfigKey<>(name, Boolean.toString(defaultValue), "true or false", v -> {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                default:
                    return null;
            }
        }, doc, getter);
    }

    private static ConfigKey<String> text(String name, String defaultValue, String doc,
                                          Function<TblogConfig, String> getter) {
        return new ConfigKey<>(name, defaultValue, "any text but blank", v -> v.isEmpty() ? null : v, doc, getter);
    }

    private static <E extends Enum<E>> ConfigKey<E> choice(String name, E defaultValue, E[] choices, String doc,
                                                           Function<TblogConfig, E> getter) {
        StringBuilder allowed = new StringBuilder("one of ");
        for (int i = 0; i < choices.length; i++) {
            allowed.append(i == 0 ? "" : ", ").append(choices[i]);
        }
        return new ConfigKey<>(name, defaultValue.toString(), allowed.toString(), v -> {
            for (E e : choices) {
                if (e.toString().equals(v)) {
                    return e;
                }
            }
            return null;
        }, doc, getter);
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Large powers of two as {@code 2^n}, {@code 2^31-1} by name, other numbers as they are. */
    private static String show(long n) {
        if (n == Integer.MAX_VALUE) {
            return "2^31-1";
        }
        if (n >= 1L << 20 && Long.bitCount(n) == 1) {
            return "2^" + Long.numberOfTrailingZeros(n);
        }
        return Long.toString(n);
    }
}
