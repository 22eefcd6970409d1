package dev.tblog;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The child JVM of {@link SubRunBoundsTest}: one {@code addScalars} key per step, each a new
 * sub-run, beside a main-run scalar per step; then flush, close, and a new logger. Prints what
 * happened as {@code KEY value} lines. Arguments: the run folder, the number of keys. Config comes
 * from {@code -Dtblog.*}.
 *
 * <p>It first loads every class of the library and runs one logger through the normal path, so
 * that once the open-files limit is reached no class has to be read from disk (a class file takes
 * a file handle too), and counts the process's open files before and after.
 */
public final class ManyKeysChild {
    private ManyKeysChild() {
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        int keys = Integer.parseInt(args[1]);
        try {
            run(runDir, keys);
        } catch (Throwable t) {
            System.out.println("DIED " + t);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    private static void run(Path runDir, int keys) throws Exception {
        loadEveryLibraryClass();
        try (Logger warmUp = Logger.builder().runDir(runDir.resolveSibling("warm-up"))
            .set("shutdownHook.enabled", "false").build()) {
            warmUp.addScalar("x", 1, 0);
            warmUp.addScalars("m", Map.of("a", 1), 0);
            warmUp.flush();
        }
        long fdsBefore = openFiles().size();
        AtomicLong errors = new AtomicLong();
        Logger log = Logger.builder().runDir(runDir).set("shutdownHook.enabled", "false").errorHandler(t -> {
            if (errors.incrementAndGet() <= 3) {
                System.out.println("ERROR " + t);
            }
        }).build();
        long refused = 0;
        for (int i = 0; i < keys; i++) {
            log.addScalar("main", i, i);
            try {
                log.addScalars("k", Map.of("key" + i, i), i);
            } catch (IllegalArgumentException e) {
                if (refused++ == 0) {
                    System.out.println("FIRST_REFUSAL " + e.getMessage());
                }
            }
        }
        try {
            log.flush();
        } catch (LoggerFailedException e) {
            System.out.println("FLUSH_FAILED " + e.getMessage());
        }
        try {
            log.close();
        } catch (LoggerFailedException e) {
            System.out.println("CLOSE_FAILED " + e.getMessage());
        }
        LoggerStats s = log.stats();
        System.out.println("REFUSED " + refused);
        System.out.println("PUBLISHED " + s.published());
        System.out.println("WRITTEN " + s.written());
        System.out.println("LOST " + s.lost());
        System.out.println("DROPPED " + s.dropped());
        System.out.println("FAILURES " + s.failures());
        System.out.println("ERRORS " + errors.get());
        System.out.println("FDS_BEFORE " + fdsBefore);
        List<String> fdsAfter = openFiles();
        System.out.println("FDS_AFTER " + fdsAfter.size());
        System.out.println("FDS_AFTER_TARGETS " + fdsAfter);
        try (Logger after = Logger.builder().runDir(runDir.resolveSibling("after"))
            .set("shutdownHook.enabled", "false").build()) {
            after.addScalars("k", Map.of("key", 1), 0);
            after.addScalar("x", 1, 0);
        }
        System.out.println("AFTER ok");
    }

    /** What the open file descriptors point at, sorted; their count is the number of open files. */
    private static List<String> openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return "?"; // closed meanwhile
                }
            }).sorted().toList();
        }
    }

    /** Loads (without initializing) every class of the library's class folder or jar. */
    private static void loadEveryLibraryClass() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Logger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(f).toString().replace(File.separatorChar, '.');
                name = name.substring(0, name.length() - ".class".length());
                if (!name.endsWith("module-info") && !name.endsWith("package-info")) {
                    Class.forName(name, false, ManyKeysChild.class.getClassLoader());
                }
            }
        }
    }
}
