package dev.tblog.bench.consumer;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures a benchmark measures beside its score (the consumer thread's CPU per event, bytes on disk
 * per scalar, idle CPU per logger), reported by JMH as secondary results of each iteration, so that
 * they land in the same table and JSON as the score they explain. Run with
 * {@code -prof dev.tblog.bench.consumer.SideFigures}; without it the figures are not reported.
 *
 * <p>A benchmark's iteration tear-down calls {@link #put}; this profiler, which JMH calls after the
 * tear-down in the same JVM, takes them. Without the profiler, {@link #put} keeps only the last value
 * of each name (no growth).
 *
 * <p>Thread contract: {@link #put} from any thread (synchronized); the profiler from JMH's runner.
 */
public final class SideFigures implements InternalProfiler {
    private static final Map<String, Figure> FIGURES = new LinkedHashMap<>();

    private record Figure(double value, String unit) {
    }

    /** Records a figure of the current iteration, replacing one of the same name. */
    public static synchronized void put(String name, double value, String unit) {
        FIGURES.put(name, new Figure(value, unit));
    }

    private static synchronized List<ScalarResult> takeAll() {
        List<ScalarResult> results = new ArrayList<>();
        FIGURES.forEach((name, f) -> results.add(new ScalarResult(name, f.value(), f.unit(), AggregationPolicy.AVG)));
        FIGURES.clear();
        return results;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        takeAll(); // whatever an earlier iteration left without a profiler
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        return takeAll();
    }

    @Override
    public String getDescription() {
        return "tblog side figures: consumer CPU per event, bytes per scalar, idle CPU per logger";
    }
}
