package dev.tblog.tensorboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A second JVM declaring the sweep of {@link LogCalls#declareSweep} in a log folder, for the tests
 * that race two processes: {@code SweepDeclarer LOGDIR GO_FILE} prints {@code waiting}, waits until
 * {@code GO_FILE} exists (so that both processes declare at the same moment), declares, prints
 * {@code declared} and exits 0; on any failure it prints the exception and exits 1.
 *
 * <p>Thread contract: a program's main thread.
 */
public final class SweepDeclarer {
    private SweepDeclarer() {
    }

    public static void main(String[] args) {
        Path logdir = Path.of(args[0]);
        Path go = Path.of(args[1]);
        System.out.println("waiting");
        System.out.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(go) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        try {
            LogCalls.declareSweep(logdir);
            System.out.println("declared");
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
