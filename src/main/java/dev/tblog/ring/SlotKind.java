package dev.tblog.ring;

/**
 * What a ring slot holds.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum SlotKind {
    /** Nothing: never filled, or already consumed and cleared. The consumer skips it. */
    EMPTY,
    /** One scalar in the main run: tag, step, value, wall time. */
    SCALAR,
    /** One scalar of an {@code addScalars} call: in the sub-run of (tag, subKey). */
    SCALARS_MEMBER,
    /** Any other event kind: the payload knows how to encode itself on the consumer. */
    PAYLOAD,
    /** A flush barrier: the payload is completed once everything before it is written. */
    FLUSH,
    /** The close barrier: drain, write, fsync, close; the payload is completed then. */
    CLOSE,
    /**
     * The logger's timer ({@code file.maxAgeMillis}): nothing to write, but it ends a batch, whose
     * end rotates the files that are old enough even while nothing is logged. Counted as a barrier.
     */
    TICK
}
