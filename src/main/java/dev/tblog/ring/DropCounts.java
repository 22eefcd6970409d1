package dev.tblog.ring;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls dropped by the overflow policy (or given up on a stalled consumer), by event kind:
 * {@value #SCALAR} for {@code addScalar} and each member of {@code addScalars}, else the payload's
 * {@link dev.tblog.encode.Payload#kind()}.
 *
 * <p>Thread contract: any thread, lock-free. The scalar count is a striped counter (little contention
 * when many producers drop at once; it allocates its stripes once, under contention); other kinds,
 * rarer, a map of adders.
 */
final class DropCounts {
    static final String SCALAR = "scalar";

    private final LongAdder scalars = new LongAdder();
    private final Map<String, LongAdder> others = new ConcurrentHashMap<>();

    void scalar() {
        scalars.increment();
    }

    void kind(String kind) {
        others.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** All drops; each count is read on its own, so exact only when no producer runs. */
    long total() {
        long total = scalars.sum();
        for (LongAdder adder : others.values()) {
            total += adder.sum();
        }
        return total;
    }

    /** Kind to count, sorted by kind; kinds never dropped are absent, except scalar (always there). */
    Map<String, Long> byKind() {
        Map<String, Long> map = new TreeMap<>();
        map.put(SCALAR, scalars.sum());
        others.forEach((k, v) -> map.put(k, v.sum()));
        return map;
    }
}
