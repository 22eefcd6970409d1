package dev.tblog.ring;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadPoolTest {
    @Test
    void arraysHoldAtLeastTheLengthAskedForAndCountAsPending() {
        PayloadPool pool = new PayloadPool(1 << 20);
        float[] f = pool.floats(100, OverflowPolicy.BLOCK, () -> true);
        assertThat(f.length).isGreaterThanOrEqualTo(100);
        assertThat(pool.pendingBytes()).isEqualTo((long) f.length * Float.BYTES);
        pool.release(f);
        assertThat(pool.pendingBytes()).isZero();
    }

    @Test
    void aReleasedArrayIsReused() {
        PayloadPool pool = new PayloadPool(1 << 20);
        double[] first = pool.doubles(1000, OverflowPolicy.BLOCK, () -> true);
        pool.release(first);
        assertThat(pool.doubles(900, OverflowPolicy.BLOCK, () -> true)).isSameAs(first);
    }

    @Test
    void dropReturnsNullPastTheBudget() {
        PayloadPool pool = new PayloadPool(65536);
        byte[] a = pool.bytes(40_000, OverflowPolicy.DROP, () -> true);
        assertThat(a).isNotNull();
        assertThat(pool.bytes(40_000, OverflowPolicy.DROP, () -> true)).isNull();
        pool.release(a);
        assertThat(pool.bytes(40_000, OverflowPolicy.DROP, () -> true)).isNotNull();
    }

    @Test
    void blockWaitsUntilMemoryIsGivenBack() throws Exception {
        PayloadPool pool = new PayloadPool(65536);
        byte[] held = pool.bytes(40_000, OverflowPolicy.BLOCK, () -> true);
        CompletableFuture<byte[]> waiter = CompletableFuture.supplyAsync(
            () -> pool.bytes(40_000, OverflowPolicy.BLOCK, () -> true));
        Thread.sleep(50);
        assertThat(waiter).isNotDone();
        pool.release(held);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void blockStopsWaitingWhenTheLoggerStops() {
        PayloadPool pool = new PayloadPool(65536);
        pool.bytes(40_000, OverflowPolicy.BLOCK, () -> true);
        AtomicBoolean accepting = new AtomicBoolean(true);
        CompletableFuture<byte[]> waiter = CompletableFuture.supplyAsync(
            () -> pool.bytes(40_000, OverflowPolicy.BLOCK, accepting::get));
        accepting.set(false);
        assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void onePayloadBiggerThanTheBudgetIsAnError() {
        PayloadPool pool = new PayloadPool(65536);
        assertThatThrownBy(() -> pool.floats(100_000, OverflowPolicy.BLOCK, () -> true))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload.maxPendingBytes=65536");
    }
}
