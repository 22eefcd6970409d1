package dev.tblog.ring;

/**
 * What the producers and the consumer of one logger share for the scalar path: the wall clock the
 * consumer keeps fresh ({@link ScalarClock}) and the ids that scalar slots carry instead of their
 * tags ({@link TagIds}).
 *
 * <p>Thread contract: immutable; each part states its own.
 *
 * @param clock the producers' wall clock, refreshed by the consumer
 * @param tagIds the scalar tags' ids
 */
public record ScalarFastPath(ScalarClock clock, TagIds tagIds) {
}
