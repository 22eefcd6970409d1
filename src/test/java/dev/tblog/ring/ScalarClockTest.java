package dev.tblog.ring;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ScalarClockTest {
    private final AtomicLong cursor = new AtomicLong(99);
    private final ScalarClock clock = new ScalarClock(cursor::get);

    @Test
    void shouldReadTheSystemClockUntilTheConsumerRefreshesIt() throws Exception {
        long before = System.currentTimeMillis();
        Thread.sleep(20);
        assertThat(clock.fresh()).isFalse();
        assertThat(clock.millis(100)).isGreaterThanOrEqualTo(before + 20);
    }

    @Test
    void shouldShareAProducersReadingWithTheNextClaimsOfItsWindowOnly() throws Exception {
        long read = clock.millis(100);
        assertThat(clock.fresh()).isTrue();
        Thread.sleep(30);
        assertThat(clock.millis(101)).isEqualTo(read);
        assertThat(clock.millis(100 + ScalarClock.PRODUCER_CLAIMS)).isEqualTo(read);
        assertThat(clock.millis(101 + ScalarClock.PRODUCER_CLAIMS)).as("past the producer's window")
            .isGreaterThanOrEqualTo(read + 30);
    }

    @Test
    void shouldNotCarryAProducersReadingPastTheConsumersStaleMark() throws Exception {
        long read = clock.millis(100);
        clock.stale(); // the end of the batch that holds claim 100
        Thread.sleep(30);
        assertThat(clock.millis(101)).isGreaterThanOrEqualTo(read + 30);
    }

    @Test
    void shouldReadTheSystemClockOnEveryClaimWithoutAConsumer() throws Exception {
        ScalarClock alone = ScalarClock.systemOnly();
        long first = alone.millis(100);
        Thread.sleep(30);
        assertThat(alone.millis(101)).isGreaterThanOrEqualTo(first + 30);
        assertThat(alone.fresh()).isFalse();
    }

    @Test
    void shouldGiveTheRefreshedTimeToTheClaimsOfItsWindowOnly() throws Exception {
        clock.refresh();
        long refreshed = clock.millis(100);
        Thread.sleep(30);
        assertThat(clock.millis(100)).isEqualTo(refreshed);
        assertThat(clock.millis(99 + ScalarClock.VALID_CLAIMS)).isEqualTo(refreshed);
        // Claims past the window (a consumer descheduled mid-batch while producers race on): the system clock.
        assertThat(clock.millis(100 + ScalarClock.VALID_CLAIMS)).isGreaterThanOrEqualTo(refreshed + 30);
    }

    @Test
    void shouldReadTheSystemClockOnceMarkedStale() throws Exception {
        clock.refresh();
        long refreshed = clock.millis(100);
        clock.stale();
        assertThat(clock.fresh()).isFalse();
        Thread.sleep(30);
        assertThat(clock.millis(100)).isGreaterThanOrEqualTo(refreshed + 30);
    }

    @Test
    void shouldMoveTheWindowWithTheCursorAtEachRefresh() throws Exception {
        clock.refresh();
        long first = clock.millis(100);
        cursor.set(1_000_000);
        Thread.sleep(30);
        assertThat(clock.millis(1_000_000)).as("past the old window").isGreaterThanOrEqualTo(first + 30);
        clock.refresh();
        long second = clock.millis(1_000_000);
        assertThat(second).isGreaterThanOrEqualTo(first + 30);
        assertThat(clock.millis(1_000_000 + ScalarClock.VALID_CLAIMS)).isEqualTo(second);
    }
}
