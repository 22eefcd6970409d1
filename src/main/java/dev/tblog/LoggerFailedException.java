package dev.tblog;

/**
 * The logger could not do what was asked: its storage failed (disk full, I/O error), its consumer
 * hit an error, or close timed out. {@link Logger#stats()} counts what was lost.
 *
 * <p>Thread contract: immutable.
 */
public final class LoggerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the counts written, lost and dropped
     * @param cause the storage's or consumer's error, or {@code null}
     */
    public LoggerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
