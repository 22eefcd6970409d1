package dev.tblog.jmhruns;

import dev.tblog.jmhruns.IterationScores.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IterationChannelTest {
    @TempDir
    Path dir;

    private static IterationScores sampled(int iteration) {
        return new IterationScores(Phase.WARMUP, 0, iteration, new Score(0.1 + iteration / 3.0, "us/op"),
            Map.of("gc.alloc.rate.norm", new Score(80.00000000000001, "B/op"), "p0.99", new Score(Double.NaN, "us/op"),
                "odd\tlabel", new Score(-0.0, "x\ny")),
            Distribution.of(new double[] {0.03, 0.04, 12.5}, new long[] {1000, 20, 1}));
    }

    @Test
    void shouldReadBackEveryIterationBitForBitAsIterationsOfTheGivenFork() throws IOException {
        Path file = dir.resolve("channel");
        try (IterationChannel.Writer writer = new IterationChannel.Writer(file)) {
            writer.write(sampled(1));
            writer.write(sampled(2));
            writer.write(new IterationScores(Phase.WARMUP, 0, 3, new Score(17.25, "ops/us"), Map.of(), null));
        }
        List<IterationScores> read = IterationChannel.read(file, 4);
        assertThat(read).hasSize(3);
        IterationScores first = read.get(0);
        assertThat(first.fork()).isEqualTo(4);
        assertThat(first.iteration()).isEqualTo(1);
        assertThat(first.phase()).isEqualTo(Phase.WARMUP);
        assertThat(first.primary()).isEqualTo(new Score(0.1 + 1 / 3.0, "us/op"));
        assertThat(first.secondaries().get("gc.alloc.rate.norm")).isEqualTo(new Score(80.00000000000001, "B/op"));
        assertThat(first.secondaries().get("p0.99").value()).isNaN();
        assertThat(first.secondaries()).containsKey("odd label");
        assertThat(Double.doubleToRawLongBits(first.secondaries().get("odd label").value()))
            .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(first.secondaries().get("odd label").unit()).isEqualTo("x y");
        assertThat(first.samples()).contains(Distribution.of(new double[] {0.03, 0.04, 12.5}, new long[] {1000, 20, 1}));
        assertThat(read.get(2).samples()).isEmpty();
        assertThat(read.get(2).primary()).isEqualTo(new Score(17.25, "ops/us"));
    }

    @Test
    void shouldLeaveOutARecordCutShortByAKilledFork() throws IOException {
        Path file = dir.resolve("channel");
        try (IterationChannel.Writer writer = new IterationChannel.Writer(file)) {
            writer.write(sampled(1));
        }
        Files.writeString(file, "iteration\tWARMUP\t2\nprimary\t1.5\tus/op\n", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        assertThat(IterationChannel.read(file, 0)).extracting(IterationScores::iteration).containsExactly(1);
    }

    @Test
    void shouldAppendToWhatIsThereSoThatEachIterationCanOpenItAgain() throws IOException {
        Path file = dir.resolve("channel");
        for (int i = 1; i <= 2; i++) {
            try (IterationChannel.Writer writer = new IterationChannel.Writer(file)) {
                writer.write(sampled(i));
            }
        }
        assertThat(IterationChannel.read(file, 0)).extracting(IterationScores::iteration).containsExactly(1, 2);
    }

    @Test
    void shouldRefuseAFileThatIsNotAChannelNamingTheLine() throws IOException {
        Path file = dir.resolve("channel");
        Files.writeString(file, "iteration\tWARMUP\t1\nprimary\tfast\tus/op\nend\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> IterationChannel.read(file, 0)).isInstanceOf(IOException.class)
            .hasMessageContaining(":2:").hasMessageContaining("fast");
        Files.writeString(file, "end\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> IterationChannel.read(file, 0)).isInstanceOf(IOException.class);
    }
}
