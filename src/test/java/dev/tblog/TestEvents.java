package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.record.RunNames;
import dev.tblog.read.RecordReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads event files back with the generated protobuf classes: the independent path for round trips.
 * As TensorBoard reads them: an event whose summary holds several values (coalesced steps,
 * {@code write.coalesceSteps}) is one point per value, each with the event's step and wall time, so
 * {@link #read} and {@link #readFile} give one event per summary value; {@link #readRecords} gives
 * the records as they are on disk.
 */
public final class TestEvents {
    private TestEvents() {
    }

    /** The event files directly in a run folder, in TensorBoard's reading order. */
    public static List<Path> eventFiles(Path runDir) {
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(p -> RunNames.isEventFile(p.getFileName().toString()))
                .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event of every file of a run folder, in order. */
    public static List<Event> read(Path runDir) {
        List<Event> events = new ArrayList<>();
        for (Path file : eventFiles(runDir)) {
            events.addAll(readFile(file));
        }
        return events;
    }

    /** Every event of one file, one per summary value. */
    public static List<Event> readFile(Path file) {
        List<Event> events = new ArrayList<>();
        for (Event e : readRecords(file)) {
            if (e.hasSummary() && e.getSummary().getValueCount() > 1) {
                for (Summary.Value v : e.getSummary().getValueList()) {
                    events.add(e.toBuilder().setSummary(Summary.newBuilder().addValue(v)).build());
                }
            } else {
                events.add(e);
            }
        }
        return events;
    }

    /** Every record of one file as the event it holds, as on disk. */
    public static List<Event> readRecords(Path file) {
        try {
            List<Event> events = new ArrayList<>();
            for (byte[] data : RecordReader.readAll(file)) {
                events.add(Event.parseFrom(data));
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events holding a summary value with this tag. */
    public static List<Event> withTag(List<Event> events, String tag) {
        return events.stream()
            .filter(e -> e.hasSummary() && e.getSummary().getValueCount() > 0
                && e.getSummary().getValue(0).getTag().equals(tag))
            .collect(Collectors.toList());
    }
}
