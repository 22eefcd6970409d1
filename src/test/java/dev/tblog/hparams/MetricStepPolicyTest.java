package dev.tblog.hparams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetricStepPolicyTest {

    @Test
    void shouldFollowTheTagsLastStepSoTheTrainingCurveSurvives() {
        assertThat(MetricStepPolicy.metricStep(OptionalLong.of(999), OptionalLong.of(1200))).isEqualTo(1000);
        assertThat(MetricStepPolicy.metricStep(OptionalLong.of(0), OptionalLong.of(0))).isEqualTo(1);
    }

    @Test
    void shouldUseTheRunsHighestStepForANewTag() {
        assertThat(MetricStepPolicy.metricStep(OptionalLong.empty(), OptionalLong.of(1200))).isEqualTo(1200);
    }

    @Test
    void shouldUseZeroInAnEmptyRun() {
        assertThat(MetricStepPolicy.metricStep(OptionalLong.empty(), OptionalLong.empty())).isZero();
    }

    @Test
    void shouldNotOverflowAtTheLargestStep() {
        assertThat(MetricStepPolicy.metricStep(OptionalLong.of(Long.MAX_VALUE), OptionalLong.of(Long.MAX_VALUE)))
                .isEqualTo(Long.MAX_VALUE);
    }
}
