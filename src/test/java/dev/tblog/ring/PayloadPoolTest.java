package dev.tblog.ring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadPoolTest {
    @Test
    void shouldHandOutArraysOfThePowerOfTwoSizeClassAtLeastSixtyFourLong() {
        assertThat(PayloadPool.sizeClass(0)).isEqualTo(6);
        assertThat(PayloadPool.sizeClass(64)).isEqualTo(6);
        assertThat(PayloadPool.sizeClass(65)).isEqualTo(7);
        assertThat(PayloadPool.sizeClass(1 << 20)).isEqualTo(20);
        assertThat(new PayloadPool(1 << 20).floats(PayloadPool.sizeClass(100))).hasSize(128);
        assertThatThrownBy(() -> PayloadPool.sizeClass(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> PayloadPool.sizeClass((1 << 30) + 1)).hasMessageContaining("too large");
    }

    @Test
    void shouldCountReservedBytesAsPendingUntilTheArrayIsGivenBack() {
        PayloadPool pool = new PayloadPool(1 << 20);
        int sizeClass = PayloadPool.sizeClass(100);
        long bytes = pool.bytesOf(Float.BYTES, sizeClass);
        assertThat(pool.tryTake(bytes)).isZero();
        float[] f = pool.floats(sizeClass);
        assertThat(pool.pendingBytes()).isEqualTo((long) f.length * Float.BYTES).isEqualTo(bytes);
        pool.release(f);
        assertThat(pool.pendingBytes()).isZero();
    }

    @Test
    void shouldReuseAReleasedArray() {
        PayloadPool pool = new PayloadPool(1 << 20);
        int sizeClass = PayloadPool.sizeClass(1000);
        pool.tryTake(pool.bytesOf(Double.BYTES, sizeClass));
        double[] first = pool.doubles(sizeClass);
        pool.release(first);
        pool.tryTake(pool.bytesOf(Double.BYTES, PayloadPool.sizeClass(900)));
        assertThat(pool.doubles(PayloadPool.sizeClass(900))).isSameAs(first);
    }

    @Test
    void shouldReuseAReleasedBooleanArrayAndCountItsBytesOnceGivenBack() {
        PayloadPool pool = new PayloadPool(1 << 20);
        int sizeClass = PayloadPool.sizeClass(10_000);
        pool.tryTake(pool.bytesOf(Byte.BYTES, sizeClass));
        boolean[] labels = pool.booleans(sizeClass);
        assertThat(labels).hasSize(16_384);
        assertThat(pool.pendingBytes()).isEqualTo(16_384);
        pool.release(labels);
        assertThat(pool.pendingBytes()).isZero();
        pool.tryTake(pool.bytesOf(Byte.BYTES, sizeClass));
        assertThat(pool.booleans(sizeClass)).isSameAs(labels);
    }

    @Test
    void shouldRefuseAReservationPastTheBudgetUntilMemoryIsGivenBack() {
        PayloadPool pool = new PayloadPool(65536);
        int sizeClass = PayloadPool.sizeClass(40_000);
        long bytes = pool.bytesOf(Byte.BYTES, sizeClass);
        assertThat(pool.tryTake(bytes)).isZero();
        byte[] a = pool.bytes(sizeClass);
        assertThat(pool.tryTake(bytes)).isEqualTo(Backoff.Room.NONE);
        pool.release(a);
        assertThat(pool.tryTake(bytes)).isZero();
    }

    @Test
    void shouldRefuseOnePayloadBiggerThanTheBudgetNamingTheBudget() {
        PayloadPool pool = new PayloadPool(65536);
        assertThat(pool.fits(Float.BYTES, PayloadPool.sizeClass(16_384))).isTrue();
        assertThat(pool.fits(Float.BYTES, PayloadPool.sizeClass(16_385))).isFalse();
        assertThatThrownBy(() -> pool.bytesOf(Float.BYTES, PayloadPool.sizeClass(100_000)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload.maxPendingBytes=65536");
    }

    /**
     * Regression (issue 19 item 2): the arrays kept for reuse came on top of the pending budget, up
     * to as much again, so a pool of 64 MiB could hold 128 MiB. Pending and kept arrays together
     * now stay within the budget: arrays of another size are let go to make room.
     */
    @Test
    void shouldKeepPendingAndRetainedArraysTogetherWithinTheBudget() {
        long budget = 1 << 20;
        PayloadPool pool = new PayloadPool(budget);
        int small = PayloadPool.sizeClass(16_384);   // 64 KiB of floats
        int large = PayloadPool.sizeClass(32_768);   // 128 KiB of floats
        List<float[]> held = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            assertThat(pool.tryTake(pool.bytesOf(Float.BYTES, small))).isZero();
            held.add(pool.floats(small));
        }
        held.forEach(pool::release);
        held.clear();
        assertThat(pool.retainedBytes()).as("kept for reuse").isPositive();
        for (int i = 0; i < 8; i++) {
            assertThat(pool.tryTake(pool.bytesOf(Float.BYTES, large))).isZero();
            held.add(pool.floats(large));
            assertThat(pool.pendingBytes() + pool.retainedBytes()).as("after %d large arrays", i + 1)
                .isLessThanOrEqualTo(budget);
        }
        held.forEach(pool::release);
        assertThat(pool.pendingBytes()).isZero();
        assertThat(pool.retainedBytes()).isLessThanOrEqualTo(budget);
    }
}
