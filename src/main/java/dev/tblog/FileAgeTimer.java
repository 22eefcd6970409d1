package dev.tblog;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of the process for {@code file.maxAgeMillis}: each logger that rotates files
 * by age has a task on it that puts a tick in its ring four times per age limit, so that a file
 * reaches its age limit (and, on an object store, becomes visible) within a quarter of it even
 * while nothing is logged. A daemon thread, started by the first such logger; loggers without the
 * key never start it.
 *
 * <p>Thread contract: any thread; the tasks run on the timer thread and must be short.
 */
final class FileAgeTimer {
    private FileAgeTimer() {
    }

    /** Started on first use (the holder idiom: class initialization is the lock). */
    private static final class Holder {
        static final ScheduledExecutorService TIMER = start();

        private static ScheduledExecutorService start() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "tblog-file-age");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    /** Runs {@code tick} four times per {@code maxAgeMillis} until the returned task is cancelled. */
    static ScheduledFuture<?> every(long maxAgeMillis, Runnable tick) {
        long period = Math.max(1, maxAgeMillis / 4);
        return Holder.TIMER.scheduleAtFixedRate(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                // A tick that failed (the logger closing meanwhile) is skipped; the next one tries again.
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }
}
