package dev.tblog.compat;

import dev.tblog.Logger;
import dev.tblog.LoggerStats;
import dev.tblog.read.LogInspector;
import dev.tblog.read.RunReport;
import dev.tblog.read.TagSummary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * The harness every compatibility app runs through.
 *
 * <p>Launched without arguments (as the app's build does), it runs the app again in a fresh JVM on
 * each JDK under test, class path or module path as it was itself started, and fails when the app
 * fails or prints anything that names tblog (a start-up warning, a log line, a stack trace); an app
 * that has tblog alone on its path must print nothing at all. The JDKs: {@code compat.jdk17}
 * (default: the launching JVM) and {@code compat.jdk25}, skipped with a printed reason when absent.
 * With {@code compat.tree} naming {@code mvn dependency:tree}'s output, it also checks that tblog has
 * no dependency of its own there. Log folders go under {@code compat.work}.
 *
 * <p>As that child ({@code --child LOGDIR}), {@link #THREADS} threads each take {@link #STEPS} steps:
 * the app's own library work, then every event kind through the app's one logging method with the
 * tag prefix {@code t<thread>/}. After close, the logger's counts must show nothing dropped or lost,
 * and tblog's reader must find every record sound, every {@code t<n>/} tag {@link #STEPS} times,
 * each thread's scalars, images, histograms and texts, and one parameter session per thread.
 *
 * <p>Thread contract: {@link #run} is called once, from {@code main}.
 */
public final class Compat {
    /** Logging threads. */
    public static final int THREADS = 4;
    /** Steps each thread takes; every kind is logged once per step. */
    public static final int STEPS = 25;

    private static final Set<String> KINDS_PER_THREAD = Set.of("scalar", "image", "histogram", "text", "pr_curve",
        "audio", "video", "image_boxes", "mesh", "embedding");
    private static final String SESSION_TAG = "_hparams_/session_start_info";
    private static final long CHILD_TIMEOUT_SECONDS = 300;

    /** The app's use of tblog: every event kind, with tags under {@code prefix}, at {@code step}. */
    @FunctionalInterface
    public interface Logging {
        void logEveryKind(Logger log, String prefix, long step) throws Exception;
    }

    /** The app's own work with its own libraries, on a logging thread, before each step's logging. */
    @FunctionalInterface
    public interface Beside {
        void work(int thread, long step) throws Exception;
    }

    /** The app's own check once the logger is closed and its files verified. */
    @FunctionalInterface
    public interface AfterClose {
        void check(Path logdir) throws Exception;
    }

    private Compat() {
    }

    /**
     * Launches (no arguments) or runs as the child ({@code --child LOGDIR}).
     *
     * @param tblogAlone whether tblog is the app's only library: then the child must print nothing
     */
    public static void run(String[] args, Class<?> main, boolean tblogAlone, Beside beside, Logging logging,
                           AfterClose afterClose) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            child(Path.of(args[1]), beside, logging, afterClose);
        } else if (args.length == 0) {
            launch(main, tblogAlone);
        } else {
            throw new IllegalArgumentException("usage: (no arguments) | --child LOGDIR, got " + List.of(args));
        }
    }

    // ---- launcher ------------------------------------------------------------------------------

    private static void launch(Class<?> main, boolean tblogAlone) throws Exception {
        String app = System.getProperty("compat.name", main.getName());
        String tree = System.getProperty("compat.tree");
        if (tree != null) {
            checkDependencyTree(Path.of(tree));
            System.out.println("compat " + app + ": dependency:tree shows tblog with no dependency of its own");
        }
        Map<String, String> jdks = new TreeMap<>();
        jdks.put("17", System.getProperty("compat.jdk17", System.getProperty("java.home")));
        jdks.put("25", System.getProperty("compat.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        for (Map.Entry<String, String> jdk : jdks.entrySet()) {
            Path java = Path.of(jdk.getValue(), "bin", "java");
            if (!Files.isExecutable(java)) {
                System.out.println("compat " + app + ": SKIPPED on JDK " + jdk.getKey() + ": no JDK at "
                    + jdk.getValue() + " (set -Dcompat.jdk" + jdk.getKey() + "=JAVA_HOME)");
                continue;
            }
            runChild(app, main, java, jdk.getKey(), tblogAlone);
        }
    }

    private static void runChild(String app, Class<?> main, Path java, String feature, boolean tblogAlone)
            throws Exception {
        Path work = Path.of(System.getProperty("compat.work", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(work);
        Path logdir = Files.createTempDirectory(work, "jdk" + feature + "-");
        Path output = logdir.resolveSibling(logdir.getFileName() + ".out");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        Module module = main.getModule();
        if (module.isNamed()) {
            command.addAll(List.of("--module-path", System.getProperty("jdk.module.path"),
                "-m", module.getName() + "/" + main.getName()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        }
        command.addAll(List.of("--child", logdir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
        if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(app, feature, "did not finish in " + CHILD_TIMEOUT_SECONDS + " s", output);
        }
        if (process.exitValue() != 0) {
            fail(app, feature, "failed with exit status " + process.exitValue(), output);
        }
        List<String> printed = Files.readAllLines(output, StandardCharsets.UTF_8);
        if (printed.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).contains("tblog"))) {
            fail(app, feature, "printed something from tblog", output);
        }
        if (tblogAlone && !printed.isEmpty()) {
            fail(app, feature, "printed something, with tblog alone on its path", output);
        }
        String version = Files.readString(logdir.resolve("java.version")).trim();
        String events = Files.readString(logdir.resolve("events")).trim();
        System.out.println("compat " + app + ": JDK " + version + " (" + (module.isNamed() ? "module" : "class")
            + " path): " + events + " events read back; tblog printed nothing"
            + (printed.isEmpty() ? "" : " (the app's own libraries printed " + printed.size() + " line(s))"));
    }

    private static void fail(String app, String feature, String what, Path output) throws IOException {
        System.out.println("compat " + app + ": FAILED on JDK " + feature + ": " + what + ". Its output:");
        Files.readAllLines(output, StandardCharsets.UTF_8).forEach(line -> System.out.println("  | " + line));
        throw new AssertionError("compat " + app + " on JDK " + feature + ": " + what);
    }

    /** tblog's line in {@code mvn dependency:tree} output: a direct dependency with no child below it. */
    private static void checkDependencyTree(Path tree) throws IOException {
        List<String> lines = Files.readAllLines(tree, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("dev.tblog:tblog:jar:")) {
                boolean last = i + 1 == lines.size();
                if (!last && !lines.get(i + 1).matches("^[+\\\\]- .*")) {
                    throw new AssertionError("tblog brings dependencies of its own:\n" + String.join("\n", lines));
                }
                return;
            }
        }
        throw new AssertionError("no tblog in the dependency tree " + tree + ":\n" + String.join("\n", lines));
    }

    // ---- child ---------------------------------------------------------------------------------

    private static void child(Path logdir, Beside beside, Logging logging, AfterClose afterClose) throws Exception {
        Files.writeString(logdir.resolve("java.version"), System.getProperty("java.version"));
        Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (long step = 0; step < STEPS; step++) {
                        beside.work(thread, step);
                        logging.logEveryKind(log, "t" + thread + "/", step);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "app-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        log.close();
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a logging thread failed", failures.get(0));
            failures.subList(1, failures.size()).forEach(error::addSuppressed);
            throw error;
        }
        LoggerStats stats = log.stats();
        if (stats.dropped() != 0 || stats.lost() != 0 || stats.published() != stats.written()) {
            throw new AssertionError("events dropped or lost: " + stats);
        }
        long events = checkFiles(logdir.resolve("run"));
        afterClose.check(logdir);
        Files.writeString(logdir.resolve("events"), Long.toString(events));
    }

    /** Every record sound, every t-prefixed tag at every step, every kind per thread, a session per thread. */
    private static long checkFiles(Path runDir) throws IOException {
        List<RunReport> runs = LogInspector.inspect(runDir);
        if (!LogInspector.sound(runs)) {
            throw new AssertionError("unsound records: " + runs.stream().map(RunReport::errors).toList());
        }
        long events = 0;
        int sessions = 0;
        Map<String, Set<String>> kindsByThread = new TreeMap<>();
        for (RunReport run : runs) {
            if (!run.tornTails().isEmpty()) {
                throw new AssertionError("torn records after close in " + run.name() + ": " + run.tornTails());
            }
            for (TagSummary tag : run.tags().values()) {
                events += tag.count();
                if (tag.tag().equals(SESSION_TAG)) {
                    sessions++;
                }
                if (tag.tag().matches("t\\d+/.*")) {
                    if (tag.count() != STEPS) {
                        throw new AssertionError(run.name() + " " + tag.tag() + ": " + tag.count() + " values on disk, "
                            + STEPS + " logged");
                    }
                    String thread = tag.tag().substring(0, tag.tag().indexOf('/'));
                    kindsByThread.computeIfAbsent(thread, k -> new TreeSet<>()).add(tag.kind());
                }
            }
        }
        if (kindsByThread.size() != THREADS) {
            throw new AssertionError("tags of " + kindsByThread.keySet() + " on disk, " + THREADS + " threads logged");
        }
        kindsByThread.forEach((thread, kinds) -> {
            if (!kinds.containsAll(KINDS_PER_THREAD)) {
                throw new AssertionError(thread + " has kinds " + kinds + " on disk, not all of " + KINDS_PER_THREAD);
            }
        });
        if (sessions != THREADS) {
            throw new AssertionError(sessions + " parameter sessions on disk, " + THREADS + " logged");
        }
        return events;
    }

    /** A gray test picture of {@code h x w} values in [0, 1), different at each step. */
    public static float[] picture(int h, int w, long step) {
        float[] p = new float[h * w];
        for (int i = 0; i < p.length; i++) {
            p[i] = ((i + step) % 17) / 17f;
        }
        return p;
    }

    /** {@code n} values spread around {@code step}. */
    public static double[] values(int n, long step) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = step + Math.sin(i) * 3;
        }
        return v;
    }
}
