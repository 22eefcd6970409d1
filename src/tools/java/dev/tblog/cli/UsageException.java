package dev.tblog.cli;

/**
 * Bad command-line arguments; the message says which.
 *
 * <p>Thread contract: immutable.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
