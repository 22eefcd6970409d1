package dev.tblog;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The kind of data each tag of the run's own folder holds, so that a second kind is refused at the
 * call: TensorBoard keeps one kind per tag and run (it reads the first, the other one vanishes
 * from its dashboard, and the scalar chart of such a tag answers HTTP 500).
 *
 * <p>A tag is checked against {@link TagRules} the first time it is seen, and remembered with its
 * kind; later calls on it cost one lookup and skip the rules (an equal string passed them). Tags
 * written for the caller are claimed too: a text's {@code <tag>/text_summary}, a histogram's
 * {@code <tag>/nonfinite} scalar, the metrics of {@code addParameters}. The main tag of
 * {@code addScalars} is not: its values go to sub-runs, which hold nothing else.
 *
 * <p>Bounded: past {@value #MAX_TAGS} tags (a program making a new tag per step), new tags are
 * checked against the rules at every call but no longer remembered, so their kind goes unchecked.
 *
 * <p>Thread contract: any thread, lock-free; a tag seen before costs one
 * {@link ConcurrentHashMap#get} and allocates nothing. Two threads racing the first calls on one
 * tag with two kinds: one wins, the other is refused.
 */
final class TagKinds {
    static final String SCALAR = "scalar";
    static final String IMAGE = "image";
    static final String HISTOGRAM = "histogram";
    static final String TEXT = "text";
    static final String AUDIO = "audio";
    static final String PR_CURVE = "pr_curve";
    /** Tags remembered at most; the consumer's per-file tag cache holds 16,384. */
    static final int MAX_TAGS = 65_536;
    /** The scalar a histogram writes at its step when some values were NaN or infinite. */
    static final String NON_FINITE_SUFFIX = "/nonfinite";

    private final ConcurrentHashMap<String, String> kinds = new ConcurrentHashMap<>();

    /**
     * Checks a tag (rules and kind) for a call logging {@code kind}; returns it.
     *
     * @param kind one of the constants (compared by reference)
     * @throws IllegalArgumentException a tag that breaks {@link TagRules}, or that holds another kind
     */
    String claim(String tag, String kind) {
        if (tag != null) {
            String had = kinds.get(tag);
            if (had == kind) {
                return tag;
            }
            if (had != null) {
                throw conflict(tag, had, kind);
            }
        }
        TagRules.tag(tag);
        remember(tag, kind);
        return tag;
    }

    /** As {@link #claim} for a histogram, which also writes the scalar {@code <tag>/nonfinite}. */
    String claimHistogram(String tag) {
        if (tag != null && kinds.get(tag) == HISTOGRAM) {
            return tag;
        }
        claim(tag, HISTOGRAM);
        String nonFinite = tag + NON_FINITE_SUFFIX;
        String had = kinds.get(nonFinite);
        if (had != null && had != SCALAR) {
            kinds.remove(tag, HISTOGRAM);
            throw new IllegalArgumentException("histogram '" + tag + "' writes the scalar '" + nonFinite
                + "' for its NaN and infinite values, but that tag already holds " + had + " data in this run");
        }
        remember(nonFinite, SCALAR);
        return tag;
    }

    /**
     * Claims a metric name of {@code addParameters} as a scalar when it is a tag tblog accepts; a
     * name the rules refuse can equal no tag of another kind, and is left to the hparams checks.
     */
    void claimMetric(String name) {
        if (name != null && TagRules.isTag(name)) {
            claim(name, SCALAR);
        }
    }

    private void remember(String tag, String kind) {
        if (kinds.size() >= MAX_TAGS) {
            return;
        }
        String had = kinds.putIfAbsent(tag, kind);
        if (had != null && had != kind) {
            throw conflict(tag, had, kind);
        }
    }

    private static IllegalArgumentException conflict(String tag, String had, String kind) {
        return new IllegalArgumentException("tag '" + TagRules.printable(tag) + "' already holds " + had
            + " data in this run; TensorBoard shows one kind per tag and run, so " + article(kind) + " " + kind
            + " cannot be logged under it: use another tag");
    }

    private static String article(String kind) {
        return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
    }
}
