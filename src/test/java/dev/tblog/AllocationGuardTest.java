package dev.tblog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot path allocates nothing: not the calling thread per addScalar, not the consumer per scalar
 * event in the steady state. A guard, not a timing: it counts bytes with the JVM's per-thread
 * allocation counter, so it fails the build when someone adds an allocation.
 */
@ExtendWith(SimpleLeakDetection.class)
class AllocationGuardTest {
    private static final int WARM_UP = 2_000_000;
    private static final int CALLS = 1_000_000;

    @TempDir
    Path logdir;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void shouldAllocateNothingInAddScalarOnTheCallingThreadNorOnTheConsumer() {
        // A small ring, so that the warm-up already runs the full-ring wait path many times: its
        // first run links call sites (a one-off allocation), which must not land in the measurement.
        try (Logger log = Logger.builder().logdir(logdir).experiment("alloc")
            .set("shutdownHook.enabled", "false").set("ring.size", "1024").build()) {
            String[] tags = {"loss", "accuracy", "rate/excitatory", "rate/inhibitory"};
            logCalls(log, tags, WARM_UP, 0);
            log.flush();
            Thread consumer = consumerThread();

            long producerBefore = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
            long consumerBefore = THREADS.getThreadAllocatedBytes(consumer.getId());
            logCalls(log, tags, CALLS, WARM_UP);
            long producerBytes = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - producerBefore;
            log.flush();
            long consumerBytes = THREADS.getThreadAllocatedBytes(consumer.getId()) - consumerBefore;

            // An allocation per call would be 16 bytes a call at least, 16 MB here. Run after
            // FullRingWaitersTest in one JVM (not alone, not in the whole suite), the caller allocated
            // 72-176 bytes once over the million calls, on the code of 2026-12-01 as on today's: a
            // one-off of the JIT's (the same call sites saw other types there), not of the call.
            assertThat(producerBytes).as("bytes allocated by the caller over %d addScalar calls", CALLS)
                .isLessThan(1024);
            // flush() itself allocates its barrier object on the caller; on the consumer, only the
            // completion of that one barrier may allocate: far less than a byte per event.
            assertThat(consumerBytes).as("bytes allocated by the consumer over %d scalar events", CALLS)
                .isLessThan(1024);
        }
    }

    private static void logCalls(Logger log, String[] tags, int calls, long firstStep) {
        for (int i = 0; i < calls; i++) {
            log.addScalar(tags[i & 3], i * 0.5, firstStep + i);
        }
    }

    private static Thread consumerThread() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("tblog-consumer") && t.isAlive())
            .findFirst().orElseThrow();
    }
}
