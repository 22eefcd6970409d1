package dev.tblog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Regression (issue 19 item 9): {@code close()} on a hung disk said "IllegalStateException: logger
 * ... is closed (lost 0)" where the README promises "... timed out", and "lost 0" contradicted
 * {@code stats()} read right after (65,536 lost). Now it says it timed out, and the counts it
 * names are the ones {@code stats()} shows right after.
 */
class HungDiskCloseTest {
    private static final Pattern COUNTS = Pattern.compile("written (\\d+), lost (\\d+), dropped (\\d+)");

    @TempDir
    Path logdir;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheDisk() {
        release.countDown();
    }

    @ParameterizedTest(name = "ring {0}, {1} scalars, policy {2}")
    @CsvSource({"1024, 10, block", "1024, 5000, block", "1024, 5000, drop", "65536, 70000, block"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSayCloseTimedOutAndNameTheCountsThatStatsShowRightAfter(int ring, int scalars, String policy) {
        Logger log = Logger.builder().logdir(logdir).experiment("hung").sinkFactory(FaultySinks.hangingUntil(release))
            .errorHandler(t -> { }).set("shutdownHook.enabled", "false").set("ring.size", Integer.toString(ring))
            .set("overflow.policy", policy).set("overflow.stallTimeoutMillis", "200")
            .set("shutdown.timeoutMillis", "1000").build();
        for (int i = 0; i < scalars; i++) {
            log.addScalar("x", i, i);
        }
        LoggerFailedException failure = catchThrowableOfType(LoggerFailedException.class, log::close);
        LoggerStats stats = log.stats();
        assertThat(failure).as("close on a hung disk fails").isNotNull();
        assertThat(failure.getMessage()).contains("timed out").doesNotContain("IllegalStateException");
        Matcher counts = COUNTS.matcher(failure.getMessage());
        assertThat(counts.find()).as("the message names the counts: %s", failure.getMessage()).isTrue();
        assertThat(Long.parseLong(counts.group(1))).as("written, " + stats).isEqualTo(stats.written());
        assertThat(Long.parseLong(counts.group(2))).as("lost, " + stats).isEqualTo(stats.lost());
        assertThat(Long.parseLong(counts.group(3))).as("dropped, " + stats).isEqualTo(stats.dropped());
        assertThat(stats.written() + stats.lost() + stats.dropped()).isEqualTo(stats.published()).isEqualTo(scalars);
        LoggerFailedException again = catchThrowableOfType(LoggerFailedException.class, log::close);
        assertThat(again).as("a second close repeats the outcome").isSameAs(failure);
    }
}
