package dev.tblog;

import dev.tblog.ring.TagIds;

import java.util.HashMap;
import java.util.Map;
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

    /** Each tag's claim: its kind, and for a scalar tag its id in {@link #ids}. */
    private final ConcurrentHashMap<String, Claim> kinds = new ConcurrentHashMap<>();
    private final TagIds ids;

    /** The claim of a tag of a kind other than scalar: one per kind, shared. */
    private final Map<String, Claim> shared = new HashMap<>();

    /** A tag's kind and, for a scalar tag, its id ({@code -1} for other kinds). */
    private record Claim(String kind, int scalarId) {
    }

    /** Kinds whose scalar tags get ids from a {@link TagIds} of their own (tests). */
    TagKinds() {
        this(new TagIds());
    }

    /** @param ids where scalar tags get the ids their ring slots carry */
    TagKinds(TagIds ids) {
        this.ids = ids;
        for (String kind : new String[] {IMAGE, HISTOGRAM, TEXT, AUDIO, PR_CURVE}) {
            shared.put(kind, new Claim(kind, -1));
        }
    }

    /**
     * Checks a tag (rules and kind) for a call logging {@code kind}; returns it.
     *
     * @param kind one of the constants (compared by reference)
     * @throws IllegalArgumentException a tag that breaks {@link TagRules}, or that holds another kind
     */
    String claim(String tag, String kind) {
        if (tag != null) {
            Claim had = kinds.get(tag);
            if (had != null) {
                if (had.kind == kind) {
                    return tag;
                }
                throw conflict(tag, had.kind, kind);
            }
        }
        TagRules.tag(tag);
        remember(tag, kind);
        return tag;
    }

    /**
     * As {@link #claim} for a scalar of {@code addScalar}; returns the tag's id, which its ring slot
     * carries instead of the string, or {@code -1} for a tag past {@value #MAX_TAGS} (not remembered:
     * it travels by reference).
     */
    int claimScalar(String tag) {
        if (tag != null) {
            Claim had = kinds.get(tag);
            if (had != null) {
                if (had.kind == SCALAR) {
                    return had.scalarId;
                }
                throw conflict(tag, had.kind, SCALAR);
            }
        }
        TagRules.tag(tag);
        Claim claim = remember(tag, SCALAR);
        return claim == null ? -1 : claim.scalarId;
    }

    /** As {@link #claim} for a histogram, which also writes the scalar {@code <tag>/nonfinite}. */
    String claimHistogram(String tag) {
        Claim histogram = shared.get(HISTOGRAM);
        if (tag != null && kinds.get(tag) == histogram) {
            return tag;
        }
        claim(tag, HISTOGRAM);
        String nonFinite = tag + NON_FINITE_SUFFIX;
        Claim had = kinds.get(nonFinite);
        if (had != null && had.kind != SCALAR) {
            kinds.remove(tag, histogram);
            throw new IllegalArgumentException("histogram '" + tag + "' writes the scalar '" + nonFinite
                + "' for its NaN and infinite values, but that tag already holds " + had.kind + " data in this run");
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

    /** Remembers the tag's kind, unless {@value #MAX_TAGS} are remembered already (then null). */
    private Claim remember(String tag, String kind) {
        if (kinds.size() >= MAX_TAGS) {
            return null;
        }
        // A scalar tag's id is given inside computeIfAbsent: once per tag, even when threads race.
        Claim claim = kinds.computeIfAbsent(tag, t -> kind == SCALAR ? new Claim(SCALAR, ids.register(t)) : sharedClaim(kind));
        if (claim.kind != kind) {
            throw conflict(tag, claim.kind, kind);
        }
        return claim;
    }

    private Claim sharedClaim(String kind) {
        Claim claim = shared.get(kind);
        return claim != null ? claim : new Claim(kind, -1);
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
