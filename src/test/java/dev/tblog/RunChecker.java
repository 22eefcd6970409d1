package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.read.CorruptRecordException;
import dev.tblog.read.RecordReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Reads a run folder and its sub-run folders the way TensorBoard does (files in lexicographic order)
 * and checks the record layer: every CRC sound, every non-empty file starting with its own
 * file_version record, a torn record only at the very end of the last file of a folder (and only
 * when allowed). Collects the steps of each (folder, tag) in reading order.
 */
final class RunChecker {
    /** "folder|tag" (folder "." for the run itself) to steps in reading order. */
    final Map<String, List<Long>> steps = new TreeMap<>();
    int files;
    int tornFiles;

    static RunChecker read(Path runDir, boolean tornTailAllowed) {
        RunChecker checker = new RunChecker();
        checker.readFolder(runDir, ".", tornTailAllowed);
        try (Stream<Path> children = Files.list(runDir)) {
            for (Path sub : children.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                checker.readFolder(sub, sub.getFileName().toString(), tornTailAllowed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checker;
    }

    private void readFolder(Path dir, String folder, boolean tornTailAllowed) {
        List<Path> eventFiles = TestEvents.eventFiles(dir);
        for (int f = 0; f < eventFiles.size(); f++) {
            Path file = eventFiles.get(f);
            files++;
            try (RecordReader reader = RecordReader.open(file)) {
                boolean first = true;
                for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
                    Event e = Event.parseFrom(r.data());
                    if (first) {
                        if (!e.hasFileVersion()) {
                            fail("first record of %s is not file_version: %s", file, e);
                        }
                        first = false;
                        continue;
                    }
                    if (e.hasFileVersion()) {
                        fail("second file_version record at offset %d of %s", r.offset(), file);
                    }
                    if (e.hasSummary()) {
                        // Every value is a point at the event's step (several when steps are coalesced).
                        for (int v = 0; v < e.getSummary().getValueCount(); v++) {
                            String tag = e.getSummary().getValue(v).getTag();
                            steps.computeIfAbsent(folder + "|" + tag, k -> new ArrayList<>()).add(e.getStep());
                        }
                    }
                }
                if (reader.tornTailOffset() >= 0) {
                    tornFiles++;
                    if (!tornTailAllowed || f != eventFiles.size() - 1) {
                        fail("torn record at offset %d of %s (file %d of %d in its folder)", reader.tornTailOffset(),
                            file, f + 1, eventFiles.size());
                    }
                }
            } catch (CorruptRecordException e) {
                fail("corrupt record in " + file + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Steps of a tag in a folder ("." for the run itself). */
    List<Long> steps(String folder, String tag) {
        return steps.getOrDefault(folder + "|" + tag, List.of());
    }

    /** Fails unless the steps of the tag are exactly 0, 1, ..., n-1 in order; returns n. */
    long assertDense(String folder, String tag) {
        List<Long> list = steps(folder, tag);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != i) {
                fail("%s|%s: step %d at position %d (expected %d): events missing, repeated or out of order",
                    folder, tag, list.get(i), i, i);
            }
        }
        return list.size();
    }
}
