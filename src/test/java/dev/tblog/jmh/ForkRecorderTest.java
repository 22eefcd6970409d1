package dev.tblog.jmh;

import dev.tblog.jmhruns.IterationChannel;
import dev.tblog.jmhruns.IterationScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.SampleTimeResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.SampleBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The fork's half, driven as JMH's harness drives it: before, iteration, after, then the profilers after it. */
class ForkRecorderTest {
    private static final IterationParams WARMUP = new IterationParams(IterationType.WARMUP, 2, TimeValue.milliseconds(40), 1);
    private static final IterationParams MEASUREMENT =
        new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.milliseconds(40), 1);

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static IterationResult throughput(IterationParams params, double operations) {
        IterationResult r = new IterationResult(null, params, null);
        r.addResult(new ThroughputResult(ResultRole.PRIMARY, "run", operations, 40_000_000L, TimeUnit.MILLISECONDS));
        return r;
    }

    @Test
    void shouldWriteEachWarmupIterationWithTheResultsOfTheProfilersStoppedAfterIt() throws IOException {
        Path channel = dir.resolve("channel");
        ForkRecorder fork = new ForkRecorder(channel, warnings::add);
        double[] operations = {400, 800};
        for (int i = 0; i < 2; i++) {
            fork.beforeIteration();
            IterationResult r = throughput(WARMUP, operations[i]);
            fork.afterIteration(Mode.Throughput, WARMUP, r);
            // -prof gc listed before this profiler: JMH stops it after this one and adds its result now.
            r.addResult(new ScalarResult("gc.alloc.rate.norm", 16.0 * (i + 1), "B/op", AggregationPolicy.AVG));
            assertThat(Files.exists(channel) ? IterationChannel.read(channel, 0) : List.of())
                .as("nothing written during or right after iteration %d", i + 1).hasSize(i);
        }
        fork.beforeIteration();
        fork.afterIteration(Mode.Throughput, MEASUREMENT, throughput(MEASUREMENT, 1000));
        fork.beforeIteration();

        List<IterationScores> written = IterationChannel.read(channel, 3);
        assertThat(written).hasSize(2).allMatch(w -> w.phase() == IterationScores.Phase.WARMUP && w.fork() == 3);
        assertThat(written).extracting(IterationScores::iteration).containsExactly(1, 2);
        assertThat(written.get(0).primary().value()).isEqualTo(10.0); // 400 ops in 40 ms
        assertThat(written.get(0).primary().unit()).isEqualTo("ops/ms");
        assertThat(written.get(1).secondaries().get("gc.alloc.rate.norm").value()).isEqualTo(32.0);
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldHandTheSamplesOfASampleTimeIterationOver() throws IOException {
        Path channel = dir.resolve("channel");
        ForkRecorder fork = new ForkRecorder(channel, warnings::add);
        SampleBuffer buffer = new SampleBuffer();
        for (int i = 0; i < 1000; i++) {
            buffer.add(i < 990 ? 40 : 2_000);
        }
        IterationResult r = new IterationResult(null, WARMUP, null);
        r.addResult(new SampleTimeResult(ResultRole.PRIMARY, "run", buffer, TimeUnit.NANOSECONDS));
        fork.beforeIteration();
        fork.afterIteration(Mode.SampleTime, WARMUP, r);
        fork.beforeIteration();
        IterationScores written = IterationChannel.read(channel, 0).get(0);
        assertThat(written.samples()).isPresent();
        assertThat(written.samples().get().samples()).isEqualTo(1000);
        assertThat(written.samples().get().value(0)).isEqualTo(40.0);
        assertThat(written.samples().get().count(0)).isEqualTo(990);
        assertThat(written.secondaries()).containsKey("p0.99");
    }

    @Test
    void shouldDoNothingWithoutAChannelAsInARunThatIsNotForked() {
        ForkRecorder fork = new ForkRecorder(null, warnings::add);
        fork.beforeIteration();
        fork.afterIteration(Mode.Throughput, WARMUP, throughput(WARMUP, 1));
        fork.beforeIteration();
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldWarnAndCarryOnWhenTheChannelCannotBeWritten() {
        ForkRecorder fork = new ForkRecorder(dir.resolve("missing").resolve("channel"), warnings::add);
        fork.beforeIteration();
        fork.afterIteration(Mode.Throughput, WARMUP, throughput(WARMUP, 1));
        fork.beforeIteration();
        assertThat(warnings).singleElement().asString().contains("warm-up iteration 1");
    }
}
