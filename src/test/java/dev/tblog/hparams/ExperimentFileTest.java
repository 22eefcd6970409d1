package dev.tblog.hparams;

import dev.tblog.proto.DataType;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.read.RecordReader;
import dev.tblog.record.RunNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** The sweep's file in the root run: what it holds, written once, found again, refused when different, raced. */
class ExperimentFileTest {
    @TempDir
    Path logdir;

    private static List<Event> events(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        for (byte[] data : RecordReader.readAll(file)) {
            events.add(Event.parseFrom(data));
        }
        return events;
    }

    private List<String> rootFiles() throws IOException {
        try (Stream<Path> files = Files.list(logdir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldWriteAFileVersionThenTheExperimentWithTheNullTensor() throws IOException {
        SweepDeclaration declaration = SweepDeclarationTest.simulation().build();
        assertThat(Sweeps.declare(logdir, declaration)).as("this call wrote it").isTrue();
        assertThat(rootFiles()).containsExactly(RunNames.SWEEP_FILE);
        List<Event> events = events(logdir.resolve(RunNames.SWEEP_FILE));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
        assertThat(events.get(0).getSourceMetadata().getWriter()).isEqualTo("tblog");
        Event experiment = events.get(1);
        assertThat(experiment.getStep()).isZero();
        assertThat(experiment.getWallTime()).isCloseTo(System.currentTimeMillis() / 1000.0,
            offset(60.0));
        assertThat(experiment.getSummary().getValueCount()).isEqualTo(1);
        Summary.Value value = experiment.getSummary().getValue(0);
        assertThat(value.getTag()).isEqualTo("_hparams_/experiment");
        assertThat(value.getMetadata().getPluginData().getPluginName()).isEqualTo("hparams");
        assertThat(value.getMetadata().getPluginData().getContent().toByteArray()).isEqualTo(declaration.content());
        assertThat(value.getTensor().getDtype()).isEqualTo(DataType.DT_FLOAT);
        assertThat(value.getTensor().getTensorShape().getDimList()).singleElement()
            .satisfies(dim -> assertThat(dim.getSize()).isZero());
    }

    @Test
    void shouldFindTheSameDeclarationAndLeaveTheFileAsItWas() throws IOException {
        Sweeps.declare(logdir, SweepDeclarationTest.simulation().build());
        byte[] before = Files.readAllBytes(logdir.resolve(RunNames.SWEEP_FILE));
        assertThat(Sweeps.declare(logdir, SweepDeclarationTest.simulation().build())).as("found, not written").isFalse();
        assertThat(Files.readAllBytes(logdir.resolve(RunNames.SWEEP_FILE))).isEqualTo(before);
        assertThat(rootFiles()).containsExactly(RunNames.SWEEP_FILE);
    }

    @Test
    void shouldRefuseADifferentDeclarationSayingWhatDiffers() throws IOException {
        Sweeps.declare(logdir, SweepDeclarationTest.simulation().build());
        byte[] before = Files.readAllBytes(logdir.resolve(RunNames.SWEEP_FILE));
        SweepDeclaration other = SweepDeclaration.builder()
            .hparam("solver", HParamDomain.strings(List.of("EULER", "RK4")), "Solver", "")
            .hparam("learning_rate", HParamDomain.interval(1e-3, 1.0), "Learning rate", "Step size")
            .hparam("momentum", HParamDomain.interval(0, 1), "", "")
            .metric("accuracy", "Accuracy", "Share recognized")
            .metric("error", "", "")
            .build();
        assertThatThrownBy(() -> Sweeps.declare(logdir, other)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(logdir.toString())
            .hasMessageContaining("hparam 'learning_rate': FLOAT64 interval [0.001, 1.0] here, FLOAT64 interval [1.0E-4, 1.0] in the folder")
            .hasMessageContaining("hparam 'momentum' only here")
            .hasMessageContaining("hparam 'plastic' only in the folder")
            .hasMessageContaining("metric 'accuracy': display name \"Accuracy\" here, \"Accuracy (test)\" in the folder")
            .hasMessageContaining("metric 'error' only here")
            .hasMessageContaining("metric 'loss' only in the folder");
        assertThat(Files.readAllBytes(logdir.resolve(RunNames.SWEEP_FILE))).isEqualTo(before);
    }

    @Test
    void shouldNameMetricsInAnotherOrderAsTheDifference() {
        Sweeps.declare(logdir, SweepDeclarationTest.simulation().build());
        SweepDeclaration swapped = SweepDeclaration.builder()
            .hparam("solver", HParamDomain.strings(List.of("EULER", "RK4")), "Solver", "")
            .hparam("learning_rate", HParamDomain.interval(1e-4, 1.0), "Learning rate", "Step size")
            .hparam("plastic", HParamDomain.bools(), "", "")
            .metric("loss", "", "")
            .metric("accuracy", "Accuracy (test)", "Share recognized")
            .build();
        assertThatThrownBy(() -> Sweeps.declare(logdir, swapped)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("metric columns in the order ['loss', 'accuracy'] here, ['accuracy', 'loss'] in the folder");
    }

    @ParameterizedTest(name = "hard links: {0}")
    @ValueSource(booleans = {true, false})
    void shouldLeaveExactlyOneExperimentWhenThreadsDeclareAtOnce(boolean hardLinks) throws Exception {
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> wrote = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                wrote.add(pool.submit(() -> {
                    SweepDeclaration mine = SweepDeclarationTest.simulation().build(); // each its own, equal
                    start.await();
                    return Sweeps.declare(logdir, mine, hardLinks, 5_000);
                }));
            }
            int writers = 0;
            for (Future<Boolean> f : wrote) {
                writers += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(writers).as("exactly one thread wrote the file").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rootFiles()).as("one file, no temporary left").containsExactly(RunNames.SWEEP_FILE);
        assertThat(events(logdir.resolve(RunNames.SWEEP_FILE))).hasSize(2);
    }

    @Test
    void shouldWaitForASweepFileAnotherProcessIsStillWriting() throws Exception {
        SweepDeclaration declaration = SweepDeclarationTest.simulation().build();
        byte[] whole = ExperimentFile.fileBytes(declaration.content(), System.currentTimeMillis());
        Path target = logdir.resolve(RunNames.SWEEP_FILE);
        Files.write(target, Arrays.copyOf(whole, whole.length - 3)); // the experiment record not complete yet
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(200);
                Files.write(target, whole);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertThat(Sweeps.declare(logdir, declaration, false, 10_000)).as("found once complete").isFalse();
        writer.join();
    }

    @Test
    void shouldGiveUpOnASweepFileThatNeverHoldsAnExperiment() throws IOException {
        SweepDeclaration declaration = SweepDeclarationTest.simulation().build();
        byte[] whole = ExperimentFile.fileBytes(declaration.content(), System.currentTimeMillis());
        Files.write(logdir.resolve(RunNames.SWEEP_FILE), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> Sweeps.declare(logdir, declaration, true, 200))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(RunNames.SWEEP_FILE)
            .hasMessageContaining("holds no complete experiment after 200 ms")
            .hasMessageContaining("delete it");
    }
}
