package dev.tblog.hadoop;

import com.google.protobuf.TextFormat;
import dev.tblog.Domain;
import dev.tblog.Embedding;
import dev.tblog.Logger;
import dev.tblog.Sweep;
import dev.tblog.proto.Event;
import dev.tblog.proto.projector.ProjectorConfig;
import dev.tblog.read.LogInspector;
import dev.tblog.sink.HadoopStorage;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The object-store path, proven on a local Hadoop file system that shows a file only once it is
 * closed, cannot hflush and refuses append ({@link VisibleOnCloseFileSystem}), as S3 through
 * {@code s3a://} does: readers see whole segments only, {@code flush()} publishes every event
 * before it, {@code file.maxAgeMillis} publishes while nothing is logged, size rotation makes
 * complete objects, names sort in write order, and the sweep file goes through the same seam.
 */
class ObjectStoreSegmentsTest {
    @TempDir
    Path root;
    private HadoopStorage store;

    @BeforeEach
    void openStore() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", VisibleOnCloseFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        store = HadoopStorage.of(URI.create("file:///"), conf);
        assertThat(store.fileSystem()).isInstanceOf(VisibleOnCloseFileSystem.class);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    private Logger logger(String... settings) {
        var builder = Logger.builder().storage(store).logdir(root.toUri())
            .experiment("run").set("shutdownHook.enabled", "false");
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        return builder.build();
    }

    @Test
    void shouldShowOnlyClosedSegmentsAndEveryEventPublishedBeforeFlush() throws Exception {
        try (Logger log = logger()) {
            Path run = log.runDir();
            assertThat(log.runUri().toString()).isEqualTo("file://" + root + "/run");
            for (int i = 0; i < 100; i++) {
                log.addScalar("x", i, i);
            }
            TimeUnit.MILLISECONDS.sleep(200);
            assertThat(HadoopEvents.eventFiles(store, run)).as("the open segment is invisible").isEmpty();

            log.flush();
            List<Path> files = HadoopEvents.eventFiles(store, run);
            assertThat(files).as("flush closed the segment: one complete object").hasSize(1);
            List<Event> first = HadoopEvents.readFile(store, files.get(0));
            assertThat(first.get(0).getFileVersion()).isEqualTo("brain.Event:2");
            assertThat(HadoopEvents.steps(first, "x")).containsExactlyElementsOf(LongStream.range(0, 100).boxed().toList());

            for (int i = 100; i < 150; i++) {
                log.addScalar("x", i, i);
            }
            log.flush();
            log.flush();
            files = HadoopEvents.eventFiles(store, run);
            assertThat(files).as("a second flush with nothing new makes no object").hasSize(2);
            assertThat(files.get(0).getFileName().toString()).isLessThan(files.get(1).getFileName().toString());
            assertThat(HadoopEvents.steps(HadoopEvents.read(store, run), "x"))
                .as("read in name order: write order").containsExactlyElementsOf(LongStream.range(0, 150).boxed().toList());
        }
        assertThat(LogInspector.sound(LogInspector.inspect(store, root))).isTrue();
    }

    @Test
    void shouldPublishASegmentOnceItIsMaxAgeOldWhileNothingIsLogged() throws Exception {
        try (Logger log = logger("file.maxAgeMillis", "300")) {
            for (int i = 0; i < 10; i++) {
                log.addScalar("x", i, i);
            }
            long start = System.nanoTime();
            List<Event> seen = List.of();
            while (seen.isEmpty() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
                TimeUnit.MILLISECONDS.sleep(20);
                seen = HadoopEvents.read(store, log.runDir());
            }
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(HadoopEvents.steps(seen, "x")).as("visible without flush or another call, after %d ms", waitedMillis)
                .containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
            assertThat(waitedMillis).as("not before the age limit").isGreaterThanOrEqualTo(250);
            TimeUnit.MILLISECONDS.sleep(700);
            assertThat(HadoopEvents.eventFiles(store, log.runDir())).as("idle: no more objects").hasSize(1);
        }
    }

    @Test
    void shouldRotateBySizeIntoCompleteObjectsWhoseNamesSortInWriteOrder() throws Exception {
        int n = 20_000;
        try (Logger log = logger("file.maxBytes", "65536", "write.thresholdBytes", "4096")) {
            for (int i = 0; i < n; i++) {
                log.addScalar("x", i, i);
            }
        }
        Path run = root.resolve("run");
        List<Path> files = HadoopEvents.eventFiles(store, run);
        assertThat(files.size()).as("rotated past 64 KiB").isGreaterThan(3);
        long next = 0;
        for (Path file : files) {
            List<Event> events = HadoopEvents.readFile(store, file);
            assertThat(events.get(0).getFileVersion()).as("each object complete from its first record").isNotEmpty();
            for (long step : HadoopEvents.steps(events, "x")) {
                assertThat(step).isEqualTo(next++);
            }
        }
        assertThat(next).as("every event once, in order").isEqualTo(n);
    }

    @Test
    void shouldDeclareTheSweepThroughTheStoreOnceAndCompareLaterDeclarations() {
        Path sweepDir = root.resolve("sweep");
        Sweep.in(store, sweepDir).hparam("lr", Domain.interval(0, 1)).metric("accuracy").declare();
        List<Path> files = HadoopEvents.eventFiles(store, sweepDir);
        assertThat(files).singleElement().satisfies(f ->
            assertThat(f.getFileName().toString()).isEqualTo("events.out.tfevents.0000000000.sweep"));
        assertThat(HadoopEvents.readFile(store, files.get(0))).hasSize(2);
        Sweep.in(store, sweepDir).hparam("lr", Domain.interval(0, 1)).metric("accuracy").declare();
        assertThat(HadoopEvents.eventFiles(store, sweepDir)).as("found, not written again").hasSize(1);
        assertThatThrownBy(() -> Sweep.in(store, sweepDir).hparam("lr", Domain.interval(0, 2)).metric("accuracy").declare())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("file://" + sweepDir);
    }

    @Test
    void shouldWriteEachProjectorFileWholeWithNoTemporaryObjectLeft() throws Exception {
        try (Logger log = logger()) {
            log.addEmbedding("fields", Embedding.of(new float[] {1, 2, 3, 4}, 2, 2).labels(List.of("a", "b")), 0);
            log.addEmbedding("fields", Embedding.of(new float[] {4, 3, 2, 1}, 2, 2).labels(List.of("b", "a")), 1);
        }
        Path projector = root.resolve("run/plugins/org_tensorflow_tensorboard_projector");
        ProjectorConfig.Builder config = ProjectorConfig.newBuilder();
        TextFormat.merge(Files.readString(projector.resolve("projector_config.pbtxt")), config);
        assertThat(config.getEmbeddingsList()).hasSize(2).allSatisfy(e -> {
            assertThat(projector.resolve(e.getTensorPath())).hasSize(2 * 2 * Float.BYTES);
            assertThat(projector.resolve(e.getMetadataPath())).exists();
        });
        try (Stream<Path> files = Files.walk(projector)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary object left")
                .noneMatch(name -> name.contains(".tmp."));
        }
    }
}
