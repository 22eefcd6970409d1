package dev.tblog.config;

import com.lmax.disruptor.dsl.ProducerType;

/**
 * Whether many threads or exactly one publish into the ring.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum ProducerChoice {
    /** Any number of threads may log (CAS on claim). The safe default. */
    MULTI("multi", ProducerType.MULTI),
    /** Exactly one thread ever logs: a cheaper claim, and undefined behaviour if broken. */
    SINGLE("single", ProducerType.SINGLE);

    private final String configName;
    private final ProducerType producerType;

    ProducerChoice(String configName, ProducerType producerType) {
        this.configName = configName;
        this.producerType = producerType;
    }

    /** The name used in config files. */
    public String configName() {
        return configName;
    }

    /** The Disruptor's producer type. */
    public ProducerType producerType() {
        return producerType;
    }

    @Override
    public String toString() {
        return configName;
    }
}
