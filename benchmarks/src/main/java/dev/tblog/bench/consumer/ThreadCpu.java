package dev.tblog.bench.consumer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the threads whose names start with a prefix (tblog's consumers are
 * {@code tblog-consumer-*}), summed, from the JVM's per-thread CPU clock.
 *
 * <p>Thread contract: static methods, any thread; allocates (call it outside measured code).
 */
public final class ThreadCpu {
    /** The name prefix of tblog's consumer threads. */
    public static final String CONSUMERS = "tblog-consumer";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** Summed CPU nanoseconds of the live threads named {@code prefix*}. */
    public static long nanos(String prefix) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.isAlive()) {
                long cpu = THREADS.getThreadCpuTime(t.getId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /** How many live threads are named {@code prefix*}. */
    public static int count(String prefix) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    /** CPU nanoseconds of the calling thread. */
    public static long currentThreadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
