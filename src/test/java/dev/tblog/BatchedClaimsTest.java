package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched claims ({@code ring.claimBatch}) seen from the API: a thread's reserved slots never hold
 * up another thread's flush, nothing is lost or doubled, and the counts stay exact.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchedClaimsTest {
    @TempDir
    Path logdir;

    private Logger logger(String batch) {
        return Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false")
            .set("ring.claimBatch", batch).build();
    }

    @Test
    void shouldNotLetAThreadThatStoppedLoggingHoldUpAnotherThreadsFlush() throws Exception {
        CountDownLatch logged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Logger log = logger("16")) {
            // This thread logs once and then stays alive without logging: 15 slots stay reserved.
            Thread quiet = new Thread(() -> {
                log.addScalar("quiet", 1.5, 0);
                logged.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            quiet.start();
            logged.await();
            log.addScalar("main", 2.5, 0);
            long start = System.nanoTime();
            log.flush();
            long flushMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(flushMillis).as("the consumer gave up the quiet thread's slots").isLessThan(5_000);
            List<Event> events = TestEvents.read(logdir.resolve("run"));
            assertThat(TestEvents.withTag(events, "quiet")).hasSize(1);
            assertThat(TestEvents.withTag(events, "main")).hasSize(1);
            LoggerStats stats = log.stats();
            assertThat(stats.published()).as("given-up slots are no events").isEqualTo(2);
            assertThat(stats.written()).isEqualTo(2);
            release.countDown();
            quiet.join();
        }
    }

    @Test
    void shouldWriteEveryValueOnceWhenThreadsLogInBurstsAndPauses() throws Exception {
        int threads = 4;
        int steps = 400;
        try (Logger log = logger("16")) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tag = "t" + t;
                Thread worker = new Thread(() -> {
                    for (int step = 0; step < steps; step++) {
                        for (int k = 0; k < 3; k++) {
                            log.addScalar(tag + "/m" + k, step * 10 + k, step);
                        }
                        if (step % 50 == 0) {
                            log.flush(); // a thread's own flush gives its reserved slots up
                        } else if (step % 7 == 0) {
                            sleepQuietly(1); // a pause: the consumer meets this thread's open reservation
                        }
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            log.flush();
            LoggerStats stats = log.stats();
            assertThat(stats.published()).isEqualTo((long) threads * steps * 3);
            assertThat(stats.written()).isEqualTo(stats.published());
            assertThat(stats.lost()).isZero();
        }
        List<Event> events = TestEvents.read(logdir.resolve("run"));
        for (int t = 0; t < threads; t++) {
            for (int k = 0; k < 3; k++) {
                List<Event> series = TestEvents.withTag(events, "t" + t + "/m" + k);
                assertThat(series).extracting(Event::getStep).as("t%d/m%d: every step once, in order", t, k)
                    .containsExactlyElementsOf(range(steps));
            }
        }
    }

    @Test
    void shouldKeepAThreadsProgramOrderAcrossScalarsAndOtherKinds() {
        try (Logger log = logger("16")) {
            for (int step = 0; step < 5; step++) {
                log.addScalar("before", step, step);
                log.addText("note", "step " + step, step);
                log.addScalar("after", step, step);
            }
        }
        List<String> order = new ArrayList<>();
        for (Event e : TestEvents.read(logdir.resolve("run"))) {
            if (e.hasSummary()) {
                order.add(e.getSummary().getValue(0).getTag() + "@" + e.getStep());
            }
        }
        List<String> expected = new ArrayList<>();
        for (int step = 0; step < 5; step++) {
            expected.add("before@" + step);
            expected.add("note/text_summary@" + step);
            expected.add("after@" + step);
        }
        assertThat(order).containsExactlyElementsOf(expected);
    }

    private static List<Long> range(int n) {
        List<Long> r = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
