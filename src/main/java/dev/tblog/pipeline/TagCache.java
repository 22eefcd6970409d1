package dev.tblog.pipeline;

import dev.tblog.encode.SummaryTemplate;
import dev.tblog.ring.TagIds;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The tags of one event file, each encoded once. A lookup of a known tag allocates nothing; a
 * scalar whose slot carries its tag's id ({@link TagIds}) is found by index, without hashing.
 *
 * <p>Each kept entry has an index in this file ({@link TagEntry#index()}), by which the coalesced
 * group refers to it: an {@code int} store where a reference store would cost the consumer G1's
 * card-marking barrier (a StoreLoad fence) on every scalar.
 *
 * <p>Bounded: a program that makes a new tag per step (an anti-pattern, but it happens) would grow
 * it without end, so past {@link #MAX_ENTRIES} new tags get a fresh, uncached entry each time
 * (index -1): correct, just not free. Their metadata is then written with every value, which
 * TensorBoard tolerates (it reads the first).
 *
 * <p>Thread contract: consumer thread only.
 */
final class TagCache {
    /** Tags kept per file. */
    static final int MAX_ENTRIES = 16_384;
    /**
     * Summary templates kept, at most: one per tag that begins a coalesced event, of at most
     * {@link SummaryTemplate#MAX_BYTES}, so a file's templates hold 256 KiB at worst.
     */
    static final int MAX_TEMPLATES = 64;

    private final Map<String, TagEntry> entries = new HashMap<>();
    /** Kept entries by their index. */
    private TagEntry[] byIndex = new TagEntry[16];
    /** Kept entries by the logger's tag id; filled on first use of each id. */
    private TagEntry[] byTagId = new TagEntry[16];
    private int templates;

    /** The entry of a tag, created on first use. */
    TagEntry get(String tag) {
        TagEntry entry = entries.get(tag);
        if (entry == null) {
            int size = entries.size();
            if (size < MAX_ENTRIES) {
                entry = new TagEntry(tag, size);
                entries.put(tag, entry);
                if (size == byIndex.length) {
                    byIndex = Arrays.copyOf(byIndex, 2 * size);
                }
                byIndex[size] = entry;
            } else {
                entry = new TagEntry(tag, -1);
            }
        }
        return entry;
    }

    /** The entry of the tag with the logger's id {@code tagId}, created on first use. */
    TagEntry get(int tagId, TagIds ids) {
        TagEntry[] t = byTagId;
        TagEntry entry = tagId < t.length ? t[tagId] : null;
        if (entry == null) {
            entry = get(ids.tag(tagId));
            if (entry.index() >= 0) {
                if (tagId >= t.length) {
                    byTagId = t = Arrays.copyOf(t, Math.max(2 * t.length, tagId + 1));
                }
                t[tagId] = entry;
            }
        }
        return entry;
    }

    /** The kept entry at {@code index}. */
    TagEntry at(int index) {
        return byIndex[index];
    }

    /**
     * The Summary template of the coalesced events that begin with {@code first}, made on first
     * use; null once {@link #MAX_TEMPLATES} are kept and {@code first} has none.
     */
    SummaryTemplate template(TagEntry first) {
        SummaryTemplate t = first.template();
        if (t == null && templates < MAX_TEMPLATES) {
            t = new SummaryTemplate();
            first.template(t);
            templates++;
        }
        return t;
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
