package dev.tblog.pipeline;

import dev.tblog.proto.Event;
import dev.tblog.read.RecordReader;
import dev.tblog.sink.EventSink;
import dev.tblog.sink.EventSinkFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sinks that keep what they are given in memory, for the consumer's unit tests: every write call
 * is recorded, so a test sees when bytes left the consumer, not only what they were.
 */
final class MemorySinks implements EventSinkFactory {
    /** One file: its folder and name, each write's bytes, and what else happened to it. */
    static final class MemorySink implements EventSink {
        final Path dir;
        final String name;
        final List<byte[]> writes = new ArrayList<>();
        int forces;
        /** flush() calls (hflush on HDFS), and how many writes each had seen. */
        final List<Integer> flushedAfterWrites = new ArrayList<>();
        boolean closed;
        IOException failWrites;
        /** false: a sink like an object store's, whose file shows only once closed. */
        boolean visibleBeforeClose = true;

        MemorySink(Path dir, String name) {
            this.dir = dir;
            this.name = name;
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            if (failWrites != null) {
                throw failWrites;
            }
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            writes.add(copy);
        }

        @Override
        public void force() {
            forces++;
        }

        @Override
        public void flush() {
            flushedAfterWrites.add(writes.size());
        }

        @Override
        public boolean visibleBeforeClose() {
            return visibleBeforeClose;
        }

        @Override
        public long size() {
            return writes.stream().mapToLong(w -> w.length).sum();
        }

        @Override
        public String describe() {
            return dir.resolve(name).toString();
        }

        @Override
        public void close() {
            closed = true;
        }

        /** Everything written so far, decoded with the generated classes. */
        List<Event> events() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            writes.forEach(all::writeBytes);
            try {
                Path file = Files.createTempFile("memory-sink", ".tfevents");
                try {
                    Files.write(file, all.toByteArray());
                    List<Event> events = new ArrayList<>();
                    for (byte[] record : RecordReader.readAll(file)) {
                        events.add(Event.parseFrom(record));
                    }
                    return events;
                } finally {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final List<MemorySink> sinks = new ArrayList<>();
    /** What the sinks made from now on say of {@link EventSink#visibleBeforeClose()}. */
    boolean visibleBeforeClose = true;

    @Override
    public EventSink create(Path runDir, String fileName) {
        MemorySink sink = new MemorySink(runDir, fileName);
        sink.visibleBeforeClose = visibleBeforeClose;
        sinks.add(sink);
        return sink;
    }

    /** The sinks made for one folder, in creation order. */
    List<MemorySink> in(Path dir) {
        return sinks.stream().filter(s -> s.dir.equals(dir)).toList();
    }
}
