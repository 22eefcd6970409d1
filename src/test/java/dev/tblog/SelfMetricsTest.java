package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SelfMetricsTest {
    @TempDir
    Path logdir;

    @Test
    void shouldWriteSelfMetricsUnderTblogBesideTheRunAndNotCountThemAsWritten() throws Exception {
        Logger log = Logger.builder().logdir(logdir).experiment("self").set("shutdownHook.enabled", "false")
            .set("selfMetrics.enabled", "true").set("selfMetrics.intervalMillis", "100").build();
        long n = 0;
        long until = System.nanoTime() + 700_000_000L;
        while (System.nanoTime() < until) {
            log.addScalar("x", n, n);
            n++;
            if (n % 1000 == 0) {
                Thread.sleep(1);
            }
        }
        log.close();
        List<Event> events = TestEvents.read(logdir.resolve("tblog").resolve("self"));
        for (String tag : new String[] {"tblog/events_per_second", "tblog/dropped", "tblog/lost", "tblog/queue_depth",
            "tblog/write_latency_max_ms", "tblog/pending_payload_bytes"}) {
            List<Event> points = TestEvents.withTag(events, tag);
            assertThat(points).as(tag).isNotEmpty();
            assertThat(points.get(0).getStep()).isZero();
        }
        assertThat(TestEvents.withTag(events, "tblog/events_per_second").get(0).getSummary().getValue(0)
            .getSimpleValue()).isPositive();
        assertThat(log.stats().written()).isEqualTo(n);
        assertThat(TestEvents.withTag(events, "x")).isEmpty();
        List<Event> run = TestEvents.read(log.runDir());
        assertThat(TestEvents.withTag(run, "x")).hasSize((int) n);
        assertThat(run.stream().filter(SelfMetricsTest::isSelfMetric))
            .as("no self-metric in the run itself, where HPARAMS would take it for a metric column").isEmpty();
    }

    private static boolean isSelfMetric(Event e) {
        return e.hasSummary() && e.getSummary().getValue(0).getTag().startsWith("tblog/");
    }

    @Test
    void shouldWriteNoSelfMetricsByDefault() {
        try (Logger log = Logger.builder().logdir(logdir).experiment("off").set("shutdownHook.enabled", "false").build()) {
            assertThat(log.config().selfMetricsEnabled()).isFalse();
            log.addScalar("x", 1, 1);
        }
        assertThat(TestEvents.read(logdir.resolve("off")).stream().filter(SelfMetricsTest::isSelfMetric)).isEmpty();
        assertThat(logdir.resolve("tblog")).doesNotExist();
    }
}
