package dev.tblog.pipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * The tags of one event file, each encoded once. A lookup of a known tag allocates nothing.
 *
 * <p>Bounded: a program that makes a new tag per step (an anti-pattern, but it happens) would grow
 * it without end, so past {@link #MAX_ENTRIES} new tags get a fresh, uncached entry each time:
 * correct, just not free. Their metadata is then written with every value, which TensorBoard
 * tolerates (it reads the first).
 *
 * <p>Thread contract: consumer thread only.
 */
final class TagCache {
    /** Tags kept per file. */
    static final int MAX_ENTRIES = 16_384;

    private final Map<String, TagEntry> entries = new HashMap<>();

    /** The entry of a tag, created on first use. */
    TagEntry get(String tag) {
        TagEntry entry = entries.get(tag);
        if (entry == null) {
            entry = new TagEntry(tag);
            if (entries.size() < MAX_ENTRIES) {
                entries.put(tag, entry);
            }
        }
        return entry;
    }

    /** The entry of a tag if it was seen in this file, else {@code null}. */
    TagEntry find(String tag) {
        return entries.get(tag);
    }

    /** The highest last step over all tags seen, or {@link Long#MIN_VALUE} when none. */
    long maxStep() {
        long max = Long.MIN_VALUE;
        for (TagEntry e : entries.values()) {
            max = Math.max(max, e.lastStep());
        }
        return max;
    }
}
