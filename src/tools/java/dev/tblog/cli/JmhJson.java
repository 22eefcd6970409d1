package dev.tblog.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tblog.jmhruns.Distribution;
import dev.tblog.jmhruns.Estimate;
import dev.tblog.jmhruns.IterationScores;
import dev.tblog.jmhruns.IterationScores.Phase;
import dev.tblog.jmhruns.Score;
import dev.tblog.jmhruns.TrialKey;
import dev.tblog.jmhruns.TrialSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JMH JSON result file ({@code -rf json}) as tblog's plain values, read as JMH writes it
 * (JMH 1.x's {@code JSONResultFormat}): an array with one object per benchmark, mode and parameter
 * combination; {@code primaryMetric} with the score, its error and unit, and per fork the score of
 * each measured iteration ({@code rawData}) or, for SampleTime, each iteration's samples as
 * {@code [time, count]} pairs ({@code rawDataHistogram}, the iteration's score being their mean, as
 * JMH takes it); {@code secondaryMetrics} the same per label. Numbers JMH could not give are the
 * strings {@code "NaN"}, {@code "+INF"}, {@code "-INF"}. Warm-up iterations are not in the file.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class JmhJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One result of the file: a run. */
    record Result(TrialKey key, TrialSettings settings, Estimate primary, Map<String, Estimate> secondaries,
                  List<IterationScores> iterations) {
    }

    private JmhJson() {
    }

    /**
     * Reads a file.
     *
     * @throws IOException the file cannot be read, is not JSON, or is not a JMH result file (the
     *     message names the file, the result and the field)
     */
    static List<Result> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a JMH JSON result file (-rf json): expected an array of results");
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                results.add(result(root.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ", result " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return results;
    }

    private static Result result(JsonNode r) {
        Map<String, String> params = new TreeMap<>();
        r.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        TrialKey key = new TrialKey(text(r, "benchmark"), text(r, "mode"), params);
        List<String> jvmArgs = new ArrayList<>();
        r.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        TrialSettings settings = new TrialSettings(r.path("jmhVersion").asText(""), r.path("jvm").asText(""),
            r.path("jdkVersion").asText(""), r.path("vmName").asText(""), r.path("vmVersion").asText(""), jvmArgs,
            r.path("threads").asInt(0), r.path("forks").asInt(0), r.path("warmupIterations").asInt(0),
            r.path("warmupTime").asText(""), r.path("measurementIterations").asInt(0),
            r.path("measurementTime").asText(""));

        JsonNode primary = field(r, "primaryMetric");
        String unit = text(primary, "scoreUnit");
        Map<String, Estimate> secondaries = new LinkedHashMap<>();
        r.path("secondaryMetrics").properties().forEach(e ->
            secondaries.put(e.getKey(), estimate(e.getValue(), "secondaryMetrics." + e.getKey())));

        List<IterationScores> iterations = new ArrayList<>();
        JsonNode histograms = primary.get("rawDataHistogram");
        JsonNode raw = histograms != null ? histograms : primary.path("rawData");
        int perFork = settings.measurementIterations();
        for (int fork = 0; fork < raw.size(); fork++) {
            JsonNode forkData = raw.get(fork);
            for (int i = 0; i < forkData.size(); i++) {
                Score score;
                Distribution samples = null;
                if (histograms != null) {
                    samples = distribution(forkData.get(i), fork, i);
                    score = new Score(mean(samples), unit);
                } else {
                    score = new Score(number(forkData.get(i), "primaryMetric.rawData"), unit);
                }
                iterations.add(new IterationScores(Phase.MEASUREMENT, fork, i + 1, score,
                    secondaryScores(r.path("secondaryMetrics"), fork, i), samples));
            }
            if (perFork > 0 && forkData.size() > perFork) {
                throw new IllegalArgumentException("fork " + (fork + 1) + " has " + forkData.size()
                    + " iterations, more than measurementIterations " + perFork);
            }
        }
        return new Result(key, settings, estimate(primary, "primaryMetric"), secondaries, iterations);
    }

    /** The secondary results of iteration {@code i} of a fork: each label's rawData there. */
    private static Map<String, Score> secondaryScores(JsonNode secondaryMetrics, int fork, int i) {
        Map<String, Score> scores = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : secondaryMetrics.properties()) {
            JsonNode value = e.getValue().path("rawData").path(fork).path(i);
            if (!value.isMissingNode()) {
                scores.put(e.getKey(), new Score(number(value, e.getKey()), e.getValue().path("scoreUnit").asText("")));
            }
        }
        return scores;
    }

    private static Distribution distribution(JsonNode pairs, int fork, int i) {
        double[] values = new double[pairs.size()];
        long[] counts = new long[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            JsonNode pair = pairs.get(k);
            if (!pair.isArray() || pair.size() != 2) {
                throw new IllegalArgumentException("rawDataHistogram of fork " + (fork + 1) + ", iteration " + (i + 1)
                    + ": expected [time, count] pairs, got " + pair);
            }
            values[k] = number(pair.get(0), "rawDataHistogram");
            counts[k] = pair.get(1).asLong();
        }
        return Distribution.of(values, counts);
    }

    private static double mean(Distribution d) {
        double sum = 0;
        for (int k = 0; k < d.size(); k++) {
            sum += d.value(k) * d.count(k);
        }
        return sum / d.samples();
    }

    private static Estimate estimate(JsonNode metric, String where) {
        return new Estimate(number(field(metric, "score"), where + ".score"),
            metric.has("scoreError") ? number(metric.get("scoreError"), where + ".scoreError") : Double.NaN,
            metric.path("scoreUnit").asText(""));
    }

    /** A number as JMH writes it: a JSON number, or "NaN", "+INF", "-INF". */
    private static double number(JsonNode n, String where) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        return switch (n.asText()) {
            case "NaN" -> Double.NaN;
            case "+INF", "INF", "Infinity" -> Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException(where + " is not a number: " + n);
        };
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("no field '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String name) {
        return field(node, name).asText();
    }
}
