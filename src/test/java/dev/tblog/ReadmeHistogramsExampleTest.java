package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.proto.HistogramProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The examples of the README section "Logging histograms", kept compiling and running. */
class ReadmeHistogramsExampleTest {
    @TempDir
    Path runs;

    /** Stands in for the user's simulation. */
    static final class Network {
        private final Random random = new Random(1);
        private final double[] weights = new double[4096];

        double[] weights() {
            return weights;
        }

        void train() {
            for (int i = 0; i < weights.length; i++) {
                weights[i] += random.nextGaussian() * 0.01;
            }
        }
    }

    @Test
    void shouldRunTheReadmeExamples() {
        Network network = new Network();
        int[] counts = {0, 3, 3, 7, 12, 1};
        float[] delays = {0.5f, 1.5f, 3f, 4f, 25f};
        try (Logger log = Logger.builder().logdir(runs).experiment("weights").set("shutdownHook.enabled", "false")
            .build()) {
            double[] weights = network.weights();
            for (long step = 0; step < 100; step++) {
                network.train();
                log.addHistogram("Weight distribution", weights, step);
                if (step == 99) {
                    log.addHistogram("Weight distribution/layer 2", Histogram.of(weights).range(1024, 512), step);
                    log.addHistogram("Spike counts", Histogram.of(counts).bins(HistogramBins.equalWidth(30)), step);
                    log.addHistogram("Delays",
                        Histogram.of(delays).bins(HistogramBins.explicitEdges(0, 1, 2, 5, 10, 20)), step);
                    log.addHistogram("Latency", Histogram.binned(new double[] {1, 5, 10}, new double[] {3, 3, 1})
                        .min(0.2).max(9.5).sum(21.1).sumSquares(110.3), step);
                    weights[0] = Double.NaN;
                    log.addHistogram("Weight distribution", weights, step + 1);
                    assertThatThrownBy(() -> log.addHistogram("Empty", new double[0], 0))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one value");
                }
            }
        }
        List<Event> events = TestEvents.read(runs.resolve("weights"));
        List<Event> w = TestEvents.withTag(events, "Weight distribution");
        assertThat(w).hasSize(101);
        assertThat(w.get(100).getSummary().getValue(0).getHisto().getNum()).isEqualTo(4095.0);
        List<Event> nonFinite = TestEvents.withTag(events, "Weight distribution/nonfinite");
        assertThat(nonFinite).extracting(Event::getStep).containsExactly(100L);
        assertThat(nonFinite.get(0).getSummary().getValue(0).getSimpleValue()).isEqualTo(1.0f);
        assertThat(histo(events, "Weight distribution/layer 2").getNum()).isEqualTo(512.0);
        HistogramProto spikes = histo(events, "Spike counts");
        assertThat(spikes.getBucketList().stream().mapToDouble(d -> d).sum()).isEqualTo(6.0);
        assertThat(spikes.getBucketLimit(spikes.getBucketLimitCount() - 1)).isEqualTo(12.0);
        HistogramProto delaysH = histo(events, "Delays");
        assertThat(delaysH.getBucketLimitList()).containsExactly(0.0, 1.0, 2.0, 5.0, 10.0, 20.0);
        assertThat(delaysH.getBucketList()).containsExactly(0.0, 1.0, 1.0, 2.0, 0.0, 1.0);
        HistogramProto latency = histo(events, "Latency");
        assertThat(latency.getBucketList()).containsExactly(3.0, 3.0, 1.0);
        assertThat(latency.getNum()).as("num defaults to the sum of the counts").isEqualTo(7.0);
        assertThat(latency.getMin()).isEqualTo(0.2);
        assertThat(latency.getSumSquares()).isEqualTo(110.3);
        assertThat(TestEvents.withTag(events, "Empty")).isEmpty();
    }

    private static HistogramProto histo(List<Event> events, String tag) {
        List<Event> withTag = TestEvents.withTag(events, tag);
        assertThat(withTag).as(tag).hasSize(1);
        return withTag.get(0).getSummary().getValue(0).getHisto();
    }
}
