/**
 * The producer side of the ring: the preallocated {@link dev.tblog.ring.LogSlot}, and the one
 * publishing seam every {@code add*} call goes through ({@link dev.tblog.ring.Publisher}: closed
 * check, claim under the overflow policy, fill in {@code try}, publish in {@code finally}, pooled
 * payload memory, drop counts by kind), with the one wait ({@link dev.tblog.ring.Backoff}: spin,
 * park up to 1 ms; stall timeout; interrupts kept).
 *
 * <p>Thread contract: producers fill slots and wait here, lock-free but for the waits; the consumer
 * reads the slots it is handed and clears them.
 */
package dev.tblog.ring;
