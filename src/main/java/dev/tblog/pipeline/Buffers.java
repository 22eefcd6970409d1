package dev.tblog.pipeline;

import io.netty.buffer.PooledByteBufAllocator;

/**
 * The pooled direct-buffer allocator that consumer threads encode into, built explicitly: Netty
 * 4.2's default allocator is the adaptive one, and a plain pooled allocator only gives thread-local
 * caches to {@code FastThreadLocalThread}s, which is what the consumer runs on.
 *
 * <p>Thread contract: any thread (the allocator is thread-safe).
 */
final class Buffers {
    /** Direct only; one direct arena per two cores (at least one); 8 KiB pages, 4 MiB chunks. */
    public static final PooledByteBufAllocator ALLOCATOR = new PooledByteBufAllocator(
        true,
        0,
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        8192,
        9,
        256,
        64,
        false);

    private Buffers() {
    }
}
