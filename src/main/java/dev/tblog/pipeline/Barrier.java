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
     * Waits for the consumer until the deadline. An interrupt does not end the wait: the flag is
     * cleared while waiting and restored before returning (the work of flush and close is not to
     * be abandoned half done because the caller's thread was interrupted).
     *
     * @param deadlineNanos a {@link System#nanoTime()}
     * @return {@code null} when everything before the barrier is written, else the failure
     * @throws TimeoutException the consumer did not reach the barrier in time
     */
    public Throwable awaitUntil(long deadlineNanos) throws TimeoutException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return null;
                } catch (ExecutionException e) {
                    return e.getCause();
                } catch (InterruptedException e) {
                    interrupted = true; // get() cleared the flag: the next round waits properly
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
