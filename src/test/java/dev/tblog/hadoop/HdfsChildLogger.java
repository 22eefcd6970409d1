package dev.tblog.hadoop;

import dev.tblog.Logger;

import java.net.URI;
import java.util.Map;

/**
 * The child JVM of {@link HdfsLoggingTest}'s many-processes test. Arguments:
 * {@code <logdir URI> <experiment> <prefix> <count>}: logs {@code count} scalars under
 * {@code <prefix>/x} (step i, value i), an {@code addScalars} pair under {@code <prefix>/pair} and a
 * text every 1000 steps, through {@code new Logger(URI, experiment)}, closes, and prints
 * {@code DONE <written>}.
 */
public final class HdfsChildLogger {
    private HdfsChildLogger() {
    }

    public static void main(String[] args) {
        URI logdir = URI.create(args[0]);
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        long written;
        try (Logger log = new Logger(logdir, args[1])) {
            for (int i = 0; i < count; i++) {
                log.addScalar(prefix + "/x", i, i);
                log.addScalars(prefix + "/pair", Map.of("a", (double) i, "b", -i), i);
                if (i % 1000 == 0) {
                    log.addText(prefix + "/note", "step " + i, i);
                }
            }
            log.flush();
            written = log.stats().written();
        }
        System.out.println("DONE " + written);
    }
}
