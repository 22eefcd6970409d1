package dev.tblog;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * close() racing 8 producers, and flush() and close() from several threads at once: no deadlock, no
 * exception but IllegalStateException for add after close, no corrupt record, stats add up.
 */
@ExtendWith(SimpleLeakDetection.class)
class CloseRaceTest {
    private static final int PRODUCERS = 8;

    @TempDir
    Path logdir;

    @RepeatedTest(10)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldCloseWhileEightProducersLogAndOthersFlushAndCloseAtOnce(org.junit.jupiter.api.RepetitionInfo info)
        throws Exception {
        Random random = new Random(42 + info.getCurrentRepetition());
        Logger log = Logger.builder().logdir(logdir).experiment("race" + info.getCurrentRepetition())
            .set("shutdownHook.enabled", "false").set("ring.size", "256").set("shutdown.timeoutMillis", "20000").build();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            threads.add(thread("producer-" + p, start, unexpected, () -> {
                for (long i = 0; ; i++) {
                    try {
                        int k = ChildLogger.kindOf(i);
                        ChildLogger.logOne(log, "race", producer, k, i);
                    } catch (IllegalStateException closed) {
                        assertThat(closed).hasMessageContaining("closed");
                        return;
                    }
                }
            }));
        }
        for (int f = 0; f < 3; f++) {
            threads.add(thread("flusher-" + f, start, unexpected, () -> {
                while (!log.isClosed()) {
                    log.flush();
                }
                log.flush();
            }));
        }
        int sleep = random.nextInt(50);
        for (int c = 0; c < 3; c++) {
            threads.add(thread("closer-" + c, start, unexpected, () -> {
                Thread.sleep(sleep);
                log.close();
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(25_000);
            assertThat(t.isAlive()).as("%s finished (no deadlock)", t.getName()).isFalse();
        }
        assertThat(unexpected).isEmpty();
        LoggerStats s = log.stats();
        assertThat(s.failure()).isNull();
        assertThat(s.written() + s.dropped() + s.lost()).as(s.toString()).isEqualTo(s.published());
        RunChecker files = RunChecker.read(log.runDir(), false);
        long onDisk = files.steps.values().stream().mapToLong(List::size).sum();
        assertThat(onDisk).isEqualTo(s.written());
    }

    interface Body {
        void run() throws Exception;
    }

    private static Thread thread(String name, CountDownLatch start, Queue<Throwable> unexpected, Body body) {
        Thread t = new Thread(() -> {
            try {
                start.await();
                body.run();
            } catch (Throwable e) {
                unexpected.add(e);
            }
        }, name);
        t.start();
        return t;
    }
}
