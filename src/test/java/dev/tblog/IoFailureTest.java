package dev.tblog;

import dev.tblog.sink.EventSinkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Storage faults: a full disk, a failing fsync, a hung disk. Nobody hangs; the failure is reported and counted. */
@ExtendWith(SimpleLeakDetection.class)
class IoFailureTest {
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 50_000;

    @TempDir
    Path logdir;

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    private Logger logger(EventSinkFactory sinks, String... config) {
        LoggerBuilder b = Logger.builder().logdir(logdir).experiment("run").sinkFactory(sinks)
            .errorHandler(handled::add).set("shutdownHook.enabled", "false").set("ring.size", "64")
            .set("shutdown.timeoutMillis", "5000");
        for (int i = 0; i < config.length; i += 2) {
            b.set(config[i], config[i + 1]);
        }
        return b.build();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReturnProducersOnAFullDiskUnderBlockReportItInFlushAndCloseAndCountEveryEvent() throws Exception {
        Logger log = logger(FaultySinks.diskFullAfter(200_000), "write.thresholdBytes", "4096");
        List<Thread> producers = produce(log, "disk");
        for (Thread t : producers) {
            t.join(30_000);
            assertThat(t.isAlive()).as("producer %s returned within 30 s", t.getName()).isFalse();
        }
        assertThatThrownBy(log::flush).isInstanceOf(LoggerFailedException.class)
            .hasMessageContaining("No space left on device");
        // The consumer is not dead: it keeps draining, counting what it cannot write as lost.
        long lostBefore = log.stats().lost();
        log.addScalar("after", 1, 1);
        log.addText("after", "text", 1);
        assertThatThrownBy(log::flush).isInstanceOf(LoggerFailedException.class);
        assertThat(log.stats().lost()).isEqualTo(lostBefore + 2);
        assertThatThrownBy(log::close).isInstanceOf(LoggerFailedException.class)
            .hasMessageContaining("No space left on device");
        assertThatThrownBy(log::close).as("a second close reports the same").isInstanceOf(LoggerFailedException.class);

        LoggerStats s = log.stats();
        assertThat(s.published()).isEqualTo((long) PRODUCERS * PER_PRODUCER + 2);
        assertThat(s.written() + s.dropped() + s.lost()).isEqualTo(s.published());
        assertThat(s.lost()).isPositive();
        assertThat(s.failure()).contains("No space left on device");
        assertThat(handled).isNotEmpty();
        assertThat(handled.get(0)).hasMessageContaining("No space left on device");
        RunChecker files = RunChecker.read(log.runDir(), true);
        long onDisk = files.steps.values().stream().mapToLong(List::size).sum();
        assertThat(onDisk).as("what stats call written is in the files").isGreaterThanOrEqualTo(s.written());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldFailFlushAndCloseWhenFsyncFails() throws Exception {
        Logger log = logger(FaultySinks.fsyncFails(), "fsync.policy", "flush");
        log.addScalar("x", 1, 1);
        assertThatThrownBy(log::flush).isInstanceOf(LoggerFailedException.class).hasMessageContaining("fsync");
        for (Thread t : produce(log, "fsync")) {
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
        }
        assertThatThrownBy(log::close).isInstanceOf(LoggerFailedException.class).hasMessageContaining("fsync");
        LoggerStats s = log.stats();
        assertThat(s.written() + s.dropped() + s.lost()).isEqualTo(s.published());
        assertThat(s.published()).isEqualTo((long) PRODUCERS * PER_PRODUCER + 1);
        assertThat(handled).isNotEmpty();
    }

    /** Regression: flush() waited for room in a full ring with no bound, forever on a hung disk. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldGiveUpProducersOnAHungDiskAfterTheStallTimeoutAndFailFlushInsteadOfHanging() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Logger log = logger(FaultySinks.hangingUntil(release), "overflow.stallTimeoutMillis", "300",
            "shutdown.timeoutMillis", "1000");
        List<Thread> producers = produce(log, "hung", 2_000);
        for (Thread t : producers) {
            t.join(20_000);
            assertThat(t.isAlive()).as("producer %s returned", t.getName()).isFalse();
        }
        LoggerStats stalled = log.stats();
        assertThat(stalled.stalls()).isPositive();
        assertThat(stalled.dropped("scalar")).isPositive();
        assertThat(stalled.failure()).contains("stalled");
        long start = System.nanoTime();
        assertThatThrownBy(log::flush).isInstanceOf(LoggerFailedException.class).hasMessageContaining("timeoutMillis");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        release.countDown();
        log.close();
        LoggerStats s = log.stats();
        assertThat(s.published()).isEqualTo(PRODUCERS * 2_000L);
        assertThat(s.written() + s.dropped() + s.lost()).isEqualTo(s.published());
        assertThat(s.written()).isPositive();
    }

    private static List<Thread> produce(Logger log, String tag) {
        return produce(log, tag, PER_PRODUCER);
    }

    private static List<Thread> produce(Logger log, String tag, int perProducer) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            String producerTag = tag + "/" + p;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    if (i % 100 == 0) {
                        log.addScalars(producerTag, Map.of("k", i), i);
                    } else {
                        log.addScalar(producerTag, i, i);
                    }
                }
            }, "producer-" + p);
            t.start();
            threads.add(t);
        }
        return threads;
    }
}
