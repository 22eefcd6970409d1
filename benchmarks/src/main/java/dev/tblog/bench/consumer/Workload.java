package dev.tblog.bench.consumer;

import dev.tblog.Logger;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one producer thread of the consumer benchmarks logs: {@code tagsPerStep} tags of its own
 * ({@code producer/<id>/<k>}), each once per step, steps counting up from 0, as a simulation logs its
 * metrics at the end of each step. With 8 tags per step, consecutive scalars share the step and the
 * wall-time millisecond: what coalescing packs into one event.
 *
 * <p>Thread contract: confined to its JMH thread.
 */
@State(Scope.Thread)
public class Workload {
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Tags logged at each step: 1, or 8 (coalescing packs them into one event). */
    @Param({"1", "8"})
    public int tagsPerStep;

    private String[] tags;
    private long step;
    private float value;

    @Setup
    public void tags() {
        tags = tags(IDS.getAndIncrement(), tagsPerStep);
    }

    /** The tags of producer {@code id}. */
    public static String[] tags(int id, int tagsPerStep) {
        String[] tags = new String[tagsPerStep];
        for (int k = 0; k < tagsPerStep; k++) {
            tags[k] = "producer/" + id + "/" + k;
        }
        return tags;
    }

    /** Logs {@code calls} scalars (a multiple of the tags per step), whole steps only. */
    public void log(Logger log, int calls) {
        String[] t = tags;
        for (int i = 0; i < calls; i += t.length) {
            for (String tag : t) {
                log.addScalar(tag, value, step);
                value += 0.25f;
            }
            step++;
        }
    }
}
