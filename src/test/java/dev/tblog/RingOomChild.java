package dev.tblog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The child JVM of {@link ConstructionLeakTest}: fills most of its heap, then builds a logger whose
 * ring (2^18 slots, about 17 MiB) no longer fits, and prints what the failed construction left:
 * event files, open files, consumer threads; then frees the heap and builds a logger again.
 * Argument: the run folder.
 */
public final class RingOomChild {
    private static final int MIB = 1 << 20;

    private RingOomChild() {
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        // Everything the failed build would touch is loaded first: loading takes heap and files too.
        try (Logger warmUp = Logger.builder().runDir(run.resolveSibling("warm-up"))
            .set("shutdownHook.enabled", "false").set("ring.size", "1024").build()) {
            warmUp.addScalar("x", 1, 0);
        }
        long fdsBefore = openFiles();
        List<byte[]> ballast = new ArrayList<>();
        Runtime rt = Runtime.getRuntime();
        while (true) {
            System.gc();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (free < 10L * MIB) {
                break;
            }
            ballast.add(new byte[MIB]);
        }
        String outcome;
        try {
            Logger log = Logger.builder().runDir(run).set("ring.size", Integer.toString(1 << 18)).build();
            outcome = "built";
            ballast.clear();
            log.close();
        } catch (Throwable t) {
            outcome = t.toString();
        }
        ballast.clear();
        System.gc();
        System.out.println("BUILD " + outcome);
        System.out.println("FILES_OF_RUN " + ConstructionLeakTest.eventFiles(run).size());
        System.out.println("FDS_BEFORE " + fdsBefore);
        System.out.println("FDS_AFTER " + openFiles());
        System.out.println("CONSUMERS " + ConstructionLeakTest.consumerThreads());
        try (Logger log = Logger.builder().runDir(run).set("shutdownHook.enabled", "false").build()) {
            log.addScalar("x", 1, 0);
        }
        System.out.println("AFTER ok");
    }

    private static long openFiles() throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
