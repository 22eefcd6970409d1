package dev.tblog.hadoop;

import dev.tblog.proto.Event;
import dev.tblog.read.RecordReader;
import dev.tblog.record.RunNames;
import dev.tblog.sink.LogStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads event files back from any storage with the generated protobuf classes, checking every
 * record's CRCs: what a reader on another machine sees while the logger writes.
 */
final class HadoopEvents {
    private HadoopEvents() {
    }

    /** The event files directly in a run folder, in TensorBoard's reading order (by name). */
    static List<Path> eventFiles(LogStorage storage, Path runDir) {
        try {
            if (!storage.isDirectory(runDir)) {
                return List.of();
            }
            List<Path> files = new ArrayList<>();
            for (Path file : storage.files(runDir)) {
                if (runDir.equals(file.getParent()) && RunNames.isEventFile(file.getFileName().toString())) {
                    files.add(file);
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event of one file (a torn last record ends it, as for TensorBoard). */
    static List<Event> readFile(LogStorage storage, Path file) {
        List<Event> events = new ArrayList<>();
        try (RecordReader reader = RecordReader.open(storage, file)) {
            for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
                events.add(Event.parseFrom(r.data()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** Every event of every file of a run folder, files in name order. */
    static List<Event> read(LogStorage storage, Path runDir) {
        List<Event> events = new ArrayList<>();
        for (Path file : eventFiles(storage, runDir)) {
            events.addAll(readFile(storage, file));
        }
        return events;
    }

    /** The steps of the scalars of one tag, in the order read. */
    static List<Long> steps(List<Event> events, String tag) {
        List<Long> steps = new ArrayList<>();
        for (Event e : events) {
            if (e.hasSummary() && e.getSummary().getValueCount() > 0 && e.getSummary().getValue(0).getTag().equals(tag)) {
                steps.add(e.getStep());
            }
        }
        return steps;
    }
}
