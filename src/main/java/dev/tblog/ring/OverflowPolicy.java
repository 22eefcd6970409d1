package dev.tblog.ring;

/**
 * What a producer does when the ring (or the bounded payload pool) is full.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum OverflowPolicy {
    /** Wait, with the configured wait strategy's back-off, until there is room: nothing is lost. */
    BLOCK("block"),
    /** Never wait: the call is counted as dropped and returns at once. */
    DROP("drop");

    private final String configName;

    OverflowPolicy(String configName) {
        this.configName = configName;
    }

    /** The name used in config files. */
    public String configName() {
        return configName;
    }

    @Override
    public String toString() {
        return configName;
    }
}
