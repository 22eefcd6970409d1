package dev.tblog;

import dev.tblog.record.RunNames;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sub-runs that {@code addScalars} opens, admitted at the call: each main tag and key pair is
 * checked once (the tag and key rules, then its folder {@code <mainTag with '/' as '_'>_<key>}: at
 * most 255 bytes of UTF-8 and a name this JVM's file system can hold), and a logger opens at most
 * {@code scalars.maxSubRuns} folders, one open event file each. A bad name or one folder too many
 * throws {@link IllegalArgumentException} at the call, so the consumer never meets a folder it
 * cannot create and a program with ever-new keys cannot exhaust file handles or direct memory.
 *
 * <p>Thread contract: any thread. A pair seen before costs two lock-free lookups and allocates
 * nothing; admitting a new pair takes this object's lock (once per pair).
 */
final class ScalarsSubRuns {
    private final Path runDir;
    private final int maxFolders;
    /** Main tag, then key: the pairs admitted (the main tag is a key here once it passed the tag rules). */
    private final Map<String, Map<String, Boolean>> admitted = new ConcurrentHashMap<>();
    /** Guarded by this. Distinct folders admitted (two pairs may share one: "a/b"+"c" and "a_b"+"c"). */
    private final Set<String> folders = new HashSet<>();

    /** @param maxFolders {@code scalars.maxSubRuns} */
    ScalarsSubRuns(Path runDir, int maxFolders) {
        this.runDir = runDir;
        this.maxFolders = maxFolders;
    }

    /**
     * Checks a main tag on its own (for a call with no keys).
     *
     * @throws IllegalArgumentException a tag the rules refuse
     */
    void checkMainTag(String mainTag) {
        if (mainTag == null || !admitted.containsKey(mainTag)) {
            TagRules.tag(mainTag);
        }
    }

    /**
     * Admits one key of a call: at once when the pair was seen before.
     *
     * @throws IllegalArgumentException a bad main tag or key, a folder name the file system cannot
     *     hold, or a folder past {@code scalars.maxSubRuns}; the message names the value
     */
    void admit(String mainTag, String key) {
        Map<String, Boolean> keys = mainTag == null ? null : admitted.get(mainTag);
        if (keys != null && key != null && keys.containsKey(key)) {
            return;
        }
        admitNew(mainTag, key);
    }

    private synchronized void admitNew(String mainTag, String key) {
        TagRules.tag(mainTag);
        TagRules.folderName(key, "addScalars key");
        String folder = RunNames.scalarsMember(mainTag, key);
        String problem = RunNames.folderNameProblem(runDir, folder);
        if (problem != null) {
            throw new IllegalArgumentException("addScalars('" + mainTag + "') key '" + key + "': its sub-run folder '"
                + folder + "' " + problem);
        }
        if (!folders.contains(folder)) {
            if (folders.size() >= maxFolders) {
                throw new IllegalArgumentException("addScalars('" + mainTag + "') key '" + key + "' would open sub-run "
                    + (folders.size() + 1) + " ('" + folder + "') of this logger; at most " + maxFolders
                    + " are allowed (scalars.maxSubRuns), each an open file");
            }
            folders.add(folder);
        }
        admitted.computeIfAbsent(mainTag, t -> new ConcurrentHashMap<>()).put(key, Boolean.TRUE);
    }
}
