package dev.tblog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tblog.jmhruns.JmhRunFiles;
import dev.tblog.proto.HistogramProto;
import dev.tblog.proto.hparams.SessionStartInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The converter on a JMH JSON result file of {@code dev.tblog.jmh.TinyBenchmark} (committed, from
 * a real run): every number checked against the file as read here, by hand.
 */
class JmhCommandTest {
    static final Path TINY_RESULTS = Path.of("src", "test", "resources", "jmh", "tiny-results.json");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.standard().run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    void shouldWriteEachResultAsTheRunOfItsBenchmarkModeAndParameters() throws IOException {
        assertThat(run("jmh", TINY_RESULTS.toString(), "--logdir", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 4 runs (2 benchmarks)");
        List<String> runs = new ArrayList<>();
        try (var benchmarks = Files.list(dir)) {
            for (Path b : benchmarks.filter(Files::isDirectory).sorted().toList()) {
                try (var combos = Files.list(b)) {
                    combos.sorted().forEach(c -> runs.add(dir.relativize(c).toString()));
                }
            }
        }
        assertThat(runs).containsExactly(
            "dev.tblog.jmh.TinyBenchmark.sampled/sample,op=sum,size=64",
            "dev.tblog.jmh.TinyBenchmark.sampled/sample,op=sum,size=8",
            "dev.tblog.jmh.TinyBenchmark.throughput/thrpt,op=sum,size=64",
            "dev.tblog.jmh.TinyBenchmark.throughput/thrpt,op=sum,size=8");
    }

    @Test
    void shouldLogEveryMeasuredIterationAndTheResultsAsTheFileHasThem() throws IOException {
        assertThat(run("jmh", TINY_RESULTS.toString(), "--logdir", dir.toString(), "--label", "committed")).isZero();
        JsonNode results = json(TINY_RESULTS);
        for (JsonNode r : results) {
            String mode = r.get("mode").asText();
            Path runDir = dir.resolve("committed").resolve(r.get("benchmark").asText())
                .resolve(mode + ",op=sum,size=" + r.get("params").get("size").asText());
            JsonNode primary = r.get("primaryMetric");
            String unit = primary.get("scoreUnit").asText();
            int perFork = r.get("measurementIterations").asInt();
            Map<Long, Float> scores = JmhRunFiles.scalars(runDir, "measurement/score (" + unit + ")");
            Map<Long, HistogramProto> samples = JmhRunFiles.histograms(runDir, "measurement/distribution (" + unit + ")");
            JsonNode raw = mode.equals("sample") ? primary.get("rawDataHistogram") : primary.get("rawData");
            int points = 0;
            for (int fork = 0; fork < raw.size(); fork++) {
                for (int i = 0; i < raw.get(fork).size(); i++) {
                    long step = (long) fork * perFork + i + 1;
                    JsonNode iteration = raw.get(fork).get(i);
                    if (mode.equals("sample")) {
                        double sum = 0;
                        double n = 0;
                        List<Double> limits = new ArrayList<>();
                        for (JsonNode pair : iteration) {
                            sum += pair.get(0).asDouble() * pair.get(1).asDouble();
                            n += pair.get(1).asDouble();
                            limits.add(pair.get(0).asDouble());
                        }
                        assertThat(scores.get(step)).as("%s step %d: the samples' mean", runDir, step)
                            .isEqualTo((float) (sum / n));
                        assertThat(samples.get(step).getBucketLimitList()).containsExactlyElementsOf(limits);
                        assertThat(samples.get(step).getNum()).isEqualTo(n);
                    } else {
                        assertThat(scores.get(step)).isEqualTo((float) iteration.asDouble());
                    }
                    float norm = (float) r.get("secondaryMetrics").get("gc.alloc.rate.norm").get("rawData").get(fork).get(i)
                        .asDouble();
                    assertThat(JmhRunFiles.scalars(runDir, "measurement/gc.alloc.rate.norm (B/op)").get(step)).isEqualTo(norm);
                    points++;
                }
            }
            assertThat(scores).hasSize(points);
            assertThat(JmhRunFiles.scalars(runDir, "result/score").values())
                .containsExactly((float) primary.get("score").asDouble());
            assertThat(JmhRunFiles.scalars(runDir, "result/error").values())
                .containsExactly((float) primary.get("scoreError").asDouble());
            SessionStartInfo session = JmhRunFiles.session(runDir);
            assertThat(session.getHparamsMap().get("size").getNumberValue())
                .isEqualTo(r.get("params").get("size").asDouble());
            assertThat(session.getHparamsMap().get("op").getStringValue()).isEqualTo("sum");
            assertThat(session.getHparamsMap().get("jmh:unit").getStringValue()).isEqualTo(unit);
            assertThat(JmhRunFiles.texts(runDir, "jmh").get(0)).contains("| JMH | 1.37 |", "| label | committed |",
                "tblog jmh tiny-results.json", "not recorded");
            assertThat(JmhRunFiles.tags(runDir)).noneMatch(t -> t.startsWith("warmup/"));
        }
    }

    @Test
    void shouldReadOlderJmhLabelsAndTheStringsJmhWritesForNaNAndInfinity() throws IOException {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
            [ { "jmhVersion" : "1.21", "benchmark" : "a.B.c", "mode" : "avgt", "threads" : 1, "forks" : 2,
                "jvm" : "java", "jvmArgs" : [ ], "jdkVersion" : "1.8.0", "vmName" : "HotSpot", "vmVersion" : "25.1",
                "warmupIterations" : 1, "warmupTime" : "1 s", "measurementIterations" : 1, "measurementTime" : "1 s",
                "primaryMetric" : { "score" : 2.5, "scoreError" : "NaN", "scoreUnit" : "ns/op",
                                    "rawData" : [ [ 2.0 ], [ 3.0 ] ] },
                "secondaryMetrics" : { "\u00b7gc.alloc.rate.norm" : { "score" : "+INF", "scoreError" : "NaN",
                                       "scoreUnit" : "B/op", "rawData" : [ [ "+INF" ], [ 1.0 ] ] } } } ]
            """);
        assertThat(run("jmh", file.toString(), "--logdir", dir.resolve("tb").toString())).as(err()).isZero();
        Path runDir = dir.resolve("tb").resolve("a.B.c").resolve("avgt");
        assertThat(JmhRunFiles.scalars(runDir, "measurement/score (ns/op)"))
            .containsExactly(Map.entry(1L, 2f), Map.entry(2L, 3f));
        assertThat(JmhRunFiles.scalars(runDir, "measurement/gc.alloc.rate.norm (B/op)"))
            .as("the old label without its dot, one chart with newer runs; infinity is not a point")
            .containsExactly(Map.entry(2L, 1f));
        assertThat(JmhRunFiles.scalars(runDir, "result/error").get(2L)).isNaN();
        assertThat(JmhRunFiles.texts(runDir, "jmh").get(0)).contains("| gc.alloc.rate.norm | Infinity | – | B/op |");
    }

    @Test
    void shouldWriteNothingWhenTheRunsAreAlreadyThereAndTakeAnotherLabel() {
        assertThat(run("jmh", TINY_RESULTS.toString(), "--logdir", dir.toString())).isZero();
        assertThat(run("jmh", TINY_RESULTS.toString(), "--logdir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("nothing written", "already hold events", "--label");
        assertThat(run("jmh", TINY_RESULTS.toString(), "--logdir", dir.toString(), "--label", "again")).isZero();
        assertThat(err()).as("the same suite: the sweep in the log folder is found, no warning").isEmpty();
    }

    @Test
    void shouldRefuseTwoFilesThatHoldTheSameResult() throws IOException {
        Path copy = Files.copy(TINY_RESULTS, dir.resolve("copy.json"));
        assertThat(run("jmh", TINY_RESULTS.toString(), copy.toString(), "--logdir", dir.resolve("tb").toString()))
            .isEqualTo(1);
        assertThat(err()).contains("is in " + TINY_RESULTS, "copy.json", "own --label");
        assertThat(dir.resolve("tb")).doesNotExist();
    }

    @Test
    void shouldRefuseAFileThatIsNotJmhJsonNamingTheFileTheResultAndTheField() throws IOException {
        Path notJson = Files.writeString(dir.resolve("a.json"), "Benchmark  Mode  Cnt  Score");
        assertThat(run("jmh", notJson.toString(), "--logdir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("a.json is not JSON");
        Path object = Files.writeString(dir.resolve("b.json"), "{\"benchmark\": \"x\"}");
        assertThat(run("jmh", object.toString(), "--logdir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("b.json is not a JMH JSON result file");
        Path noMetric = Files.writeString(dir.resolve("c.json"), "[{\"benchmark\": \"x.Y.z\", \"mode\": \"avgt\"}]");
        assertThat(run("jmh", noMetric.toString(), "--logdir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("c.json, result 1", "primaryMetric");
        assertThat(run("jmh", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err()).contains("no such file");
        assertThat(run("jmh", TINY_RESULTS.toString(), "--label", "a/b")).isEqualTo(2);
        assertThat(err()).contains("label");
        assertThat(run("jmh")).isEqualTo(2);
    }
}
