package dev.tblog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (issue 19 item 2): the defaults did not follow the heap. In {@code -Xmx128m}, 8
 * producers logging 512x512 float pictures died of {@code OutOfMemoryError} in the payload pool
 * (64 MiB pending plus as much again in free lists), under {@code drop} too; and
 * {@code ring.size=67108864}, documented as allowed, made {@code build()} throw
 * {@code OutOfMemoryError} in {@code -Xmx256m}. Now the payload budget and the ring follow the max
 * heap by default, the pool's free lists stay within the budget, and a configuration that cannot
 * fit fails at build with a clear message.
 */
class HeapBoundsTest {
    @TempDir
    Path logdir;

    @ParameterizedTest(name = "policy {0}")
    @ValueSource(strings = {"block", "drop"})
    void shouldLogLargePicturesFromEightProducersInASmallHeapWithTheDefaults(String policy) throws Exception {
        ChildJvm.Outcome child = new ChildJvm().options("-Xmx128m")
            .run(ImageFloodChild.class, 180, logdir.resolve("run").toString(), policy, "4", "8");
        assertThat(child.exitCode()).as(child.toString()).isZero();
        assertThat(child.longValue("DIED_COUNT")).as(child.toString()).isZero();
        assertThat(child.longValue("WRITTEN")).isPositive();
        assertThat(child.longValue("WRITTEN") + child.longValue("DROPPED") + child.longValue("LOST"))
            .isEqualTo(child.longValue("PUBLISHED"));
        assertThat(child.longValue("BUDGET")).as("the default budget in a 128 MiB heap").isLessThanOrEqualTo(8L << 20);
    }

    @Test
    void shouldRefuseARingTheHeapCannotHoldAtBuildNamingTheKeyAndTheHeap() throws Exception {
        ChildJvm.Outcome child = new ChildJvm().options("-Xmx256m", "-Dtblog.ring.size=67108864")
            .run(RingTooLargeChild.class, 120, logdir.resolve("run").toString());
        assertThat(child.exitCode()).as(child.toString()).isZero();
        assertThat(child.value("BUILD")).as(child.toString()).startsWith("java.lang.IllegalArgumentException")
            .contains("ring.size=67108864").contains("-Xmx").contains("256 MiB");
    }

    @Test
    void shouldRefuseAPayloadBudgetTheHeapCannotHoldAtBuild() throws Exception {
        ChildJvm.Outcome child = new ChildJvm().options("-Xmx128m", "-Dtblog.payload.maxPendingBytes=67108864")
            .run(RingTooLargeChild.class, 120, logdir.resolve("run").toString());
        assertThat(child.exitCode()).as(child.toString()).isZero();
        assertThat(child.value("BUILD")).as(child.toString()).startsWith("java.lang.IllegalArgumentException")
            .contains("payload.maxPendingBytes=67108864").contains("-Xmx");
    }
}
