package dev.tblog;

import dev.tblog.ring.TagIds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagKindsTest {
    private final TagIds ids = new TagIds();
    private final TagKinds kinds = new TagKinds(ids);

    @Test
    void shouldGiveAScalarTagOneIdThatNamesIt() {
        int loss = kinds.claimScalar("loss");
        int accuracy = kinds.claimScalar("accuracy");
        assertThat(kinds.claimScalar("loss")).isEqualTo(loss);
        assertThat(accuracy).isNotEqualTo(loss);
        assertThat(ids.tag(loss)).isEqualTo("loss");
        assertThat(ids.tag(accuracy)).isEqualTo("accuracy");
    }

    @Test
    void shouldStillRefuseASecondKindOnAScalarTagAndTheReverse() {
        kinds.claimScalar("loss");
        kinds.claim("picture", TagKinds.IMAGE);
        assertThatThrownBy(() -> kinds.claim("loss", TagKinds.IMAGE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'loss' already holds scalar data");
        assertThatThrownBy(() -> kinds.claimScalar("picture")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'picture' already holds image data");
        assertThatThrownBy(() -> kinds.claimScalar(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveAScalarTagClaimedAnotherWayAnIdToo() {
        kinds.claimHistogram("weights"); // claims the scalar "weights/nonfinite"
        int nonFinite = kinds.claimScalar("weights/nonfinite");
        assertThat(nonFinite).isGreaterThanOrEqualTo(0);
        assertThat(ids.tag(nonFinite)).isEqualTo("weights/nonfinite");
    }

    @Test
    void shouldGiveOneIdWhenThreadsRaceTheFirstClaimOfATag() throws Exception {
        for (int round = 0; round < 50; round++) {
            String tag = "race" + round;
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    seen.add(kinds.claimScalar(tag));
                });
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(seen).hasSize(1);
        }
        assertThat(ids.size()).isEqualTo(50);
    }
}
