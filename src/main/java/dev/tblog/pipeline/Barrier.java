package dev.tblog.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A flush or close marker travelling through the ring: the consumer completes it once everything
 * published before it is written (and, for close, synced and closed), or fails it with the
 * pipeline's failure.
 *
 * <p>Thread contract: created and awaited by the caller of flush/close; completed by the consumer.
 * The future's completion gives the happens-before edge.
 */
public final class Barrier {
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    void complete() {
        done.complete(null);
    }

    void fail(Throwable cause) {
        done.completeExceptionally(cause);
    }

    /**
     * Waits for the consumer.
     *
     * @return {@code null} when everything before the barrier is written, else the failure
     * @throws TimeoutException the consumer did not reach the barrier in time
     */
    public Throwable await(long timeoutMillis) throws TimeoutException, InterruptedException {
        try {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
