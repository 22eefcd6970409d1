package dev.tblog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Regression (issue 12, issue 19 item 1): on a sink whose write never returns, every call returns
 * within {@code overflow.stallTimeoutMillis} plus a margin, under both policies. Before the fix,
 * {@code addImage} and {@code addHistogram} waited for pooled memory without stall detection and
 * {@code addParameters} waited for a ring slot without it: all three hung until another thread
 * closed the logger.
 */
@ExtendWith(SimpleLeakDetection.class)
class HungDiskBoundTest {
    private static final long STALL_MILLIS = 200;
    /** What a loaded 2-core machine may add to one call, on top of the stall timeout. */
    private static final long MARGIN_MILLIS = 2_000;
    /** The bound of a whole scenario: the old code hangs, and must fail here rather than hang the build. */
    private static final Duration SCENARIO = Duration.ofSeconds(20);

    @TempDir
    Path logdir;

    private final CountDownLatch release = new CountDownLatch(1);
    private Logger log;

    @AfterEach
    void releaseTheDiskAndClose() {
        release.countDown();
        if (log != null) {
            log.close();
            LoggerStats s = log.stats();
            assertThat(s.written() + s.dropped() + s.lost()).as(s.toString()).isEqualTo(s.published());
        }
    }

    private Logger hungLogger(String policy) {
        log = Logger.builder().logdir(logdir).experiment("hung-" + policy)
            .sinkFactory(FaultySinks.hangingUntil(release)).errorHandler(t -> { })
            .set("shutdownHook.enabled", "false").set("overflow.policy", policy)
            .set("overflow.stallTimeoutMillis", Long.toString(STALL_MILLIS))
            .set("ring.size", "64").set("payload.maxPendingBytes", "65536")
            .set("shutdown.timeoutMillis", "2000").build();
        return log;
    }

    /** Runs {@code call} {@code times} times; each call must return within the stall timeout plus the margin. */
    private static void eachCallBounded(int times, Runnable call) {
        assertTimeoutPreemptively(SCENARIO, () -> {
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                call.run();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(millis).as("call %d returned after %d ms", i, millis).isLessThan(STALL_MILLIS + MARGIN_MILLIS);
            }
        });
    }

    @ParameterizedTest(name = "policy {0}")
    @ValueSource(strings = {"block", "drop"})
    void shouldReturnFromAddImageWithinTheStallTimeoutOnAHungDisk(String policy) {
        Logger l = hungLogger(policy);
        float[] pixels = new float[100 * 100]; // a 16,384-float pooled array: the whole 64 KiB budget
        long[] step = {0};
        Image image = Image.gray(pixels, 100, 100);
        eachCallBounded(20, () -> l.addImage("img", image, step[0]++));
        assertThat(l.stats().dropped("image")).as("the calls past the full pool are dropped").isPositive();
        if (policy.equals("block")) {
            assertThat(l.stats().stalls()).isPositive();
        }
    }

    @ParameterizedTest(name = "policy {0}")
    @ValueSource(strings = {"block", "drop"})
    void shouldReturnFromAddHistogramWithinTheStallTimeoutOnAHungDisk(String policy) {
        Logger l = hungLogger(policy);
        double[] values = new double[6_000]; // an 8,192-double pooled array: the whole 64 KiB budget
        long[] step = {0};
        eachCallBounded(20, () -> l.addHistogram("h", values, step[0]++));
        assertThat(l.stats().dropped("histogram")).isPositive();
    }

    @ParameterizedTest(name = "policy {0}")
    @ValueSource(strings = {"block", "drop"})
    void shouldReturnFromAddParametersWithinTheStallTimeoutOnAHungDisk(String policy) {
        Logger l = hungLogger(policy);
        eachCallBounded(200, () -> l.addScalar("fill", 1, 1)); // fills the 64-slot ring behind the hung write
        eachCallBounded(3, () -> l.addParameters(Map.of("lr", 0.1), Map.of("accuracy", 0.9)));
        assertThat(l.stats().dropped("hparams")).as("given up on the stalled consumer").isPositive();
        assertThat(l.stats().stalls()).isPositive();
    }
}
