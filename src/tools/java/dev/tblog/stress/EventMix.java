package dev.tblog.stress;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The share of each event kind in a stress run, e.g. {@code scalar=90,image=5,histogram=5}, as a
 * repeating schedule of 100 slots so every producer follows the same deterministic sequence.
 *
 * <p>Thread contract: immutable, any thread.
 */
public final class EventMix {
    /** What the stress command can log. */
    public enum Kind {
        SCALAR("scalar"),
        IMAGE("image"),
        HISTOGRAM("histogram"),
        TEXT("text");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private final Map<Kind, Integer> weights;
    private final Kind[] schedule;

    private EventMix(Map<Kind, Integer> weights) {
        this.weights = weights;
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        List<Kind> slots = new ArrayList<>();
        // Spread each kind evenly over the schedule (largest remainder), not in runs.
        double[] credit = new double[Kind.values().length];
        for (int i = 0; i < total; i++) {
            Kind best = null;
            for (Map.Entry<Kind, Integer> e : weights.entrySet()) {
                credit[e.getKey().ordinal()] += e.getValue() / (double) total;
                if (best == null || credit[e.getKey().ordinal()] > credit[best.ordinal()]) {
                    best = e.getKey();
                }
            }
            credit[best.ordinal()] -= 1;
            slots.add(best);
        }
        this.schedule = slots.toArray(new Kind[0]);
    }

    /**
     * Parses {@code kind=weight,...}; weights are non-negative integers summing to at least 1.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static EventMix parse(String text) {
        Map<Kind, Integer> weights = new EnumMap<>(Kind.class);
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("mix part '" + part + "' is not kind=weight");
            }
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (k.word.equals(kv[0].trim())) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("unknown event kind '" + kv[0].trim()
                    + "' in mix (allowed: scalar, image, histogram, text)");
            }
            int weight;
            try {
                weight = Integer.parseInt(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + kind.word + " must be an integer, got '" + kv[1] + "'");
            }
            if (weight < 0 || weight > 1_000_000) {
                throw new IllegalArgumentException("weight of " + kind.word + " must be 0 to 1000000, got " + weight);
            }
            if (weight > 0) {
                weights.put(kind, weight);
            }
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("mix '" + text + "' has no positive weight");
        }
        return new EventMix(weights);
    }

    /** The kind of the {@code i}-th call of a producer. */
    public Kind kindOf(long i) {
        return schedule[(int) (i % schedule.length)];
    }

    /** The weights, for printing. */
    public Map<Kind, Integer> weights() {
        return weights;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((k, w) -> sb.append(sb.length() == 0 ? "" : ",").append(k.word).append('=').append(w));
        return sb.toString();
    }
}
