package dev.tblog.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The defaults that follow the max heap always fit it; a configuration past half of it is refused, named. */
class HeapShareTest {
    private static final long MIB = 1 << 20;

    @ParameterizedTest(name = "-Xmx{0}m")
    @ValueSource(longs = {8, 16, 32, 64, 88, 128, 256, 512, 1024, 4096, 65536})
    void shouldGiveDefaultsThatTakeAtMostFiveSixteenthsOfAnyHeap(long heapMib) {
        long heap = heapMib * MIB;
        int ring = HeapShare.ringSize(heap);
        long payload = HeapShare.payloadBytes(heap);
        assertThat(Integer.bitCount(ring)).isEqualTo(1);
        assertThat(ring).isBetween(64, 65536);
        assertThat(payload).isBetween(65536L, 64 * MIB);
        assertThat(ring * HeapShare.SLOT_BYTES + 4 * payload).isLessThanOrEqualTo(heap * 5 / 16);
        assertThatCode(() -> HeapShare.check(ring, payload, heap)).doesNotThrowAnyException();
        if (heapMib >= 88) {
            assertThat(ring).isEqualTo(65536);
        }
        if (heapMib >= 1024) {
            assertThat(payload).isEqualTo(64 * MIB);
        }
    }

    @ParameterizedTest(name = "-Xmx{0}m")
    @ValueSource(longs = {128, 256, 1024})
    void shouldRefuseARingOfTwoToTheTwentySixSlotsUnderAFewGigabytesNamingTheKeysAndTheHeap(long heapMib) {
        assertThatThrownBy(() -> HeapShare.check(1 << 26, HeapShare.payloadBytes(heapMib * MIB), heapMib * MIB))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ring.size=67108864")
            .hasMessageContaining("payload.maxPendingBytes=").hasMessageContaining(heapMib + " MiB (-Xmx)");
    }

    @Test
    void shouldAcceptAnythingInAnUnboundedHeap() {
        assertThatCode(() -> HeapShare.check(1 << 26, 1L << 40, Long.MAX_VALUE)).doesNotThrowAnyException();
        assertThat(HeapShare.ringSize(Long.MAX_VALUE)).isEqualTo(65536);
        assertThat(HeapShare.payloadBytes(Long.MAX_VALUE)).isEqualTo(64 * MIB);
    }
}
