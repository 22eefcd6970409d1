package dev.tblog.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle for a scalar's wall time, from tblog's documented promise (README, {@code ScalarClock}):
 * the millisecond the scalar entered the ring, or earlier by the consumer's clock refresh interval
 * (which can fall in the millisecond before the call), or by a scheduler slice when the consumer
 * thread was descheduled in the middle of a batch; never later than the call's return.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class WallTimeRules {
    /** How much earlier than its call a scalar's wall time may be. */
    static final long CLOCK_LAG_MILLIS = 20;

    private WallTimeRules() {
    }

    /** Fails unless {@code millis} fits a call made between {@code calledFrom} and {@code calledUntil}. */
    static void assertWallTimeOfCall(long millis, long calledFrom, long calledUntil, String what) {
        assertThat(millis).as("%s: wall time, called between %d and %d", what, calledFrom, calledUntil)
            .isBetween(calledFrom - CLOCK_LAG_MILLIS, calledUntil);
    }
}
