package dev.tblog.config;

/**
 * What a producer does when the ring (or the bounded payload memory) is full.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum OverflowPolicy {
    /**
     * Wait with back-off (spin, then park up to 1 ms) until there is room: nothing is lost
     * while the consumer makes progress. Gives up (dropped, counted as a stall) when the consumer made
     * no progress for {@code overflow.stallTimeoutMillis}, and with {@link IllegalStateException} when
     * the logger closes or its consumer stops.
     */
    BLOCK("block"),
    /** Never wait: the call is counted as dropped and returns at once. */
    DROP("drop");

    private final String configName;

    OverflowPolicy(String configName) {
        this.configName = configName;
    }

    @Override
    public String toString() {
        return configName;
    }
}
