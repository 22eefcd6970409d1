package dev.tblog.record;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunNamesTest {
    @Test
    void shouldUseTheRunItselfForTheFirstParametersCall() {
        assertThat(RunNames.trialSubRun(1)).isEmpty();
    }

    @Test
    void shouldUseZeroPaddedTrialSubRunsForLaterCalls() {
        assertThat(RunNames.trialSubRun(2)).isEqualTo("trial-0002");
        assertThat(RunNames.trialSubRun(12)).isEqualTo("trial-0012");
        assertThat(RunNames.trialSubRun(12345)).isEqualTo("trial-12345");
    }

    @Test
    void shouldSortTrialNamesInCallOrder() {
        List<String> names = new ArrayList<>();
        for (int k = 2; k <= 9999; k++) {
            names.add(RunNames.trialSubRun(k));
        }
        assertThat(names).isSorted();
    }

    @Test
    void shouldPutSelfMetricsInARunBesideTheRunNotBelowIt() {
        Path run = Path.of("runs", "sweep-1", "lr-0.01");
        Path selfMetrics = RunNames.selfMetricsRun(run);
        assertThat(selfMetrics).isEqualTo(Path.of("runs", "sweep-1", "tblog", "lr-0.01"));
        assertThat(selfMetrics.startsWith(run)).as("not below the session run").isFalse();
        assertThat(RunNames.selfMetricsRun(Path.of("lr-0.01"))).isEqualTo(Path.of("tblog", "lr-0.01"));
    }

    @Test
    void shouldRejectACallIndexBelowOne() {
        assertThatThrownBy(() -> RunNames.trialSubRun(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("0");
    }

    @Test
    void shouldNameRunsAndScalarsSubRunsAsThePythonWritersDo() {
        assertThat(RunNames.defaultRunName(LocalDateTime.of(2026, 4, 22, 12, 11, 22)))
            .isEqualTo("Apr22_12-11-22_" + RunNames.host());
        assertThat(RunNames.scalarsMember("Loss/total", "train")).isEqualTo("Loss_total_train");
        assertThat(RunNames.host()).matches("[A-Za-z0-9._-]+");
    }

    @Test
    void shouldNameEventFilesSoThatNameOrderIsCreationOrder() {
        String ninth = RunNames.eventFile(1_700_000_000L, "host", 42, 9);
        String tenth = RunNames.eventFile(1_700_000_000L, "host", 42, 10);
        assertThat(ninth).isEqualTo("events.out.tfevents.1700000000.host.42.0000000009");
        assertThat(ninth).isLessThan(tenth);
        assertThat(RunNames.eventFile(999_999_999L, "host", 42, 99)).isLessThan(ninth);
        String fresh = RunNames.nextEventFile(1_700_000_000L);
        assertThat(RunNames.isEventFile(fresh)).isTrue();
        assertThat(fresh).isNotEqualTo(RunNames.nextEventFile(1_700_000_000L));
        assertThat(RunNames.isEventFile("notes.txt")).isFalse();
    }
}
