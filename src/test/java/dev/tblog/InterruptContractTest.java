package dev.tblog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Regression (issue 19 item 6), the interrupt contract, Java's habit: a thread's interrupt flag does
 * not change what a call does. A waiting producer whose flag is set parks like any other (before the
 * fix {@code parkNanos} returned at once and it spun a core), and keeps its flag; {@code flush()} and
 * {@code close()} on an interrupted thread finish their work, keep the flag and do not throw (before
 * the fix close threw "was interrupted" after writing everything, and every later close repeated it).
 */
@ExtendWith(SimpleLeakDetection.class)
class InterruptContractTest {
    @TempDir
    Path logdir;

    private Logger logger(String experiment, FaultySinkChoice sinks, CountDownLatch release) {
        LoggerBuilder b = Logger.builder().logdir(logdir).experiment(experiment)
            .set("shutdownHook.enabled", "false").set("ring.size", "64").errorHandler(t -> { });
        if (sinks == FaultySinkChoice.HUNG) {
            b.sinkFactory(FaultySinks.hangingUntil(release)).set("overflow.stallTimeoutMillis", "0");
        }
        return b.build();
    }

    private enum FaultySinkChoice { LOCAL, HUNG }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldParkAnInterruptedProducerWaitingOnAFullRingAndKeepItsFlag() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Logger log = logger("interrupted-producer", FaultySinkChoice.HUNG, release);
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                for (int i = 0; i < 500; i++) { // far more than the ring holds behind the hung write
                    log.addScalar("x", i, i);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
            flagKept.set(Thread.currentThread().isInterrupted());
        }, "interrupted-producer");
        producer.start();
        Thread.sleep(300); // it fills the ring and starts waiting
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getThreadCpuTime(producer.getId());
        long wallBefore = System.nanoTime();
        Thread.sleep(1_000);
        long cpu = threads.getThreadCpuTime(producer.getId()) - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        assertThat(producer.isAlive()).as("still waiting for room").isTrue();
        assertThat(cpu).as("CPU time of the waiting producer over %d ms of wall time", wall / 1_000_000)
            .isLessThan(wall / 10);
        release.countDown();
        producer.join(20_000);
        assertThat(failure.get()).isNull();
        assertThat(flagKept).as("the producer's interrupt flag is restored").isTrue();
        log.close();
        assertThat(log.stats().written()).isEqualTo(500);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFlushAndCloseOnAnInterruptedThreadWithoutThrowingAndKeepTheFlag() {
        Logger log = logger("interrupted-closer", FaultySinkChoice.LOCAL, null);
        for (int i = 0; i < 1_000; i++) {
            log.addScalar("x", i, i);
        }
        try {
            Thread.currentThread().interrupt();
            assertThatCode(log::flush).doesNotThrowAnyException();
            assertThat(Thread.currentThread().isInterrupted()).as("flag kept by flush").isTrue();
            assertThat(log.stats().written()).isEqualTo(1_000);
            log.addScalar("x", 1_000, 1_000);
            assertThatCode(log::close).doesNotThrowAnyException();
            assertThat(Thread.currentThread().isInterrupted()).as("flag kept by close").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThatCode(log::close).as("a later close repeats no failure").doesNotThrowAnyException();
        assertThat(log.stats().written()).isEqualTo(1_001);
        assertThat(log.stats().failure()).isNull();
        assertThat(TestEvents.withTag(TestEvents.read(log.runDir()), "x")).hasSize(1_001);
    }
}
