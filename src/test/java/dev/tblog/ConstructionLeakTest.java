package dev.tblog;

import dev.tblog.sink.EventSink;
import dev.tblog.sink.EventSinkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression (issue 19 item 7): a logger whose construction fails leaves nothing behind. On a full
 * disk, {@code new Logger} threw the documented exception but left its event file open and an empty
 * file in the folder; after an {@code OutOfMemoryError} allocating the ring, the same. Now the file
 * is closed and removed (it holds no byte), the consumer thread never starts, and a logger can be
 * built in the same folder afterwards.
 */
class ConstructionLeakTest {
    @TempDir
    Path logdir;

    /** Local files whose writes fail with "No space left on device" while {@code full} is set; records every sink. */
    private static EventSinkFactory tracked(AtomicBoolean full, List<Tracked> sinks) {
        return (dir, name) -> {
            Tracked sink = new Tracked(EventSinkFactory.LOCAL_FILES.create(dir, name), full);
            sinks.add(sink);
            return sink;
        };
    }

    @Test
    void shouldLeaveNoFileOpenNoFileBehindAndNoThreadWhenTheDiskIsFullAtConstruction() throws IOException {
        AtomicBoolean full = new AtomicBoolean(true);
        List<Tracked> sinks = new CopyOnWriteArrayList<>();
        long consumersBefore = consumerThreads();
        Path run = logdir.resolve("run");
        assertThatThrownBy(() -> Logger.builder().runDir(run).sinkFactory(tracked(full, sinks)).build())
            .isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left on device");
        assertThat(sinks).as("the first event file was created").hasSize(1);
        assertThat(sinks.get(0).closed).as("and closed again").isTrue();
        assertThat(eventFiles(run)).as("no empty event file left behind").isEmpty();
        assertThat(consumerThreads()).as("no consumer thread started").isEqualTo(consumersBefore);

        full.set(false);
        try (Logger log = Logger.builder().runDir(run).sinkFactory(tracked(full, sinks))
            .set("shutdownHook.enabled", "false").build()) {
            log.addScalar("x", 1, 0);
        }
        assertThat(eventFiles(run)).hasSize(1);
        assertThat(TestEvents.withTag(TestEvents.read(run), "x")).hasSize(1);
    }

    @Test
    void shouldLeaveNothingOpenNorBehindWhenTheRingDoesNotFitTheHeapLeft() throws Exception {
        Path run = logdir.resolve("run");
        ChildJvm.Outcome child = new ChildJvm().options("-Xmx96m").run(RingOomChild.class, 120, run.toString());
        assertThat(child.exitCode()).as(child.toString()).isZero();
        assertThat(child.value("BUILD")).as(child.toString()).startsWith("java.lang.OutOfMemoryError");
        assertThat(child.longValue("FILES_OF_RUN")).as("event files left in the run folder").isZero();
        assertThat(child.longValue("FDS_AFTER")).as("open files").isEqualTo(child.longValue("FDS_BEFORE"));
        assertThat(child.longValue("CONSUMERS")).as("consumer threads").isZero();
        assertThat(child.value("AFTER")).as("a logger built afterwards").isEqualTo("ok");
    }

    static List<Path> eventFiles(Path run) throws IOException {
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(p -> p.getFileName().toString().contains("tfevents")).toList();
        }
    }

    static long consumerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("tblog-consumer") && t.isAlive()).count();
    }

    private static final class Tracked implements EventSink {
        private final EventSink inner;
        private final AtomicBoolean full;
        volatile boolean closed;

        Tracked(EventSink inner, AtomicBoolean full) {
            this.inner = inner;
            this.full = full;
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            if (full.get()) {
                throw new IOException("No space left on device");
            }
            inner.write(bytes);
        }

        @Override
        public void force() throws IOException {
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
            closed = true;
            inner.close();
        }
    }
}
