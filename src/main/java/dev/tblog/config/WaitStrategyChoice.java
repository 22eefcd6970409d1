package dev.tblog.config;

/**
 * How the consumer waits for events, by config name.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum WaitStrategyChoice {
    /** Spins briefly, yields, then parks ~100 ns at a time: producers never signal, little CPU. */
    SLEEPING("sleeping"),
    /** Lock and condition: lowest CPU when idle, but every publish pays for a signal. */
    BLOCKING("blocking"),
    /** Lock and condition, signalled only when the consumer is actually waiting. */
    LITE_BLOCKING("lite-blocking"),
    /** Spins then yields: low latency, one core busy. */
    YIELDING("yielding"),
    /** Spins: lowest latency, one core always busy. Only with a core to spare. */
    BUSY_SPIN("busy-spin");

    private final String configName;

    WaitStrategyChoice(String configName) {
        this.configName = configName;
    }

    /** The name used in config files. */
    @Override
    public String toString() {
        return configName;
    }
}
