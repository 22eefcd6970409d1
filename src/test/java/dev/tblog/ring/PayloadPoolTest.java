package dev.tblog.ring;

import org.junit.jupiter.api.Test;

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
}
