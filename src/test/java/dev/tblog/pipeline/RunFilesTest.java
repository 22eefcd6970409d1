package dev.tblog.pipeline;

import dev.tblog.proto.Event;
import dev.tblog.record.RunNames;
import dev.tblog.sink.EventSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's files: the main file and sub-runs opened on first use, metadata once per tag and file, steps, rotation, close. */
class RunFilesTest {
    private static final Path RUN = Path.of("run");

    private final MemorySinks sinks = new MemorySinks();


    @Test
    void shouldOpenTheMainFileWithItsFileVersionRecordAtOnce() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 65536, 0, false, false);
        assertThat(sinks.sinks).hasSize(1);
        MemorySinks.MemorySink main = sinks.sinks.get(0);
        assertThat(main.dir).isEqualTo(RUN);
        assertThat(RunNames.isEventFile(main.name)).isTrue();
        List<Event> events = main.events();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getFileVersion()).isEqualTo("brain.Event:2");
            assertThat(e.getSourceMetadata().getWriter()).isEqualTo(RunFiles.WRITER_NAME);
        });
        assertThat(runs.bytesWritten()).isEqualTo(main.size());
        assertThat(runs.runDir()).isEqualTo(RUN);
    }

    @Test
    void shouldOpenOneSubRunPerAddScalarsKeyOnFirstUseUnderItsPythonName() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 65536, 0, false, false);
        runs.scalarsMember("Loss/total", "train", 1, 0, 1.0);
        runs.scalarsMember("Loss/total", "train", 2, 0, 2.0);
        runs.scalarsMember("Loss/total", "test", 1, 0, 3.0);
        runs.writeAll();
        assertThat(sinks.in(RUN.resolve("Loss_total_train"))).hasSize(1);
        assertThat(sinks.in(RUN.resolve("Loss_total_test"))).hasSize(1);
        List<Event> train = sinks.in(RUN.resolve("Loss_total_train")).get(0).events();
        assertThat(train.subList(1, 3)).extracting(Event::getStep).containsExactly(1L, 2L);
        assertThat(train.get(1).getSummary().getValue(0).getTag()).isEqualTo("Loss/total");
    }

    @Test
    void shouldWriteMetadataWithTheTagsFirstValueInEachFileOnly() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 65536, 0, false, false);
        byte[] metadata = {0x0a, 0x02, 0x0a, 0x00}; // plugin_data { plugin_name "" }
        runs.writeValue(null, "t", 1, 0, metadata, RunFilesTestBodies.SIMPLE_VALUE_ONE);
        runs.writeValue(null, "t", 2, 0, metadata, RunFilesTestBodies.SIMPLE_VALUE_ONE);
        runs.writeValue("sub", "t", 1, 0, metadata, RunFilesTestBodies.SIMPLE_VALUE_ONE);
        runs.writeAll();
        List<Event> main = sinks.in(RUN).get(0).events();
        assertThat(main.get(1).getSummary().getValue(0).hasMetadata()).isTrue();
        assertThat(main.get(2).getSummary().getValue(0).hasMetadata()).isFalse();
        assertThat(sinks.in(RUN.resolve("sub")).get(0).events().get(1).getSummary().getValue(0).hasMetadata())
            .as("a sub-run is another file").isTrue();
    }

    @Test
    void shouldKnowTheLastStepOfATagAndTheHighestStepOfARun() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 65536, 0, false, false);
        assertThat(runs.maxStep(null)).isEqualTo(Long.MIN_VALUE);
        runs.scalar("a", 7, 0, 1);
        runs.scalar("b", 3, 0, 1);
        runs.writeScalar("trial-0002", "a", 11, 0, 1);
        assertThat(runs.lastStep(null, "a")).isEqualTo(7);
        assertThat(runs.lastStep(null, "never")).isEqualTo(Long.MIN_VALUE);
        assertThat(runs.maxStep(null)).isEqualTo(7);
        assertThat(runs.maxStep("trial-0002")).isEqualTo(11);
        assertThat(runs.maxStep("unknown")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void shouldRotateToANewFileThatStartsWithItsOwnFileVersionAndSyncTheOldOne() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 4096, 65536, true, false);
        for (int i = 0; i < 10_000; i++) {
            runs.scalar("x", i, 0, i);
        }
        runs.writeAll();
        List<MemorySinks.MemorySink> files = sinks.in(RUN);
        assertThat(files.size()).as("rotated past 64 KiB").isGreaterThan(1);
        long steps = 0;
        for (int f = 0; f < files.size(); f++) {
            MemorySinks.MemorySink file = files.get(f);
            List<Event> events = file.events();
            assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
            steps += events.size() - 1;
            if (f < files.size() - 1) {
                assertThat(file.closed).isTrue();
                assertThat(file.forces).isEqualTo(1);
                assertThat(file.size()).isGreaterThanOrEqualTo(65536);
            }
        }
        assertThat(steps).as("every record once").isEqualTo(10_000);
        assertThat(files.get(0).name).isLessThan(files.get(1).name);
    }

    @Test
    void shouldFlushEachFileWrittenInABatchOnceAtItsEndAndNoOtherFile() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 65536, 0, false, true);
        runs.scalarsMember("Loss", "train", 0, 0, 1.0);
        runs.writeAll();
        MemorySinks.MemorySink main = sinks.in(RUN).get(0);
        MemorySinks.MemorySink train = sinks.in(RUN.resolve("Loss_train")).get(0);
        assertThat(main.flushedAfterWrites).as("its first record, written at open").containsExactly(1);
        assertThat(train.flushedAfterWrites).as("its first record and the member").containsExactly(2);
        runs.scalar("x", 1, 0, 1.0);
        runs.scalar("x", 2, 0, 2.0);
        runs.writeAll();
        runs.writeAll();
        assertThat(main.flushedAfterWrites).as("one flush per batch that wrote, after its write").containsExactly(1, 2);
        assertThat(train.flushedAfterWrites).as("nothing new: no flush").containsExactly(2);
    }

    @Test
    void shouldRotateAFileHoldingRecordsOnceItIsOldEnoughButNeverAnIdleOne() throws Exception {
        RunFiles runs = new RunFiles(RUN, sinks, 65536, 0, 100, false, true);
        runs.writeAll();
        Thread.sleep(150);
        runs.writeAll();
        assertThat(sinks.in(RUN)).as("nothing but its first record: an idle logger makes no files").hasSize(1);
        runs.scalar("x", 1, 0, 1.0);
        runs.writeAll();
        assertThat(sinks.in(RUN)).as("old enough and holding a record").hasSize(2);
        MemorySinks.MemorySink first = sinks.in(RUN).get(0);
        MemorySinks.MemorySink second = sinks.in(RUN).get(1);
        assertThat(first.closed).isTrue();
        assertThat(first.events()).hasSize(2);
        assertThat(second.events()).singleElement().satisfies(e -> assertThat(e.getFileVersion()).isNotEmpty());
        runs.scalar("x", 2, 0, 2.0);
        runs.writeAll();
        assertThat(sinks.in(RUN)).as("the new file is young").hasSize(2);
        assertThat(second.events()).hasSize(2);
    }

    @Test
    void shouldPublishFilesOfStorageThatShowsThemOnlyOnceClosedByClosingThemAtFlush() throws Exception {
        sinks.visibleBeforeClose = false;
        RunFiles runs = new RunFiles(RUN, sinks, 65536, 0, false, true);
        runs.publishAll();
        assertThat(sinks.in(RUN)).as("only its first record: nothing to publish").hasSize(1);
        for (int i = 0; i < 3; i++) {
            runs.scalar("x", i, 0, i);
        }
        runs.writeAll();
        assertThat(sinks.in(RUN)).as("the end of a batch publishes nothing").hasSize(1);
        runs.publishAll();
        List<MemorySinks.MemorySink> files = sinks.in(RUN);
        assertThat(files).hasSize(2);
        assertThat(files.get(0).closed).as("closed: complete and visible").isTrue();
        assertThat(files.get(0).events()).hasSize(4);
        assertThat(files.get(1).closed).isFalse();
        assertThat(files.get(0).name).isLessThan(files.get(1).name);
        runs.publishAll();
        assertThat(sinks.in(RUN)).as("nothing new since: no empty file").hasSize(2);
    }

    @Test
    void shouldTryTheNextNameWhenAFileExistsAlready() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        RunFiles runs = new RunFiles(RUN, (dir, name) -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new FileAlreadyExistsException(name);
            }
            return sinks.create(dir, name);
        }, 65536, 0, false, false);
        assertThat(attempts).hasValue(3);
        assertThat(runs.bytesWritten()).isPositive();
    }

    @Test
    void shouldCloseEveryFileEvenWhenOneFailsAndReportTheFirstFailure() throws Exception {
        IOException first = new IOException("first");
        IOException second = new IOException("second");
        List<IOException> failures = List.of(first, second);
        AtomicInteger made = new AtomicInteger();
        RunFiles runs = new RunFiles(RUN, (dir, name) -> {
            MemorySinks.MemorySink inner = (MemorySinks.MemorySink) sinks.create(dir, name);
            IOException failure = failures.get(made.getAndIncrement() % 2);
            return new EventSink() {
                @Override
                public void write(java.nio.ByteBuffer bytes) throws IOException {
                    inner.write(bytes);
                }

                @Override
                public void force() {
                    inner.force();
                }

                @Override
                public long size() {
                    return inner.size();
                }

                @Override
                public String describe() {
                    return inner.describe();
                }

                @Override
                public void close() throws IOException {
                    inner.close();
                    throw failure;
                }
            };
        }, 65536, 0, false, false);
        runs.scalarsMember("m", "k", 1, 0, 1);
        assertThatThrownBy(runs::closeAll).isSameAs(first).satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
        assertThat(sinks.sinks).allSatisfy(s -> assertThat(s.closed).isTrue());
    }
}
