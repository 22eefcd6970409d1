package dev.tblog.config;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.function.Supplier;

/**
 * How the consumer waits for events, by config name.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum WaitStrategyChoice {
    /** Spins briefly, yields, then parks ~100 ns at a time: producers never signal, little CPU. */
    SLEEPING("sleeping", SleepingWaitStrategy::new),
    /** Lock and condition: lowest CPU when idle, but every publish pays for a signal. */
    BLOCKING("blocking", BlockingWaitStrategy::new),
    /** Lock and condition, signalled only when the consumer is actually waiting. */
    LITE_BLOCKING("lite-blocking", LiteBlockingWaitStrategy::new),
    /** Spins then yields: low latency, one core busy. */
    YIELDING("yielding", YieldingWaitStrategy::new),
    /** Spins: lowest latency, one core always busy. Only with a core to spare. */
    BUSY_SPIN("busy-spin", BusySpinWaitStrategy::new);

    private final String configName;
    private final Supplier<WaitStrategy> factory;

    WaitStrategyChoice(String configName, Supplier<WaitStrategy> factory) {
        this.configName = configName;
        this.factory = factory;
    }

    /** The name used in config files. */
    public String configName() {
        return configName;
    }

    /** A new wait strategy of this kind. */
    public WaitStrategy create() {
        return factory.get();
    }

    @Override
    public String toString() {
        return configName;
    }
}
