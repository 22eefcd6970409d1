package dev.tblog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Mixed load from 8 producers: exact counts per tag under block; exact accounting under drop with a tiny ring. */
@ExtendWith(SimpleLeakDetection.class)
class LoadTest {
    private static final int PRODUCERS = 8;

    @TempDir
    Path logdir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldWriteExactlyEveryMixedEventOfEightMillionInOrderPerTagUnderBlock() throws Exception {
        int perProducer = 1_000_000;
        Logger log = Logger.builder().logdir(logdir).experiment("block").set("shutdownHook.enabled", "false")
            .set("ring.size", "4096").build();
        long[][] expected = run(log, perProducer);
        log.close();
        RunChecker files = RunChecker.read(log.runDir(), false);
        long total = 0;
        for (int t = 0; t < PRODUCERS; t++) {
            for (int k = 0; k < ChildLogger.KINDS; k++) {
                String[] tag = ChildLogger.readTag("load", t, k);
                assertThat(files.assertDense(tag[1].isEmpty() ? "." : tag[1], tag[0])).as(tag[0] + " kind " + k)
                    .isEqualTo(expected[t][k]);
                total += expected[t][k];
            }
        }
        assertThat(total).isEqualTo((long) PRODUCERS * perProducer);
        LoggerStats s = log.stats();
        assertThat(s.published()).isEqualTo(total);
        assertThat(s.written()).isEqualTo(total);
        assertThat(s.dropped() + s.lost()).isZero();
        assertThat(s.pendingPayloadBytes()).isZero();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldCountWrittenPlusDroppedAsPublishedExactlyByKindUnderDropWithATinyRing() throws Exception {
        int perProducer = 200_000;
        Logger log = Logger.builder().logdir(logdir).experiment("drop").set("shutdownHook.enabled", "false")
            .set("ring.size", "64").set("overflow.policy", "drop").build();
        run(log, perProducer);
        log.close();
        LoggerStats s = log.stats();
        assertThat(s.published()).isEqualTo((long) PRODUCERS * perProducer);
        assertThat(s.written() + s.dropped()).isEqualTo(s.published());
        assertThat(s.lost()).isZero();
        assertThat(s.dropped()).isPositive();
        assertThat(s.droppedByKind().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.dropped());
        assertThat(s.droppedByKind()).containsKeys("scalar");
        RunChecker files = RunChecker.read(log.runDir(), false);
        long onDisk = files.steps.values().stream().mapToLong(List::size).sum();
        assertThat(onDisk).isEqualTo(s.written());
        System.out.println("drop test: " + s);
    }

    /** Runs the producers; returns, per producer and kind, the calls made. */
    private static long[][] run(Logger log, int perProducer) throws InterruptedException {
        long[][] counts = new long[PRODUCERS][ChildLogger.KINDS];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long[] next = counts[producer];
                for (long i = 0; i < perProducer; i++) {
                    int k = ChildLogger.kindOf(i);
                    ChildLogger.logOne(log, "load", producer, k, next[k]);
                    next[k]++;
                }
            }, "producer-" + p);
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return counts;
    }
}
