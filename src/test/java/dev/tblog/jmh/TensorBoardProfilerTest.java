package dev.tblog.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.cli.CliRun;
import dev.tblog.jmhruns.JmhRunFiles;
import dev.tblog.proto.HistogramProto;
import dev.tblog.read.LogInspector;
import dev.tblog.read.RunReport;
import dev.tblog.read.TagSummary;
import dev.tblog.tensorboard.TensorBoardBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The proof of issue 17: {@link TinyBenchmark} run by JMH's Runner, forked (2 forks of each
 * SampleTime combination, 1 of each Throughput one; {@code -prof gc} listed before the profiler),
 * then the log folder read with tblog's reader and the generated protobuf classes, and with
 * TensorBoard's own backend (those tests skip, saying why, where it cannot be had). The converter
 * writes the committed JSON result file of the same benchmark into the same folder under the
 * label {@code committed}: the same runs, the same tags but warm-up, the same sweep.
 */
class TensorBoardProfilerTest {
    private static final String SAMPLED = "dev.tblog.jmh.TinyBenchmark.sampled";
    private static final String THROUGHPUT = "dev.tblog.jmh.TinyBenchmark.throughput";
    private static final List<String> RUNS = List.of(SAMPLED + "/sample,op=sum,size=64", SAMPLED + "/sample,op=sum,size=8",
        THROUGHPUT + "/thrpt,op=sum,size=64", THROUGHPUT + "/thrpt,op=sum,size=8");

    /** JMH's JSON result of this benchmark from an earlier run, committed. */
    private static final Path COMMITTED = Path.of("src", "test", "resources", "jmh", "tiny-results.json");

    @TempDir
    static Path logdir;

    /** JMH's own results, by run name. */
    private static final Map<String, RunResult> jmh = new TreeMap<>();
    private static String jmhOutput;
    private static String stderr;
    private static String converterErrors;
    private static TensorBoardBackend tensorBoard;

    @BeforeAll
    static void runTheBenchmarkWithTheProfilerThenConvertTheCommittedResults() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            Runner runner = new Runner(new OptionsBuilder()
                .include(TinyBenchmark.class.getName())
                .addProfiler("gc")
                .addProfiler(TensorBoardProfiler.class, "logdir=" + logdir)
                .shouldFailOnError(true)
                .build(), OutputFormatFactory.createFormatInstance(new PrintStream(output, true, StandardCharsets.UTF_8),
                VerboseMode.NORMAL));
            for (RunResult r : runner.run()) {
                String run = r.getParams().getBenchmark() + "/" + r.getParams().getMode().shortLabel() + ",op="
                    + r.getParams().getParam("op") + ",size=" + r.getParams().getParam("size");
                jmh.put(run, r);
            }
        } finally {
            System.setErr(err);
            jmhOutput = output.toString(StandardCharsets.UTF_8);
            stderr = errors.toString(StandardCharsets.UTF_8);
        }
        CliRun converter = CliRun.of("jmh", COMMITTED.toString(), "--logdir", logdir.toString(), "--label", "committed");
        assertThat(converter.status()).as("converter: %s", converter.err()).isZero();
        converterErrors = converter.err();
    }

    @AfterAll
    static void stopTensorBoard() {
        if (tensorBoard != null) {
            tensorBoard.close();
        }
    }

    /** TensorBoard over the folder, started by the first test that needs it; skips the test where it cannot be had. */
    private static TensorBoardBackend tensorBoard() {
        if (tensorBoard == null) {
            tensorBoard = TensorBoardBackend.start(logdir);
        }
        return tensorBoard;
    }

    private static Map<String, RunReport> reports() throws Exception {
        Map<String, RunReport> reports = new TreeMap<>();
        List<RunReport> runs = LogInspector.inspect(logdir);
        assertThat(LogInspector.sound(runs)).as("every record of every file sound").isTrue();
        runs.forEach(r -> reports.put(r.name(), r));
        return reports;
    }

    private static List<IterationResult> iterations(RunResult r) {
        List<IterationResult> all = new ArrayList<>();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            all.addAll(fork.getIterationResults());
        }
        return all;
    }

    private static String unit(RunResult r) {
        return r.getPrimaryResult().getScoreUnit();
    }

    @Test
    void shouldRunJmhForkedWithTheProfilerAndWarnAboutNothing() {
        assertThat(jmh).containsOnlyKeys(RUNS);
        assertThat(jmhOutput).contains("# Fork: 2 of 2", "# Preparing profilers: TensorBoardProfiler");
        assertThat(stderr + jmhOutput).doesNotContain("tblog:");
        assertThat(converterErrors).as("the converter found the same sweep in the folder").isEmpty();
    }

    @Test
    void shouldWriteOneRunPerParameterCombinationWithAnEventFilePerFork() throws Exception {
        Map<String, RunReport> reports = reports();
        List<String> expected = new ArrayList<>(List.of("."));
        expected.addAll(RUNS);
        RUNS.forEach(run -> expected.add("committed/" + run));
        assertThat(reports).containsOnlyKeys(expected);
        for (String run : RUNS) {
            assertThat(reports.get(run).files()).as(run).hasSize(jmh.get(run).getParams().getForks());
        }
        assertThat(jmh.get(RUNS.get(0)).getParams().getForks()).isEqualTo(2);
    }

    @Test
    void shouldLogEveryMeasuredIterationAsJmhMeasuredItWithTheForksOneAfterTheOther() {
        for (String run : RUNS) {
            RunResult r = jmh.get(run);
            Map<Long, Float> expected = new LinkedHashMap<>();
            long step = 1;
            for (IterationResult it : iterations(r)) {
                expected.put(step++, (float) it.getPrimaryResult().getScore());
            }
            assertThat(JmhRunFiles.scalars(logdir.resolve(run), "measurement/score (" + unit(r) + ")"))
                .as(run).containsExactlyEntriesOf(expected);
            int warmups = r.getParams().getWarmup().getCount() * r.getParams().getForks();
            assertThat(JmhRunFiles.scalars(logdir.resolve(run), "warmup/score (" + unit(r) + ")").keySet())
                .as("%s: every warm-up iteration of every fork", run)
                .containsExactlyElementsOf(new TreeSet<>(java.util.stream.LongStream.rangeClosed(1, warmups).boxed().toList()));
        }
    }

    @Test
    void shouldLogTheAllocationPerOperationThatGcReportsForWarmupAndMeasurement() {
        Map<Integer, Float> firstIteration = new HashMap<>();
        for (int size : new int[] {8, 64}) {
            String run = SAMPLED + "/sample,op=sum,size=" + size;
            Map<Long, Float> logged = JmhRunFiles.scalars(logdir.resolve(run), "measurement/gc.alloc.rate.norm (B/op)");
            List<IterationResult> iterations = iterations(jmh.get(run));
            assertThat(logged).hasSize(iterations.size());
            for (int i = 0; i < iterations.size(); i++) {
                assertThat(logged.get(i + 1L)).as("%s, iteration %d", run, i + 1)
                    .isEqualTo((float) iterations.get(i).getSecondaryResults().get("gc.alloc.rate.norm").getScore());
            }
            firstIteration.put(size, logged.get(1L));
            assertThat(JmhRunFiles.scalars(logdir.resolve(run), "warmup/gc.alloc.rate.norm (B/op)"))
                .as("-prof gc is stopped after this profiler, yet its warm-up results are there").hasSize(4);
        }
        // A copy of long[size] per operation: 8 bytes more per element, 448 bytes from 8 to 64.
        assertThat(firstIteration.get(64) - firstIteration.get(8)).isCloseTo(448f, within(100f));
    }

    @Test
    void shouldLogTheSamplesOfEachSampleTimeIterationAsAHistogram() {
        for (String run : RUNS.subList(0, 2)) {
            RunResult r = jmh.get(run);
            Map<Long, HistogramProto> histograms = JmhRunFiles.histograms(logdir.resolve(run),
                "measurement/distribution (" + unit(r) + ")");
            long step = 1;
            for (IterationResult it : iterations(r)) {
                HistogramProto h = histograms.get(step++);
                assertThat(h.getNum()).isEqualTo((double) it.getPrimaryResult().getSampleCount());
                assertThat(h.getMin()).isEqualTo(it.getPrimaryResult().getStatistics().getMin());
                assertThat(h.getMax()).isEqualTo(it.getPrimaryResult().getStatistics().getMax());
            }
        }
    }

    @Test
    void shouldWriteTheScoreAndErrorJmhReportsAndTheParametersAsTheRunsHparams() {
        for (String run : RUNS) {
            RunResult r = jmh.get(run);
            Path dir = logdir.resolve(run);
            assertThat(JmhRunFiles.scalars(dir, "result/score").values()).containsExactly((float) r.getPrimaryResult().getScore());
            assertThat(JmhRunFiles.scalars(dir, "result/error").values())
                .containsExactly((float) r.getPrimaryResult().getScoreError());
            var hparams = JmhRunFiles.session(dir).getHparamsMap();
            assertThat(hparams.get("size").getNumberValue()).isEqualTo(Double.parseDouble(r.getParams().getParam("size")));
            assertThat(hparams.get("jmh:benchmark").getStringValue()).isEqualTo(r.getParams().getBenchmark());
            assertThat(hparams.get("jmh:unit").getStringValue()).isEqualTo(unit(r));
            assertThat(JmhRunFiles.texts(dir, "jmh").get(0)).contains("| JMH | 1.37 |", "| forks | "
                + r.getParams().getForks() + " |", "`-Xmx64m -Xss512k`", "tblog's TensorBoardProfiler", " CPUs");
        }
    }

    /**
     * -prof gc reports {@code gc.time} only for iterations in which a collection ran, so a run here
     * and the committed file may differ by it (this machine's load decides); every other tag is fixed.
     */
    private static final String GC_TIME = "measurement/gc.time ";

    @Test
    void shouldGiveTheSameRunsAndTagsFromTheConverterOnTheCommittedResultFile() throws Exception {
        Map<String, RunReport> reports = reports();
        for (String run : RUNS) {
            TreeSet<String> profiler = new TreeSet<>(reports.get(run).tags().keySet());
            profiler.removeIf(t -> t.startsWith("warmup/") || t.startsWith(GC_TIME));
            TreeSet<String> committed = new TreeSet<>(reports.get("committed/" + run).tags().keySet());
            committed.removeIf(t -> t.startsWith(GC_TIME));
            assertThat(committed).as(run).isEqualTo(profiler);
            TagSummary score = reports.get("committed/" + run).tags().get("measurement/score (" + unit(jmh.get(run)) + ")");
            assertThat(score.lastStep()).isEqualTo(reports.get(run).tags().get(score.tag()).lastStep());
        }
    }

    // ---- through TensorBoard ----

    @Test
    void shouldShowEveryRunAndItsIterationCurvesInScalars() {
        JsonNode runs = tensorBoard().get("/data/runs");
        List<String> names = new ArrayList<>();
        runs.forEach(n -> names.add(n.asText()));
        assertThat(names).containsAll(RUNS).contains(".", "committed/" + RUNS.get(0));
        JsonNode tags = tensorBoard().get("/data/plugin/scalars/tags");
        for (String run : RUNS) {
            String unit = unit(jmh.get(run));
            List<String> runTags = new ArrayList<>();
            tags.get(run).fieldNames().forEachRemaining(runTags::add);
            assertThat(runTags).contains("measurement/score (" + unit + ")", "warmup/score (" + unit + ")",
                "measurement/gc.alloc.rate.norm (B/op)", "result/score", "result/error");
            JsonNode points = tensorBoard().get("/data/plugin/scalars/scalars", "run", run, "tag",
                "measurement/score (" + unit + ")");
            List<IterationResult> iterations = iterations(jmh.get(run));
            assertThat(points).hasSize(iterations.size());
            for (int i = 0; i < iterations.size(); i++) {
                assertThat(points.get(i).get(1).asLong()).isEqualTo(i + 1);
                assertThat(TensorBoardBackend.number(points.get(i).get(2)))
                    .isEqualTo((float) iterations.get(i).getPrimaryResult().getScore());
            }
        }
    }

    @Test
    void shouldShowTheParametersWithTheirDomainsAndOnlyScoreAndErrorInHparams() {
        JsonNode experiment = tensorBoard().post("/data/plugin/hparams/experiment", Map.of("experimentName", ""));
        Map<String, JsonNode> infos = new HashMap<>();
        experiment.get("hparamInfos").forEach(i -> infos.put(i.get("name").asText(), i));
        assertThat(infos).containsOnlyKeys("jmh:benchmark", "jmh:mode", "jmh:unit", "op", "size");
        List<Double> sizes = new ArrayList<>();
        infos.get("size").get("domainDiscrete").forEach(v -> sizes.add(v.asDouble()));
        assertThat(sizes).containsExactly(8.0, 64.0);
        List<String> benchmarks = new ArrayList<>();
        infos.get("jmh:benchmark").get("domainDiscrete").forEach(v -> benchmarks.add(v.asText()));
        assertThat(benchmarks).containsExactly(SAMPLED, THROUGHPUT);
        List<String> metrics = new ArrayList<>();
        experiment.get("metricInfos").forEach(m -> metrics.add(m.get("name").get("tag").asText()));
        assertThat(metrics).containsExactly("result/score", "result/error");

        JsonNode answer = tensorBoard().post("/data/plugin/hparams/session_groups", Map.of("experimentName", "",
            "allowedStatuses", List.of("STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"),
            "colParams", List.of(), "startIndex", 0, "sliceSize", 100));
        Map<String, JsonNode> groups = new HashMap<>();
        answer.get("sessionGroups").forEach(g -> groups.put(g.get("name").asText(), g));
        assertThat(groups).hasSize(2 * RUNS.size()).containsKeys(RUNS.toArray(String[]::new));
        for (String run : RUNS) {
            RunResult r = jmh.get(run);
            JsonNode group = groups.get(run);
            assertThat(group.get("hparams").get("size").asDouble()).isEqualTo(Double.parseDouble(r.getParams().getParam("size")));
            assertThat(group.get("hparams").get("jmh:mode").asText()).isEqualTo(r.getParams().getMode().shortLabel());
            Map<String, Double> values = new HashMap<>();
            group.get("metricValues").forEach(m -> values.put(m.get("name").get("tag").asText(),
                TensorBoardBackend.number(m.get("value"))));
            assertThat(values).containsOnlyKeys("result/score", "result/error");
            assertThat(values.get("result/score")).isEqualTo((float) r.getPrimaryResult().getScore());
        }
    }

    @Test
    void shouldShowTheSamplesInHistogramsAndTheSummaryInText() {
        String run = RUNS.get(1);
        JsonNode histograms = tensorBoard().get("/data/plugin/histograms/histograms", "run", run, "tag",
            "measurement/distribution (" + unit(jmh.get(run)) + ")");
        List<IterationResult> iterations = iterations(jmh.get(run));
        assertThat(histograms).hasSize(iterations.size());
        for (int i = 0; i < iterations.size(); i++) {
            double count = 0;
            for (JsonNode bucket : histograms.get(i).get(2)) {
                count += TensorBoardBackend.number(bucket.get(2));
            }
            assertThat(count).isCloseTo(iterations.get(i).getPrimaryResult().getSampleCount(), within(1e-6));
        }
        JsonNode text = tensorBoard().get("/data/plugin/text/text", "run", run, "tag", "jmh/text_summary");
        assertThat(text.get(0).get("text").asText()).contains("<strong>" + SAMPLED + "</strong>", "<td>1.37</td>",
            "TensorBoardProfiler");
    }
}
