package dev.tblog.jmh;

import dev.tblog.jmhruns.Distribution;
import dev.tblog.jmhruns.Estimate;
import dev.tblog.jmhruns.IterationScores;
import dev.tblog.jmhruns.IterationScores.Phase;
import dev.tblog.jmhruns.Score;
import dev.tblog.jmhruns.TrialKey;
import dev.tblog.jmhruns.TrialSettings;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JMH's objects as tblog's plain values ({@code dev.tblog.jmhruns}), read exactly as JMH's JSON
 * result format reads them, so that the profiler's runs and the converter's agree number for
 * number.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class JmhModel {
    private JmhModel() {
    }

    static TrialKey key(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (String name : params.getParamsKeys()) {
            values.put(name, params.getParam(name));
        }
        return new TrialKey(params.getBenchmark(), params.getMode().shortLabel(), values);
    }

    static TrialSettings settings(BenchmarkParams p) {
        return new TrialSettings(text(p.getJmhVersion()), text(p.getJvm()), text(p.getJdkVersion()), text(p.getVmName()),
            text(p.getVmVersion()), List.copyOf(p.getJvmArgs()), p.getThreads(), p.getForks(), p.getWarmup().getCount(),
            String.valueOf(p.getWarmup().getTime()), p.getMeasurement().getCount(),
            String.valueOf(p.getMeasurement().getTime()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * One iteration: the primary score and unit, every secondary result, and for SampleTime the
     * samples (what JMH's JSON calls {@code rawDataHistogram}).
     */
    static IterationScores iteration(Phase phase, int fork, int index, Mode mode, IterationResult result) {
        Result<?> primary = result.getPrimaryResult();
        Map<String, Score> secondaries = new LinkedHashMap<>();
        Map<String, ?> results = result.getSecondaryResults(); // JMH's map names the raw type
        results.forEach((label, value) -> {
            Result<?> r = (Result<?>) value;
            secondaries.put(label, new Score(r.getScore(), r.getScoreUnit()));
        });
        Distribution samples = mode == Mode.SampleTime ? samples(primary) : null;
        return new IterationScores(phase, fork, index, new Score(primary.getScore(), primary.getScoreUnit()),
            secondaries, samples);
    }

    private static Distribution samples(Result<?> primary) {
        List<Double> values = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Iterator<Map.Entry<Double, Long>> it = primary.getStatistics().getRawData(); it.hasNext(); ) {
            Map.Entry<Double, Long> e = it.next();
            if (Double.isFinite(e.getKey()) && e.getValue() > 0) {
                values.add(e.getKey());
                counts.add(e.getValue());
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        return Distribution.of(values.stream().mapToDouble(Double::doubleValue).toArray(),
            counts.stream().mapToLong(Long::longValue).toArray());
    }

    /** A result over all iterations: score, error, unit. */
    static Estimate estimate(Result<?> result) {
        return new Estimate(result.getScore(), result.getScoreError(), result.getScoreUnit());
    }

    /** The finite secondary results of a run, by label. */
    static Map<String, Estimate> estimates(Map<String, ?> secondaries) {
        Map<String, Estimate> out = new TreeMap<>();
        secondaries.forEach((label, value) -> {
            Result<?> r = (Result<?>) value; // JMH's maps name the raw type
            if (Double.isFinite(r.getScore())) {
                out.put(label, estimate(r));
            }
        });
        return out;
    }
}
