package dev.tblog.cli;

import dev.tblog.jmhruns.IterationScores;
import dev.tblog.jmhruns.RunLayout;
import dev.tblog.jmhruns.SuiteSweep;
import dev.tblog.jmhruns.TrialKey;
import dev.tblog.jmhruns.TrialWriter;
import dev.tblog.record.RunNames;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code jmh RESULTS.json... [--logdir DIR] [--label LABEL]}: JMH JSON results already on disk as
 * TensorBoard runs, laid out as {@code dev.tblog.jmh.TensorBoardProfiler} lays them out (the same
 * run names, tags, HPARAMS sweep and summary), so that results of several commits or machines,
 * each converted with its own label, and the profiler's own runs compare side by side. JMH's JSON
 * has no warm-up iterations and does not name the machine: those are the profiler's only.
 *
 * <p>Nothing is written when a file does not parse, when two results of the call would be one run,
 * or when a run folder already holds events (converting the same file twice): the message says
 * which, and another {@code --label} or {@code --logdir} is the way out.
 *
 * <p>Thread contract: main thread.
 */
final class JmhCommand implements Command {
    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public String summary() {
        return "JMH JSON results (-rf json) as TensorBoard runs";
    }

    @Override
    public String usage() {
        return "usage: tblog jmh RESULTS.json... [--logdir DIR] [--label LABEL]\n"
            + "  Writes each benchmark, mode and @Param combination of JMH's JSON results as the run\n"
            + "  DIR[/LABEL]/<benchmark>/<mode>,<param>=<value>,..., as TensorBoardProfiler does:\n"
            + "  measured iterations over the iteration number (SCALARS; SampleTime samples in HISTOGRAMS),\n"
            + "  score and error with the parameters (HPARAMS), a summary (TEXT, tag jmh).\n"
            + "  --logdir DIR    the TensorBoard log folder (default runs/jmh)\n"
            + "  --label LABEL   a folder for these results (a commit, a machine), so that several result\n"
            + "                  files compare side by side in one log folder\n"
            + "  then: tensorboard --logdir DIR\n"
            + "  exit status: 0 written, 1 a file that is not JMH JSON or runs already there, 2 bad arguments";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("--logdir", "--label"), Set.of());
        if (args.positionals().isEmpty()) {
            throw new UsageException("jmh needs at least one JMH JSON result file");
        }
        Path logdir = Path.of(args.get("--logdir", Path.of("runs", "jmh").toString()));
        String label = args.has("--label") ? checkLabel(args.get("--label", null)) : null;

        Map<TrialKey, Source> results = new LinkedHashMap<>();
        for (String name : args.positionals()) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no such file: " + file);
            }
            List<JmhJson.Result> read;
            try {
                read = JmhJson.read(file);
            } catch (IOException e) {
                err.println("tblog jmh: " + e.getMessage());
                return 1;
            }
            for (JmhJson.Result r : read) {
                Source earlier = results.putIfAbsent(r.key(), new Source(file, r));
                if (earlier != null) {
                    err.println("tblog jmh: " + r.key() + " is in " + earlier.file() + " and in " + file
                        + ": convert each file with its own --label");
                    return 1;
                }
            }
        }
        List<Path> taken = new ArrayList<>();
        for (TrialKey key : results.keySet()) {
            Path runDir = RunLayout.runDir(logdir, label, key);
            if (holdsEvents(runDir)) {
                taken.add(runDir);
            }
        }
        if (!taken.isEmpty()) {
            err.println("tblog jmh: nothing written: " + taken.size() + " run folder(s) already hold events, e.g. "
                + taken.get(0) + " (converted before?); use another --label or --logdir");
            return 1;
        }

        SuiteSweep.Builder suite = SuiteSweep.builder();
        results.keySet().forEach(suite::trial);
        SuiteSweep sweep = suite.build();
        List<String> warnings = new ArrayList<>();
        sweep.declare(logdir, label, warnings::add);
        for (Map.Entry<TrialKey, Source> e : results.entrySet()) {
            JmhJson.Result r = e.getValue().result();
            try (TrialWriter run = TrialWriter.open(RunLayout.runDir(logdir, label, e.getKey()))) {
                for (IterationScores it : r.iterations()) {
                    run.iteration(it, Math.max(1, r.settings().measurementIterations()));
                }
                run.results(r.key(), r.primary(), r.secondaries(), r.settings(), null, label,
                    "tblog jmh " + e.getValue().file().getFileName(), sweep, warnings::add);
            }
        }
        warnings.forEach(w -> err.println("tblog jmh: " + w));
        out.println("wrote " + results.size() + " runs (" + benchmarks(results) + " benchmarks) to "
            + RunLayout.runsRoot(logdir, label));
        out.println("look at them: tensorboard --logdir " + logdir);
        return 0;
    }

    private static String checkLabel(String label) throws UsageException {
        try {
            return RunLayout.checkLabel(label);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long benchmarks(Map<TrialKey, Source> results) {
        Map<String, Integer> names = new TreeMap<>();
        results.keySet().forEach(k -> names.merge(k.benchmark(), 1, Integer::sum));
        return names.size();
    }

    private static boolean holdsEvents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> RunNames.isEventFile(f.getFileName().toString()));
        }
    }

    /** Where a result came from. */
    private record Source(Path file, JmhJson.Result result) {
    }
}
