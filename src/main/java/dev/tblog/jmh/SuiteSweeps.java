package dev.tblog.jmh;

import dev.tblog.jmhruns.SuiteSweep;
import dev.tblog.jmhruns.TrialKey;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The host JVM's sweeps, one per log folder and label, declared at the first trial that logs there.
 * JMH tells a profiler one trial at a time and a sweep's columns are written once, so its domain
 * is what the whole suite declares: every benchmark of the benchmark list JMH runs from (the jar's
 * {@code META-INF/BenchmarkList}) with its {@code @Param} values, plus the first trial's values (a
 * {@code -p} override). Every later invocation of the same jar declares the same sweep and finds it
 * there; a run with other values is logged without them in HPARAMS (see {@link SuiteSweep}).
 *
 * <p>Thread contract: any thread; a concurrent map.
 */
final class SuiteSweeps {
    private static final ConcurrentMap<List<Object>, SuiteSweep> DECLARED = new ConcurrentHashMap<>();

    private SuiteSweeps() {
    }

    static SuiteSweep forRuns(Path logdir, String label, TrialKey first, Consumer<String> warnings) {
        List<Object> key = Arrays.asList(logdir.toAbsolutePath().normalize(), label);
        return DECLARED.computeIfAbsent(key, k -> {
            SuiteSweep.Builder suite = SuiteSweep.builder();
            try {
                BenchmarkList list = BenchmarkList.defaultList();
                PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
                for (BenchmarkListEntry entry : list.getAll(OutputFormatFactory.createFormatInstance(silent,
                    VerboseMode.SILENT), List.of())) {
                    Map<String, List<String>> params = new TreeMap<>();
                    entry.getParams().orElse(Map.of()).forEach((name, values) -> params.put(name, Arrays.asList(values)));
                    suite.benchmark(entry.getUsername(), params);
                }
            } catch (RuntimeException e) {
                warnings.accept("cannot read JMH's benchmark list (" + e + "): HPARAMS declares only the benchmarks "
                    + "of this first run");
            }
            SuiteSweep sweep = suite.trial(first).build();
            sweep.declare(logdir, label, warnings);
            return sweep;
        });
    }
}
