package dev.tblog.jmhruns;

import dev.tblog.Domain;
import dev.tblog.Sweep;
import dev.tblog.jmhruns.IterationScores.Phase;
import dev.tblog.proto.HistogramProto;
import dev.tblog.proto.hparams.SessionStartInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrialWriterTest {
    private static final TrialKey KEY = new TrialKey("a.Tiny.sampled", "sample", Map.of("size", "8"));
    private static final TrialSettings SETTINGS = new TrialSettings("1.37", "/usr/bin/java", "17.0.15",
        "OpenJDK 64-Bit Server VM", "17.0.15+6", List.of("-Xmx64m"), 1, 2, 2, "40 ms", 3, "40 ms");

    @TempDir
    Path logdir;

    private final List<String> warnings = new ArrayList<>();

    private static IterationScores it(Phase phase, int fork, int iteration, double score) {
        return new IterationScores(phase, fork, iteration, new Score(score, "us/op"),
            Map.of("gc.alloc.rate.norm", new Score(80 + iteration, "B/op"), "text", new Score(Double.NaN, "")), null);
    }

    private Path runDir() {
        return RunLayout.runDir(logdir, null, KEY);
    }

    @Test
    void shouldLogEachIterationAtAStepThatContinuesAcrossForksWarmupAndMeasurementApart() {
        for (int fork = 0; fork < 2; fork++) {
            try (TrialWriter run = TrialWriter.open(runDir())) {
                for (int i = 1; i <= 2; i++) {
                    run.iteration(it(Phase.WARMUP, fork, i, 10 * fork + i), 2);
                }
                for (int i = 1; i <= 3; i++) {
                    run.iteration(it(Phase.MEASUREMENT, fork, i, 100 * fork + i), 3);
                }
            }
        }
        assertThat(JmhRunFiles.scalars(runDir(), "warmup/score (us/op)"))
            .containsExactly(Map.entry(1L, 1f), Map.entry(2L, 2f), Map.entry(3L, 11f), Map.entry(4L, 12f));
        assertThat(JmhRunFiles.scalars(runDir(), "measurement/score (us/op)")).containsExactly(Map.entry(1L, 1f),
            Map.entry(2L, 2f), Map.entry(3L, 3f), Map.entry(4L, 101f), Map.entry(5L, 102f), Map.entry(6L, 103f));
        assertThat(JmhRunFiles.scalars(runDir(), "measurement/gc.alloc.rate.norm (B/op)")).containsEntry(6L, 83f);
        assertThat(JmhRunFiles.tags(runDir())).as("a secondary result that is not a number is not a curve")
            .noneMatch(t -> t.contains("text"));
    }

    @Test
    void shouldLogTheSamplesOfASampleTimeIterationAsAnExactHistogram() {
        Distribution samples = Distribution.of(new double[] {0.04, 0.03, 2.5}, new long[] {20, 1000, 1});
        try (TrialWriter run = TrialWriter.open(runDir())) {
            run.iteration(new IterationScores(Phase.MEASUREMENT, 1, 2, new Score(0.05, "us/op"), Map.of(), samples), 3);
        }
        HistogramProto h = JmhRunFiles.histograms(runDir(), "measurement/distribution (us/op)").get(5L);
        assertThat(h.getBucketLimitList()).containsExactly(0.03, 0.04, 2.5);
        assertThat(h.getBucketList()).containsExactly(1000.0, 20.0, 1.0);
        assertThat(h.getMin()).isEqualTo(0.03);
        assertThat(h.getMax()).isEqualTo(2.5);
        assertThat(h.getNum()).isEqualTo(1021.0);
        assertThat(h.getSum()).isCloseTo(0.03 * 1000 + 0.04 * 20 + 2.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(h.getSumSquares()).isCloseTo(0.0009 * 1000 + 0.0016 * 20 + 6.25, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldWriteTheRowWithScoreAndErrorAndTheSummaryAtTheRunsLastStep() {
        SuiteSweep sweep = SuiteSweep.builder().benchmark(KEY.benchmark(), Map.of("size", List.of("8", "64"))).build();
        sweep.declare(logdir, null, warnings::add);
        try (TrialWriter run = TrialWriter.open(runDir())) {
            run.iteration(it(Phase.MEASUREMENT, 0, 1, 5), 2);
            run.iteration(it(Phase.MEASUREMENT, 0, 2, 6), 2);
            run.results(KEY, new Estimate(5.5, 0.25, "us/op"), Map.of("gc.alloc.rate.norm", new Estimate(81.5, 0.5, "B/op")),
                SETTINGS, "box · Linux", "before", "a test", sweep, warnings::add);
        }
        assertThat(warnings).isEmpty();
        SessionStartInfo session = JmhRunFiles.session(runDir());
        assertThat(session.getHparamsMap().get("size").getNumberValue()).isEqualTo(8.0);
        assertThat(session.getHparamsMap().get("jmh:benchmark").getStringValue()).isEqualTo("a.Tiny.sampled");
        assertThat(session.getHparamsMap().get("jmh:mode").getStringValue()).isEqualTo("sample");
        assertThat(session.getHparamsMap().get("jmh:unit").getStringValue()).isEqualTo("us/op");
        assertThat(JmhRunFiles.scalars(runDir(), SuiteSweep.SCORE)).containsExactly(Map.entry(2L, 5.5f));
        assertThat(JmhRunFiles.scalars(runDir(), SuiteSweep.ERROR)).containsExactly(Map.entry(2L, 0.25f));
        String summary = JmhRunFiles.texts(runDir(), JmhTags.SUMMARY).get(0);
        assertThat(summary).contains("**a.Tiny.sampled** · sample · size=8", "| score | 5.5 | 0.25 | us/op |",
            "| gc.alloc.rate.norm | 81.5 | 0.5 | B/op |", "| JMH | 1.37 |", "`-Xmx64m`", "| machine | box · Linux |",
            "| label | before |", "| forks | 2 |", "| measurement | 3 × 40 ms |");
    }

    @Test
    void shouldLogScoreAndErrorAsScalarsWhenTheFoldersSweepRefusesTheRow() {
        Sweep.in(logdir).hparam("learning_rate", Domain.interval(0, 1)).metric("accuracy").declare();
        SuiteSweep sweep = SuiteSweep.builder().benchmark(KEY.benchmark(), Map.of("size", List.of("8"))).build();
        sweep.declare(logdir, null, warnings::add);
        try (TrialWriter run = TrialWriter.open(runDir())) {
            run.iteration(it(Phase.MEASUREMENT, 0, 1, 5), 1);
            run.results(KEY, new Estimate(5, Double.NaN, "us/op"), Map.of(), SETTINGS, null, null, "a test", sweep,
                warnings::add);
        }
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).contains("refused").contains(KEY.benchmark());
        assertThat(JmhRunFiles.scalars(runDir(), SuiteSweep.SCORE)).containsExactly(Map.entry(1L, 5f));
        assertThat(JmhRunFiles.scalars(runDir(), SuiteSweep.ERROR).get(1L)).isNaN();
        assertThat(JmhRunFiles.texts(runDir(), JmhTags.SUMMARY).get(0)).contains("not recorded");
    }
}
