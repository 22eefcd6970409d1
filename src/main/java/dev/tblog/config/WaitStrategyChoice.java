package dev.tblog.config;

/**
 * How the consumer waits for events, by config name.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum WaitStrategyChoice {
    /**
     * Spins briefly, yields, then parks for spans doubling up to 1 ms: producers never signal, an idle
     * logger costs well under 1 % of a core, an event waits at most ~1 ms for a parked consumer.
     */
    PARKING("parking"),
    /**
     * The Disruptor's sleeping strategy: spins, yields, then parks ~100 ns at a time (in practice
     * ~60 µs on Linux): producers never signal, but an idle logger costs ~20 % of a core.
     */
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
