package dev.tblog.pipeline;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The logger's own health, written as scalars under the reserved prefix {@code tblog/}
 * ({@code selfMetrics.enabled}, {@code selfMetrics.intervalMillis}) into the run
 * {@code <parent>/tblog/<run>} beside the logger's run ({@link dev.tblog.record.RunNames#selfMetricsRun}):
 * SCALARS shows them as that run's lines, and TensorBoard's HPARAMS tab never takes them for metric
 * columns of the run's session (it takes the scalars of a session's own run and of the runs below it),
 * nor do they move the run's highest step, from which {@code addParameters} steps its metrics.
 *
 * <p>The consumer calls {@link #beforeWrite} at the end of each batch; once the interval has passed
 * since the last point, it encodes one point of each metric into the self-metrics run, at step 0, 1,
 * 2, ... No thread of its own: when nothing is logged, no batch ends and nothing is written (the
 * logger is idle, and its health is the last point). Steady state allocates nothing: the tags are
 * constants, the values primitives.
 *
 * <ul>
 *   <li>{@code tblog/events_per_second}: events written since the last point, per second</li>
 *   <li>{@code tblog/dropped}, {@code tblog/lost}: totals so far</li>
 *   <li>{@code tblog/queue_depth}: events waiting in the ring (ring cursor − consumer sequence)</li>
 *   <li>{@code tblog/write_latency_max_ms}: the slowest write to the sinks since the last point</li>
 *   <li>{@code tblog/pending_payload_bytes}: pooled payload memory waiting in the ring</li>
 * </ul>
 * Self-metric events are not counted in {@code stats().written()}, so that published = written +
 * dropped + lost keeps holding.
 *
 * <p>Thread contract: consumer thread only (the suppliers are read from it).
 */
public final class SelfMetrics {
    static final String EVENTS_PER_SECOND = "tblog/events_per_second";
    static final String DROPPED = "tblog/dropped";
    static final String LOST = "tblog/lost";
    static final String QUEUE_DEPTH = "tblog/queue_depth";
    static final String WRITE_LATENCY_MAX_MS = "tblog/write_latency_max_ms";
    static final String PENDING_PAYLOAD_BYTES = "tblog/pending_payload_bytes";

    private final boolean enabled;
    private final long intervalNanos;
    private final LongSupplier dropped;
    private final LongSupplier cursor;
    private final LongSupplier pendingPayloadBytes;
    private long lastPointNanos = Long.MIN_VALUE;
    private long lastWritten;
    private long maxWriteNanos;
    private long step;

    /**
     * @param dropped total calls dropped so far (any thread's counter)
     * @param cursor the ring's cursor: the highest sequence claimed by a producer
     * @param pendingPayloadBytes the payload pool's bytes handed out and not yet given back
     */
    public SelfMetrics(boolean enabled, long intervalMillis, LongSupplier dropped, LongSupplier cursor,
                       LongSupplier pendingPayloadBytes) {
        this.enabled = enabled;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.dropped = dropped;
        this.cursor = cursor;
        this.pendingPayloadBytes = pendingPayloadBytes;
    }

    boolean enabled() {
        return enabled;
    }

    /** A write to the sinks took this long. */
    void wrote(long nanos) {
        if (nanos > maxWriteNanos) {
            maxWriteNanos = nanos;
        }
    }

    /**
     * At the end of a batch, before its records are written: encodes a point if the interval has
     * passed (the first batch starts the clock).
     *
     * @param consumed the sequence the consumer has just handled
     * @return whether a point was encoded
     */
    boolean beforeWrite(RunFiles runs, PipelineState state, long consumed, long nowNanos) throws IOException {
        if (!enabled) {
            return false;
        }
        if (lastPointNanos == Long.MIN_VALUE) {
            lastPointNanos = nowNanos;
            lastWritten = state.written();
            return false;
        }
        long elapsed = nowNanos - lastPointNanos;
        if (elapsed < intervalNanos) {
            return false;
        }
        long written = state.written();
        long wallMillis = System.currentTimeMillis();
        runs.selfMetric(EVENTS_PER_SECOND, step, wallMillis, (written - lastWritten) * 1e9 / elapsed);
        runs.selfMetric(DROPPED, step, wallMillis, dropped.getAsLong());
        runs.selfMetric(LOST, step, wallMillis, state.lost());
        runs.selfMetric(QUEUE_DEPTH, step, wallMillis, Math.max(0, cursor.getAsLong() - consumed));
        runs.selfMetric(WRITE_LATENCY_MAX_MS, step, wallMillis, maxWriteNanos / 1e6);
        runs.selfMetric(PENDING_PAYLOAD_BYTES, step, wallMillis, pendingPayloadBytes.getAsLong());
        step++;
        lastPointNanos = nowNanos;
        lastWritten = written;
        maxWriteNanos = 0;
        return true;
    }
}
