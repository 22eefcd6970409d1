package dev.tblog.cli;

import dev.tblog.SimpleLeakDetection;
import dev.tblog.config.TblogConfig;
import dev.tblog.stress.EventMix;
import dev.tblog.stress.StressReport;
import dev.tblog.stress.StressRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SimpleLeakDetection.class)
class StressCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.standard().run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldDropWithATinyRingAndAddUpTheCountsExactly() throws Exception {
        TblogConfig config = TblogConfig.defaults().with(Map.of("ring.size", "64", "overflow.policy", "drop"));
        StressReport report = new StressRun(config, dir, 4, 1, EventMix.parse("scalar=95,text=5")).run();
        assertThat(report.stats().dropped()).isPositive();
        assertThat(report.stats().written()).isPositive();
        assertThat(report.stats().published())
            .isEqualTo(report.stats().written() + report.stats().dropped() + report.stats().lost());
        assertThat(report.countsAddUp()).isTrue();
        assertThat(report.latencyNanos().getTotalCount()).isEqualTo(report.stats().published());
    }

    @Test
    void shouldLoseNothingUnderBlock() throws Exception {
        StressReport report = new StressRun(TblogConfig.defaults(), dir, 2, 1, EventMix.parse("scalar=1")).run();
        assertThat(report.stats().dropped()).isZero();
        assertThat(report.stats().written()).isEqualTo(report.stats().published()).isPositive();
    }

    @Test
    void shouldPrintEveryFigureAndExitZero() throws Exception {
        Path config = dir.resolve("small.properties");
        Files.writeString(config, "ring.size=1024\n");
        int status = run("stress", "--config", config.toString(), "--producers", "2", "--seconds", "1",
            "--policy", "drop", "--logdir", dir.resolve("logs").toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("events/s", "bytes/s", "p50", "p99", "p99.9", "max",
            "dropped", "peak heap", "ring.size=1024", "overflow.policy=drop", "counts      add up");
    }

    @Test
    void shouldTreatBadArgumentsAsUsageErrors() {
        assertThat(run("stress", "--producers", "0")).isEqualTo(2);
        assertThat(run("stress", "--mix", "scalar=1,video=2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown event kind 'video'");
        assertThat(run("stress", "--policy", "sometimes")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("overflow.policy").contains("'sometimes'");
        assertThat(run("stress", "--config", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(run("stress", "extra")).isEqualTo(2);
    }

    @Test
    void shouldSpreadTheKindsOfAMixEvenly() {
        EventMix mix = EventMix.parse("scalar=3,text=1");
        long texts = 0;
        for (int i = 0; i < 400; i++) {
            texts += mix.kindOf(i) == EventMix.Kind.TEXT ? 1 : 0;
        }
        assertThat(texts).isEqualTo(100);
        assertThatThrownBy(() -> EventMix.parse("scalar=0")).hasMessageContaining("no positive weight");
        assertThatThrownBy(() -> EventMix.parse("scalar")).hasMessageContaining("kind=weight");
    }
}
