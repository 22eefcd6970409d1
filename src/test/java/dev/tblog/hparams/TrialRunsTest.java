package dev.tblog.hparams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialRunsTest {

    @Test
    void firstCallShouldUseTheRunItself() {
        assertThat(TrialRuns.subRunFor(1)).isEmpty();
        assertThat(TrialRuns.sessionRun("sweep/run1", 1)).isEqualTo("sweep/run1");
        assertThat(TrialRuns.sessionRun(".", 1)).isEqualTo(".");
    }

    @Test
    void laterCallsShouldUseZeroPaddedTrialSubRuns() {
        assertThat(TrialRuns.subRunFor(2)).isEqualTo("trial-0002");
        assertThat(TrialRuns.sessionRun("run1", 12)).isEqualTo("run1/trial-0012");
        assertThat(TrialRuns.sessionRun(".", 3)).isEqualTo("trial-0003");
        assertThat(TrialRuns.subRunFor(12345)).isEqualTo("trial-12345");
    }

    @Test
    void trialNamesShouldSortInCallOrder() {
        List<String> names = new ArrayList<>();
        for (int k = 2; k <= 9999; k++) {
            names.add(TrialRuns.subRunFor(k));
        }
        assertThat(names).isSorted();
    }

    @Test
    void shouldRejectBadArguments() {
        assertThatThrownBy(() -> TrialRuns.subRunFor(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> TrialRuns.sessionRun("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrialRuns.sessionRun(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
