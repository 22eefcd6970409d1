package dev.tblog.config;

/**
 * tblog's share of the JVM's heap: the defaults that follow the max heap ({@code -Xmx}), and the
 * check that a configuration fits it. What one logger may hold on the heap:
 * <ul>
 *   <li>the ring: {@value #SLOT_BYTES} bytes a slot at most (measured: 66 with compressed
 *       references, 86 without: the slot, its entry in the ring's array, the multi-producer flag);</li>
 *   <li>the payload pool: pending and reusable arrays together within {@code payload.maxPendingBytes};</li>
 *   <li>the consumer's buffers for the largest picture it encoded: up to three times its bytes
 *       (pixels, PNG scanlines, compressed output), and a picture is at most the budget.</li>
 * </ul>
 * So at most {@code ring.size * SLOT_BYTES + 4 * payload.maxPendingBytes}, which must fit in half
 * of the max heap, leaving the other half to the application. The {@code auto} defaults take a
 * sixteenth each ({@code ring.size} up to 65536 slots, {@code payload.maxPendingBytes} up to 64 MiB),
 * so they always fit: 5/16 of the heap at most.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class HeapShare {
    /** Heap bytes per ring slot, rounded up from the measured 66 (86 without compressed references). */
    static final long SLOT_BYTES = 88;
    /** The most slots {@code ring.size=auto} gives. */
    static final int MAX_AUTO_RING_SIZE = 65536;
    /** The fewest slots a ring may have. */
    static final int MIN_RING_SIZE = 64;
    /** The most bytes {@code payload.maxPendingBytes=auto} gives. */
    static final long MAX_AUTO_PAYLOAD_BYTES = 64L << 20;
    /** The fewest bytes a payload budget may have. */
    static final long MIN_PAYLOAD_BYTES = 65536;
    /** This JVM's max heap ({@link Runtime#maxMemory()}; {@link Long#MAX_VALUE} when unbounded). */
    static final long MAX_HEAP = Runtime.getRuntime().maxMemory();

    private HeapShare() {
    }

    /** {@code ring.size=auto}: a power of two of at most a sixteenth of the heap, 64 to 65536 slots. */
    static int ringSize(long maxHeap) {
        long slots = Math.max(1, maxHeap / 16 / SLOT_BYTES);
        return (int) Math.max(MIN_RING_SIZE, Math.min(MAX_AUTO_RING_SIZE, Long.highestOneBit(slots)));
    }

    /** {@code payload.maxPendingBytes=auto}: a sixteenth of the heap, 64 KiB to 64 MiB. */
    static long payloadBytes(long maxHeap) {
        return Math.max(MIN_PAYLOAD_BYTES, Math.min(MAX_AUTO_PAYLOAD_BYTES, maxHeap / 16));
    }

    /**
     * Checks that a logger with this ring and payload budget fits in half of the max heap.
     *
     * @throws IllegalArgumentException naming both keys, the heap they need and the max heap
     */
    static void check(int ringSize, long payloadBytes, long maxHeap) {
        long ringBytes = ringSize * SLOT_BYTES;
        long need = ringBytes + 4 * payloadBytes;
        if (need > maxHeap / 2) {
            throw new IllegalArgumentException("ring.size=" + ringSize + " (about " + mib(ringBytes)
                + " of heap) and payload.maxPendingBytes=" + payloadBytes + " (the pool plus the consumer's "
                + "buffers: up to 4x, " + mib(4 * payloadBytes) + ") need up to " + mib(need)
                + " of heap per logger, more than half of this JVM's max heap of " + mib(maxHeap)
                + " (-Xmx): lower them (auto follows the heap) or raise -Xmx");
        }
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
