package dev.tblog.record;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names of event files: {@code events.out.tfevents.<10-digit unix seconds>.<host>.<pid>.<counter>}.
 *
 * <p>TensorBoard reads the files of a run in lexicographic order, so the zero-padded seconds make a
 * later file sort after an earlier one; the pid and a per-process counter keep two writers that start
 * in the same second (in one process or several) from colliding. The counter is zero-padded to ten
 * digits too, so that within one second and one process lexicographic order is creation order
 * ({@code ...pid.0000000009} before {@code ...pid.0000000010}; unpadded, {@code .10} would sort
 * before {@code .9} and a rotated file would be read before the one it follows). Files are opened with
 * {@code CREATE_NEW}, and a clash that still happens moves on to the next counter.
 *
 * <p>Thread contract: any thread, lock-free.
 */
public final class EventFileNames {
    /** What TensorBoard looks for in a file name. */
    public static final String MARKER = "tfevents";
    private static final String PREFIX = "events.out.tfevents.";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private EventFileNames() {
    }

    /** A fresh name for a file created now. */
    public static String next(long epochSeconds) {
        return format(epochSeconds, Hosts.name(), ProcessHandle.current().pid(), COUNTER.getAndIncrement());
    }

    /** The name for the given parts. */
    public static String format(long epochSeconds, String host, long pid, int counter) {
        return PREFIX + String.format("%010d", epochSeconds) + '.' + host + '.' + pid + '.' + String.format("%010d", counter);
    }

    /** Whether TensorBoard would read a file of this name. */
    public static boolean isEventFile(String fileName) {
        return fileName.contains(MARKER);
    }
}
