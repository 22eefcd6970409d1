package dev.tblog;

/**
 * A snapshot of a logger's counters. Each counter is read on its own, so a snapshot taken while
 * producers run is approximate; after {@code flush()} or {@code close()} returns, and with no
 * producer running, {@code published == written + dropped + lost} holds exactly.
 *
 * <p>Thread contract: immutable.
 *
 * @param published calls accepted at the call site (including those then dropped)
 * @param written events written to files
 * @param dropped calls dropped by the {@code drop} overflow policy
 * @param lost events accepted but never written (storage failed, or they raced with close)
 * @param bytes bytes written to files
 * @param failures errors the consumer met
 * @param pendingPayloadBytes bytes of pooled payload memory (pixels, histogram values) waiting
 * @param failure the first failure's description, or {@code null}
 */
public record LoggerStats(long published, long written, long dropped, long lost, long bytes, long failures,
                          long pendingPayloadBytes, String failure) {
}
