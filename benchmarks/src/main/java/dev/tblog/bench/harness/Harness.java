package dev.tblog.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the tblog and the Log4j2 benchmarks share, so that both sides run the same harness: the
 * batch size, temporary folders, and the line count that proves what reached a file. Depends on
 * neither tblog nor Log4j2 (it is compiled into both benchmark jars).
 *
 * <p>Thread contract: static methods, any thread; no shared state.
 */
public final class Harness {
    /** Calls per benchmark invocation before the barrier (flush / drain) that ends it. */
    public static final int BATCH = 100_000;

    private Harness() {
    }

    /** A fresh temporary folder. */
    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree. */
    public static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of '\n' bytes in a file: the lines that reached it. */
    public static long countLines(Path file) {
        byte[] buf = new byte[1 << 20];
        long lines = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Fails the run unless {@code delivered == calls}: a lossy run must not print a number. */
    public static void checkAllDelivered(String what, long calls, long delivered) {
        if (delivered != calls) {
            throw new IllegalStateException("benchmark result is wrong: " + what + " delivered " + delivered
                + " of " + calls + " calls (lost " + (calls - delivered) + ") under a blocking policy");
        }
    }

    /**
     * Fails the run unless {@code 0 < delivered <= calls}, and prints the fraction delivered and
     * the delivered events per second over {@code nanos}: the figures of a run under overload.
     */
    public static void reportOverload(String what, long calls, long delivered, long nanos) {
        if (delivered <= 0 || delivered > calls) {
            throw new IllegalStateException("benchmark result is wrong: " + what + " delivered " + delivered
                + " of " + calls + " calls");
        }
        System.out.printf("%n[overload] %s: delivered %,d of %,d calls (%.1f %%), %,.0f delivered events/s%n",
            what, delivered, calls, 100.0 * delivered / calls, delivered * 1e9 / nanos);
    }
}
