package dev.tblog.ring;

import org.jctools.counters.Counter;
import org.jctools.counters.CountersFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls dropped by the overflow policy (or given up on a stalled consumer), by event kind:
 * {@value #SCALAR} for {@code addScalar} and each member of {@code addScalars}, else the payload's
 * {@link dev.tblog.encode.Payload#kind()}.
 *
 * <p>Thread contract: any thread, lock-free. The scalar count is a striped counter (no allocation,
 * little contention when many producers drop at once); other kinds, rarer, a map of adders.
 */
final class DropCounts {
    static final String SCALAR = "scalar";

    private final Counter scalars = CountersFactory.createFixedSizeStripedCounter(8);
    private final Map<String, LongAdder> others = new ConcurrentHashMap<>();

    void scalar() {
        scalars.inc();
    }

    void kind(String kind) {
        others.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** All drops; each count is read on its own, so exact only when no producer runs. */
    long total() {
        long total = scalars.get();
        for (LongAdder adder : others.values()) {
            total += adder.sum();
        }
        return total;
    }

    /** Kind to count, sorted by kind; kinds never dropped are absent, except scalar (always there). */
    Map<String, Long> byKind() {
        Map<String, Long> map = new TreeMap<>();
        map.put(SCALAR, scalars.get());
        others.forEach((k, v) -> map.put(k, v.sum()));
        return map;
    }
}
