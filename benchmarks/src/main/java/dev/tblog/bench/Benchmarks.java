package dev.tblog.bench;

import dev.tblog.Logger;
import dev.tblog.LoggerStats;
import dev.tblog.bench.harness.Harness;

import java.nio.file.Path;

/** Helpers shared by the benchmarks: temporary log folders, loggers, and result checks. */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** A fresh temporary folder. */
    public static Path tempDir(String prefix) {
        return Harness.tempDir(prefix);
    }

    /** Deletes a folder tree. */
    public static void delete(Path dir) {
        Harness.delete(dir);
    }

    /** A logger for benchmarks: no shutdown hook, the given overrides as key, value pairs. */
    public static Logger logger(Path logdir, String... overrides) {
        var builder = Logger.builder().logdir(logdir).experiment("bench").set("shutdownHook.enabled", "false");
        for (int i = 0; i < overrides.length; i += 2) {
            builder.set(overrides[i], overrides[i + 1]);
        }
        return builder.build();
    }

    /**
     * Closes a logger and fails the benchmark run unless every published event was written (or,
     * under {@code drop}, counted dropped): a broken run must not print a number.
     */
    public static LoggerStats closeAndCheck(Logger log) {
        log.close();
        LoggerStats s = log.stats();
        if (s.published() != s.written() + s.dropped() || s.lost() != 0 || s.failures() != 0) {
            throw new IllegalStateException("benchmark result is wrong: " + s);
        }
        return s;
    }
}
