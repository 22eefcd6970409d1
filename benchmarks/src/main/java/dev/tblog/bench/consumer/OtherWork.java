package dev.tblog.bench.consumer;

import org.openjdk.jmh.infra.Blackhole;

/**
 * Other work on the machine, as a simulation's machine always has: {@code n} daemon threads that
 * burn CPU until stopped. On the 2-core VM two of them take half the machine from the logger.
 *
 * <p>Thread contract: start and stop from one thread; the workers are its own.
 */
public final class OtherWork implements AutoCloseable {
    private final Thread[] workers;
    private volatile boolean running = true;

    private OtherWork(int n) {
        workers = new Thread[n];
        for (int i = 0; i < n; i++) {
            workers[i] = new Thread(this::burn, "other-work-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** Starts {@code n} busy threads (none for 0). */
    public static OtherWork start(int n) {
        return new OtherWork(n);
    }

    private void burn() {
        while (running) {
            Blackhole.consumeCPU(4096);
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
