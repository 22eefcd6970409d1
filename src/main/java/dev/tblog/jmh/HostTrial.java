package dev.tblog.jmh;

import dev.tblog.jmhruns.IterationChannel;
import dev.tblog.jmhruns.IterationScores;
import dev.tblog.jmhruns.IterationScores.Phase;
import dev.tblog.jmhruns.Machine;
import dev.tblog.jmhruns.RunLayout;
import dev.tblog.jmhruns.SuiteSweep;
import dev.tblog.jmhruns.TrialKey;
import dev.tblog.jmhruns.TrialWriter;
import dev.tblog.record.RunNames;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The profiler's work in the JMH host JVM, for one trial (JMH makes a profiler per benchmark and
 * parameter combination and calls it for each fork in turn). Everything here runs while no fork
 * runs: before a fork starts ({@link #jvmOptions}, {@link #beforeTrial}) or after it has exited
 * ({@link #afterTrial}), so nothing it does shares the machine with a measurement.
 *
 * <p>For each measured fork: the warm-up iterations the fork wrote to its channel file and the
 * measured iterations JMH hands over, at steps that continue from the previous fork's; after the
 * last fork, the results of all forks together (JMH's own aggregate: the score and error it prints)
 * with the HPARAMS row and the summary. Each fork is written by a logger of its own, closed (and
 * fsynced) before the next fork starts, so a run killed in fork 3 keeps forks 1 and 2.
 *
 * <p>Thread contract: confined to JMH's host thread.
 */
final class HostTrial {
    private final ProfilerOptions options;
    private final Consumer<String> warnings;
    private final List<BenchmarkResult> measured = new ArrayList<>();
    private int forksStarted;
    private Path channel;
    private BenchmarkParams params;
    private TrialKey key;
    private SuiteSweep sweep;

    HostTrial(ProfilerOptions options, Consumer<String> warnings) {
        this.options = options;
        this.warnings = warnings;
    }

    /** A fresh channel file for the next fork, named to it by a system property. */
    List<String> jvmOptions() {
        try {
            channel = Files.createTempFile("tblog-jmh-", ".iterations");
            channel.toFile().deleteOnExit();
            return List.of("-D" + IterationChannel.PROPERTY + "=" + channel);
        } catch (IOException e) {
            channel = null;
            warnings.accept("cannot create a file for the warm-up iterations (" + e + "): only measured ones are logged");
            return List.of();
        }
    }

    void beforeTrial(BenchmarkParams benchmark) {
        forksStarted++;
        if (params != null) {
            return;
        }
        params = benchmark;
        key = JmhModel.key(benchmark);
        Path runDir = runDir();
        if (containsEventFiles(runDir)) {
            warnings.accept(runDir + " already holds an earlier run of " + key + ": TensorBoard shows both on one line; "
                + "give each run of the suite its own label=");
        }
        sweep = SuiteSweeps.forRuns(options.logdir(), options.label(), key, warnings);
    }

    void afterTrial(BenchmarkResult result) {
        int fork = measured.size();
        List<IterationScores> warmups = readChannel(fork);
        if (forksStarted <= params.getWarmupForks()) {
            return; // JMH discards warm-up forks; so do we
        }
        measured.add(result);
        try (TrialWriter run = TrialWriter.open(runDir())) {
            int warmupsPerFork = params.getWarmup().getCount();
            for (IterationScores w : warmups) {
                run.iteration(w, warmupsPerFork);
            }
            int index = 0;
            int perFork = params.getMeasurement().getCount();
            for (IterationResult r : result.getIterationResults()) {
                run.iteration(JmhModel.iteration(Phase.MEASUREMENT, fork, ++index, params.getMode(), r), perFork);
            }
            if (measured.size() == params.getForks()) {
                RunResult all = new RunResult(params, measured);
                run.results(key, JmhModel.estimate(all.getPrimaryResult()), JmhModel.estimates(all.getSecondaryResults()),
                    JmhModel.settings(params), Machine.describe(), options.label(), "tblog's TensorBoardProfiler", sweep,
                    warnings);
            }
        }
    }

    private List<IterationScores> readChannel(int fork) {
        Path file = channel;
        channel = null;
        if (file == null) {
            return List.of();
        }
        try {
            return IterationChannel.read(file, fork);
        } catch (IOException e) {
            warnings.accept("cannot read the warm-up iterations of " + key + " (" + e.getMessage() + "): only measured "
                + "ones are logged");
            return List.of();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // deleted at exit
            }
        }
    }

    private Path runDir() {
        return RunLayout.runDir(options.logdir(), options.label(), key);
    }

    private static boolean containsEventFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> RunNames.isEventFile(f.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }
}
