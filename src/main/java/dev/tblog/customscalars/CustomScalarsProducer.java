package dev.tblog.customscalars;

import dev.tblog.ring.Publisher;

/**
 * The producer half of the custom scalars kind ({@code addCustomScalars}): publishes a built
 * layout. Once per run and never worth losing to a burst: it waits for room under either overflow
 * policy, bounded by {@code overflow.stallTimeoutMillis} (a call given up on a stalled consumer is
 * counted as a "custom_scalars" drop).
 *
 * <p>Thread contract: any thread; stateless.
 */
public final class CustomScalarsProducer {
    private final Publisher publisher;

    public CustomScalarsProducer(Publisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Logs the run's layout.
     *
     * @throws IllegalStateException the logger is closed
     */
    public void add(ScalarLayout layout) {
        publisher.publishUnlessStalled(new CustomScalarsPayload(layout.serialized()));
    }
}
