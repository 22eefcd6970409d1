package dev.tblog.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineStateTest {
    /** Regression: producers that filled a small ring before the consumer ran onStart got "logger is closed". */
    @Test
    void shouldNotTellProducersFillingTheRingBeforeTheConsumerThreadStartsThatTheLoggerIsClosed() {
        PipelineState state = new PipelineState();
        assertThat(state.running()).as("running before onStart").isTrue();
        state.running(false);
        assertThat(state.running()).isFalse();
    }
}
