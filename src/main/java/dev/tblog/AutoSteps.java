package dev.tblog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The automatic steps of the {@code add*} overloads without a step: one counter per tag, starting
 * at 0, each call taking the next value.
 *
 * <p>Thread contract: any thread, lock-free once a tag has its counter (the first call on a tag
 * allocates the counter; later calls allocate nothing).
 */
final class AutoSteps {
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    /** The tag's next step: 0 on the first call, then 1, 2, ... */
    long next(String tag) {
        // get first: computeIfAbsent may lock the bin even when the key is there.
        AtomicLong counter = counters.get(tag);
        if (counter == null) {
            counter = counters.computeIfAbsent(tag, t -> new AtomicLong());
        }
        return counter.getAndIncrement();
    }
}
