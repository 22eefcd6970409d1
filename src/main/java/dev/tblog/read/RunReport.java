package dev.tblog.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run (one folder of event files) holds, and what is wrong with it.
 *
 * <p>Thread contract: not thread-safe; built by one inspecting thread.
 */
public final class RunReport {
    private final String name;
    private final List<Path> files = new ArrayList<>();
    private final Map<String, TagSummary> tags = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> tornTails = new ArrayList<>();
    private long records;

    RunReport(String name) {
        this.name = name;
    }

    /** {@return the run's name: its folder relative to the log folder, "." for the log folder itself} */
    public String name() {
        return name;
    }

    /** {@return the run's event files, in reading (name) order} */
    public List<Path> files() {
        return files;
    }

    /** {@return the number of records read, sound or not} */
    public long records() {
        return records;
    }

    /** {@return each tag's summary by tag name, sorted} */
    public Map<String, TagSummary> tags() {
        return tags;
    }

    /** {@return the CRC failures and undecodable records, each with file and offset} */
    public List<String> errors() {
        return errors;
    }

    /** {@return the files whose last record was cut short (a crash mid-write), with the offset} */
    public List<String> tornTails() {
        return tornTails;
    }

    void addFile(Path file) {
        files.add(file);
    }

    void countRecord() {
        records++;
    }

    void addError(String error) {
        errors.add(error);
    }

    void addTornTail(String where) {
        tornTails.add(where);
    }

    TagSummary tag(String tag, String kind) {
        return tags.computeIfAbsent(tag, t -> new TagSummary(t, kind));
    }
}
