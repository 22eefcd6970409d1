package dev.tblog.config;

/**
 * Whether many threads or exactly one publish into the ring.
 *
 * <p>Thread contract: immutable constants, any thread.
 */
public enum ProducerChoice {
    /** Any number of threads may log (CAS on claim). The safe default. */
    MULTI("multi"),
    /** Exactly one thread ever logs: a cheaper claim, and undefined behaviour if broken. */
    SINGLE("single");

    private final String configName;

    ProducerChoice(String configName) {
        this.configName = configName;
    }

    /** The name used in config files. */
    @Override
    public String toString() {
        return configName;
    }
}
