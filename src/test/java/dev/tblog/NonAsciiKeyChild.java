package dev.tblog;

import java.nio.file.Path;
import java.util.Map;

/**
 * The child JVM of {@link FileNameEncodingTest}, run under {@code LANG=C}: logs an {@code addScalars}
 * key this JVM cannot turn into a file name, then good calls, and prints what happened as
 * {@code KEY value} lines. Argument: the run folder.
 */
public final class NonAsciiKeyChild {
    private NonAsciiKeyChild() {
    }

    public static void main(String[] args) {
        System.out.println("JNU " + System.getProperty("sun.jnu.encoding"));
        Logger log = Logger.builder().runDir(Path.of(args[0])).set("shutdownHook.enabled", "false")
            .errorHandler(t -> System.out.println("ERROR " + t)).build();
        try {
            log.addScalars("Loss", Map.of("\u00e9t\u00e9", 1.0), 0);
            System.out.println("ACCEPTED");
        } catch (IllegalArgumentException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
        log.addScalars("Loss", Map.of("train", 2.0), 0);
        log.addScalar("rate \u00e9t\u00e9", 0.5, 0); // a tag is no folder name: any character
        try {
            log.close();
        } catch (LoggerFailedException e) {
            System.out.println("CLOSE_FAILED " + e.getMessage());
        }
        LoggerStats s = log.stats();
        System.out.println("PUBLISHED " + s.published());
        System.out.println("WRITTEN " + s.written());
        System.out.println("LOST " + s.lost());
        System.out.println("FAILURES " + s.failures());
    }
}
