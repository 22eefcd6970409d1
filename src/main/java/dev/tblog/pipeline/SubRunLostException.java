package dev.tblog.pipeline;

/**
 * A sub-run (a key of {@code addScalars}, an hparams trial) whose event file could not be opened:
 * that sub-run's events are lost, each counted, and the rest of the run goes on. The consumer
 * reports it once, when the open fails; later events for the sub-run meet the same instance
 * (no stack trace is filled again) and are only counted.
 *
 * <p>Thread contract: made and thrown on the consumer thread; {@link #firstReport()} is for that
 * thread only.
 */
public final class SubRunLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String folder;
    private transient boolean reported;

    SubRunLostException(String folder, Exception cause) {
        super("sub-run '" + folder + "' cannot be opened, its events are lost (the rest of the run goes on): "
            + cause, cause);
        this.folder = folder;
    }

    /** The sub-run's folder, relative to the run folder. */
    public String folder() {
        return folder;
    }

    /** True the first time it is asked: whether the loss is still to be reported. */
    boolean firstReport() {
        if (reported) {
            return false;
        }
        reported = true;
        return true;
    }
}
