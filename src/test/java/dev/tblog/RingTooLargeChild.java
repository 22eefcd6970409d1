package dev.tblog;

import java.nio.file.Path;

/**
 * The child JVM of {@link HeapBoundsTest}: builds a logger with the configuration its
 * {@code -Dtblog.*} properties give and prints how the build ended. Argument: the run folder.
 */
public final class RingTooLargeChild {
    private RingTooLargeChild() {
    }

    public static void main(String[] args) {
        try (Logger log = Logger.builder().runDir(Path.of(args[0])).set("shutdownHook.enabled", "false").build()) {
            log.addScalar("x", 1, 0);
            System.out.println("BUILD ok");
        } catch (Throwable t) {
            System.out.println("BUILD " + t);
        }
    }
}
