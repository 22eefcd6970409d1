package dev.tblog;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of a logger's counters. Each counter is read on its own, so a snapshot taken while
 * producers run is approximate; after {@code flush()} or {@code close()} returns, and with no
 * producer running, {@code published == written + dropped + lost} holds exactly (before close, add
 * {@code queueDepth}: events still in the ring).
 *
 * <p>Thread contract: immutable.
 *
 * @param published calls accepted at the call site (including those then dropped)
 * @param written events written to files
 * @param dropped calls dropped by the {@code drop} overflow policy, or given up under {@code block}
 *     because the consumer stalled; the sum of {@code droppedByKind}
 * @param lost events accepted but never written (storage failed, or they raced with close)
 * @param bytes bytes written to files
 * @param failures errors the consumer met
 * @param pendingPayloadBytes bytes of pooled payload memory (pixels, histogram values) waiting
 * @param failure the first failure's description, or {@code null}
 * @param droppedByKind drops by event kind: {@code scalar} (always present), then payload kinds
 *     ({@code text}, {@code image}, ...) that were dropped at least once; unmodifiable, sorted
 * @param queueDepth events published and not yet taken by the consumer (after close: 0, the rest is lost)
 * @param stalls calls that {@code block} gave up on because the consumer made no progress for
 *     {@code overflow.stallTimeoutMillis} (included in {@code dropped})
 */
public record LoggerStats(long published, long written, long dropped, long lost, long bytes, long failures,
                          long pendingPayloadBytes, String failure, Map<String, Long> droppedByKind,
                          long queueDepth, long stalls) {

    /**
     * A snapshot; keeps an unmodifiable, sorted copy of {@code droppedByKind} ({@code null}: empty).
     *
     * @param published as {@link #published()}
     * @param written as {@link #written()}
     * @param dropped as {@link #dropped()}
     * @param lost as {@link #lost()}
     * @param bytes as {@link #bytes()}
     * @param failures as {@link #failures()}
     * @param pendingPayloadBytes as {@link #pendingPayloadBytes()}
     * @param failure as {@link #failure()}
     * @param droppedByKind as {@link #droppedByKind()}
     * @param queueDepth as {@link #queueDepth()}
     * @param stalls as {@link #stalls()}
     */
    public LoggerStats {
        droppedByKind = droppedByKind == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(droppedByKind));
    }

    /**
     * Drops of one kind.
     *
     * @param kind {@code "scalar"}, {@code "image"}, {@code "histogram"}, {@code "text"}, {@code "hparams"}
     * @return its drops, 0 if none
     */
    public long dropped(String kind) {
        return droppedByKind.getOrDefault(kind, 0L);
    }
}
