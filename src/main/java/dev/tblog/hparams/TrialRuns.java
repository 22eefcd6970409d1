package dev.tblog.hparams;

/**
 * Where the k-th {@code addParameters} call of one logger puts its session.
 *
 * <p>Call 1 uses the logger's run folder itself (the session holds its own training scalars; no
 * extra sub-run). Call k &ge; 2 uses the sub-run {@code trial-NNNN} (k, zero-padded to 4 digits
 * so that runs sort in call order up to 9999) inside the run folder; that sub-run holds the
 * session start, session end and metric scalars of that call. See {@code docs/hparams-design.md}.
 *
 * <p>Pure; any thread.
 */
public final class TrialRuns {

    /** Prefix of trial sub-run folder names. */
    public static final String PREFIX = "trial-";

    private TrialRuns() {
    }

    /**
     * @param call 1-based index of the {@code addParameters} call on this logger, &ge; 1
     * @return the folder relative to the logger's run folder: {@code ""} for call 1 (the run itself),
     *         {@code "trial-0002"} for call 2, …, {@code "trial-12345"} past 9999
     */
    public static String subRunFor(int call) {
        if (call < 1) {
            throw new IllegalArgumentException("call index must be >= 1, got " + call);
        }
        return call == 1 ? "" : String.format("%s%04d", PREFIX, call);
    }

    /**
     * The TensorBoard run name of the session: {@code run} for call 1, else {@code run + "/trial-NNNN"};
     * the root run {@code "."} gives just {@code "trial-NNNN"}.
     *
     * @param run the logger's run name relative to the logdir ({@code "."} for the logdir itself), '/'-separated
     */
    public static String sessionRun(String run, int call) {
        if (run == null || run.isEmpty()) {
            throw new IllegalArgumentException("run must not be null or empty (use \".\" for the logdir root), got "
                    + (run == null ? null : "''"));
        }
        String sub = subRunFor(call);
        if (sub.isEmpty()) {
            return run;
        }
        return ".".equals(run) ? sub : run + "/" + sub;
    }
}
