package dev.tblog.bench.consumer;

import dev.tblog.Logger;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one producer thread of the consumer benchmarks logs: {@code tagsPerStep} metrics of its own,
 * each once per step, steps counting up from 0, as a simulation logs its metrics at the end of each
 * step. The tags are a simulation's usual names under the producer's prefix: {@code p0/loss},
 * {@code p0/accuracy}, {@code p0/lr}, {@code p0/grad_norm}, {@code p0/rate/exc}, {@code p0/rate/inh},
 * {@code p0/w_mean}, {@code p0/w_std} (9.25 bytes on average; 1 tag per step logs the first). With 8
 * tags per step, consecutive scalars share the step and the wall-time millisecond: what coalescing
 * packs into one event. Bytes on disk depend on the tags: a scalar value takes the tag's length + 9
 * bytes, an event ~32 more (framing 16, wall time 9, step 4-5, summary 2-3).
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
    private long calls;
    /** The thread's CPU clock when its first {@link #log} of the iteration began, or -1 before it. */
    private long cpuAtFirstLog = -1;
    /** The thread's CPU clock when its last {@link #log} ended. */
    private long cpuAtLastLog;

    @Setup
    public void tags() {
        tags = tags(IDS.getAndIncrement(), tagsPerStep);
    }

    private static final String[] METRICS = {"loss", "accuracy", "lr", "grad_norm", "rate/exc", "rate/inh",
        "w_mean", "w_std"};

    @Setup(Level.Iteration)
    public void startClock() {
        calls = 0;
        cpuAtFirstLog = -1;
    }

    /**
     * The producer thread's CPU per scalar (of one producer thread, its waits for ring slots
     * included), from the start of its first {@link #log} of the iteration to the end of its last:
     * with the consumer's, it says which side bounds the throughput. Not from the iteration's set-up
     * to its tear-down: JMH's other threads busy-wait while one opens or closes the iteration's logger
     * (its close fsyncs the file), which made 4 producers' figure up to ~3 times their CPU in the logging.
     */
    @TearDown(Level.Iteration)
    public void readClock() {
        if (calls > 0) {
            SideFigures.put("producer.cpu/scalar", (double) (cpuAtLastLog - cpuAtFirstLog) / calls, "ns");
        }
    }

    /** The tags of producer {@code id}: the first {@code tagsPerStep} metrics (at most 8). */
    public static String[] tags(int id, int tagsPerStep) {
        String[] tags = new String[tagsPerStep];
        for (int k = 0; k < tagsPerStep; k++) {
            tags[k] = "p" + id + "/" + METRICS[k];
        }
        return tags;
    }

    /** Logs {@code calls} scalars (a multiple of the tags per step), whole steps only. */
    public void log(Logger log, int calls) {
        if (cpuAtFirstLog < 0) {
            cpuAtFirstLog = ThreadCpu.currentThreadNanos();
        }
        String[] t = tags;
        for (int i = 0; i < calls; i += t.length) {
            for (String tag : t) {
                log.addScalar(tag, value, step);
                value += 0.25f;
            }
            step++;
        }
        this.calls += calls;
        cpuAtLastLog = ThreadCpu.currentThreadNanos(); // one read per call of log: 100,000 scalars in the benchmarks
    }
}
