package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idle logger costs about nothing (issue 19, item 5: the old default burned ~22 % of a core per
 * idle logger), and still brings data to the OS without flush once it is used again. The CPU is the
 * consumer threads' own CPU clock (ThreadMXBean) over a second of idleness; the bound is generous
 * (5 % of a core per logger, against ~0.1-0.5 % measured) so that a loaded machine cannot fail it,
 * while the old strategy would.
 */
class IdleLoggerTest {
    private static final int LOGGERS = 4;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path logdir;

    private Logger logger(String experiment) {
        return Logger.builder().logdir(logdir).experiment(experiment).set("shutdownHook.enabled", "false").build();
    }

    @Test
    void shouldCostAnIdleLoggerUnderFivePercentOfACore() throws Exception {
        Set<Thread> before = consumers();
        List<Logger> loggers = new ArrayList<>();
        try {
            for (int i = 0; i < LOGGERS; i++) {
                Logger log = logger("idle-" + i);
                loggers.add(log);
                log.addScalar("x", 1, 1);
                log.flush();
            }
            List<Thread> ours = new ArrayList<>(consumers());
            ours.removeAll(before);
            assertThat(ours).hasSize(LOGGERS);
            Thread.sleep(300); // into the idle back-off

            long cpuBefore = cpu(ours);
            long wallBefore = System.nanoTime();
            Thread.sleep(1000);
            long cpuNanos = cpu(ours) - cpuBefore;
            long wallNanos = System.nanoTime() - wallBefore;

            double perLogger = (double) cpuNanos / wallNanos / LOGGERS;
            assertThat(perLogger).as("share of a core per idle logger (%d ns over %d ns, %d loggers)",
                cpuNanos, wallNanos, LOGGERS).isLessThan(0.05);
        } finally {
            loggers.forEach(Logger::close);
        }
    }

    @Test
    void shouldBringAnEventToTheFileWithoutFlushAfterTheLoggerWasIdle() throws Exception {
        try (Logger log = logger("woken")) {
            log.addScalar("x", 1, 1);
            log.flush();
            Thread.sleep(300); // the consumer parks at its longest
            log.addScalar("x", 2, 2);
            long deadline = System.nanoTime() + 5_000_000_000L;
            List<Event> found = List.of();
            while (found.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(2);
                found = TestEvents.withTag(TestEvents.read(logdir.resolve("woken")), "x");
            }
            assertThat(found).extracting(Event::getStep).containsExactly(1L, 2L);
        }
    }

    private static Set<Thread> consumers() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("tblog-consumer") && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }

    private static long cpu(List<Thread> threads) {
        long total = 0;
        for (Thread t : threads) {
            total += THREADS.getThreadCpuTime(t.getId());
        }
        return total;
    }
}
