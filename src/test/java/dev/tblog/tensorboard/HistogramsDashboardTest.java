package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.Json.longs;
import static dev.tblog.tensorboard.TensorBoardBackend.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * HISTOGRAMS and DISTRIBUTIONS as TensorBoard shows what tblog wrote: for each step, the buckets
 * (edges and counts) computed here from the values and the bins, whatever the element type; binned
 * histograms as given; non-finite values counted in a scalar; and the percentile bands that the
 * compressed distribution route draws from those buckets.
 */
class HistogramsDashboardTest {
    private static final String RUN = "weights";
    private static final String CALLER_BINNED = "binned-on-caller";
    private static final int STEPS = 5;
    private static final double[] DELAY_EDGES = {0, 1, 2, 5, 10, 20};
    /** Below the first edge, on edges, on the closed last edge, past it. */
    private static final double[] DELAYS = {-3, 0.5, 1, 1.5, 4.99, 5, 19.9, 20, 25};
    private static final double[] RATES = {0, 0.5, 1.99, 2, 3, 4.5, 6, 7.9, 8, 9.99, 10};
    private static final double[] RAW_LIMITS = {1, 5, 10};
    private static final double[] RAW_COUNTS = {3, 3, 1};
    private static final double[] DIVERGING = {1.5, Double.NaN, -2, Double.POSITIVE_INFINITY, 0.25,
        Double.NEGATIVE_INFINITY, 3};

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(HistogramsDashboardTest::write);

    // ---- the values ----

    /** Gaussian weights that widen and drift with the step, with exact zeros and sub-1e-12 values. */
    private static double[] weights(int step) {
        Random random = new Random(step);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() * (1 + step) + 0.5 * step;
        }
        v[0] = 0;
        v[1] = 0;
        v[2] = 1e-13;
        v[3] = -1e-13;
        return v;
    }

    private static float[] floatWeights() {
        Random random = new Random(42);
        float[] v = new float[500];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.01);
        }
        return v;
    }

    private static int[] spikeCounts() {
        int[] v = new int[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7) % 21;
        }
        return v;
    }

    private static final long[] SIZES = {-4_000_000_000_000_000L, -1, 0, 1, 2, 3, 1_000_000_000_000_000L,
        1_000_000_000_000_001L, 123_456_789L};

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, RUN)) {
            for (int step = 0; step < STEPS; step++) {
                LogCalls.histogram(log, "Weights", weights(step), step);
            }
            LogCalls.histogram(log, "Weights/float", floatWeights(), 0);
            LogCalls.histogram(log, "Spike counts", spikeCounts(), 0);
            LogCalls.histogram(log, "Sizes", SIZES, 0);
            LogCalls.explicitEdgesHistogram(log, "Delays", DELAYS, DELAY_EDGES, 0);
            LogCalls.equalWidthHistogram(log, "Rates", RATES, 5, 0);
            LogCalls.binnedHistogram(log, "Latency", 0.2, 9.5, 7, 21.1, 110.3, RAW_LIMITS, RAW_COUNTS, 0);
            LogCalls.histogram(log, "Diverging", DIVERGING, 0);
            LogCalls.histogram(log, "All NaN", new double[] {Double.NaN, Double.NaN}, 0);
        }
        // The same calls binned on the caller's thread (large calls take that path) instead of the consumer's.
        try (Logger log = LogCalls.logger(logdir, CALLER_BINNED, "histogram.consumerBinMaxValues", "0")) {
            for (int step = 0; step < STEPS; step++) {
                LogCalls.histogram(log, "Weights", weights(step), step);
            }
            LogCalls.histogram(log, "Sizes", SIZES, 0);
            LogCalls.explicitEdgesHistogram(log, "Delays", DELAYS, DELAY_EDGES, 0);
            LogCalls.equalWidthHistogram(log, "Rates", RATES, 5, 0);
            LogCalls.histogram(log, "Diverging", DIVERGING, 0);
        }
    }

    // ---- what TensorBoard shows ----

    @Test
    void shouldListEveryHistogramWithFiniteValuesInBothTabs() {
        List<String> expected = List.of("Weights", "Weights/float", "Spike counts", "Sizes", "Delays", "Rates",
            "Latency", "Diverging");
        assertThat(fieldNames(tensorBoard.get("/data/plugin/histograms/tags").get(RUN)))
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fieldNames(tensorBoard.get("/data/plugin/distributions/tags").get(RUN)))
            .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldShowDefaultBinsOfEveryStep() {
        JsonNode histograms = histograms("Weights");
        assertThat(longs(histograms, 1)).containsExactly(0L, 1L, 2L, 3L, 4L);
        for (int step = 0; step < STEPS; step++) {
            assertBuckets(histograms.get(step), HistogramRules.shownForValues(HistogramRules.defaultEdges(),
                weights(step)), "Weights at step " + step);
        }
    }

    @Test
    void shouldShowDefaultBinsOfFloatsIntsAndLongs() {
        float[] f = floatWeights();
        double[] fd = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            fd[i] = f[i];
        }
        assertBuckets(only("Weights/float"), HistogramRules.shownForValues(HistogramRules.defaultEdges(), fd),
            "floats");
        int[] counts = spikeCounts();
        double[] cd = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            cd[i] = counts[i];
        }
        assertBuckets(only("Spike counts"), HistogramRules.shownForValues(HistogramRules.defaultEdges(), cd), "ints");
        double[] sd = new double[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            sd[i] = SIZES[i];
        }
        assertBuckets(only("Sizes"), HistogramRules.shownForValues(HistogramRules.defaultEdges(), sd), "longs");
    }

    @Test
    void shouldCountOutsideValuesInTheOutermostBucketsOfExplicitEdges() {
        List<HistogramRules.Bucket> expected = HistogramRules.shownForValues(DELAY_EDGES, DELAYS);
        assertThat(expected).containsExactly(new HistogramRules.Bucket(-3, 1, 2), new HistogramRules.Bucket(1, 2, 2),
            new HistogramRules.Bucket(2, 5, 1), new HistogramRules.Bucket(5, 10, 1), new HistogramRules.Bucket(10, 25, 3));
        assertBuckets(only("Delays"), expected, "explicit edges");
    }

    @Test
    void shouldSpanTheValuesWithEqualWidthBins() {
        assertBuckets(only("Rates"), HistogramRules.shownForValues(HistogramRules.equalWidthEdges(0, 10, 5), RATES),
            "equal width");
    }

    @Test
    void shouldShowABinnedHistogramAsGiven() {
        assertBuckets(only("Latency"), HistogramRules.shown(0.2, 9.5, RAW_LIMITS, RAW_COUNTS), "raw");
    }

    @Test
    void shouldLeaveOutNonFiniteValuesAndCountThemInAScalar() {
        assertBuckets(only("Diverging"), HistogramRules.shownForValues(HistogramRules.defaultEdges(), DIVERGING),
            "finite part");
        JsonNode nonFinite = tensorBoard.get("/data/plugin/scalars/scalars", "run", RUN, "tag", "Diverging/nonfinite");
        assertThat(nonFinite).hasSize(1);
        assertThat(nonFinite.get(0).get(1).asLong()).isZero();
        assertThat(number(nonFinite.get(0).get(2))).isEqualTo(3.0);
        JsonNode allNaN = tensorBoard.get("/data/plugin/scalars/scalars", "run", RUN, "tag", "All NaN/nonfinite");
        assertThat(number(allNaN.get(0).get(2))).isEqualTo(2.0);
    }

    @Test
    void shouldShowTheSameBucketsForHistogramsBinnedOnTheCallersThread() {
        JsonNode weights = tensorBoard.get("/data/plugin/histograms/histograms", "run", CALLER_BINNED, "tag", "Weights");
        assertThat(longs(weights, 1)).containsExactly(0L, 1L, 2L, 3L, 4L);
        for (int step = 0; step < STEPS; step++) {
            assertBuckets(weights.get(step), HistogramRules.shownForValues(HistogramRules.defaultEdges(), weights(step)),
                "caller-binned Weights at step " + step);
        }
        double[] sd = new double[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            sd[i] = SIZES[i];
        }
        assertBuckets(only(CALLER_BINNED, "Sizes"), HistogramRules.shownForValues(HistogramRules.defaultEdges(), sd),
            "caller-binned longs");
        assertBuckets(only(CALLER_BINNED, "Delays"), HistogramRules.shownForValues(DELAY_EDGES, DELAYS),
            "caller-binned explicit edges");
        assertBuckets(only(CALLER_BINNED, "Rates"),
            HistogramRules.shownForValues(HistogramRules.equalWidthEdges(0, 10, 5), RATES), "caller-binned equal width");
        assertBuckets(only(CALLER_BINNED, "Diverging"),
            HistogramRules.shownForValues(HistogramRules.defaultEdges(), DIVERGING), "caller-binned finite part");
        JsonNode nonFinite = tensorBoard.get("/data/plugin/scalars/scalars", "run", CALLER_BINNED,
            "tag", "Diverging/nonfinite");
        assertThat(number(nonFinite.get(0).get(2))).isEqualTo(3.0);
    }

    @Test
    void shouldShowDistributionsAsThePercentileBandsOfTheBuckets() {
        JsonNode distributions = tensorBoard.get("/data/plugin/distributions/distributions", "run", RUN, "tag", "Weights");
        assertThat(distributions).hasSize(STEPS);
        for (int step = 0; step < STEPS; step++) {
            JsonNode entry = distributions.get(step);
            assertThat(entry.get(1).asLong()).isEqualTo(step);
            double[] expected = HistogramRules.distribution(
                HistogramRules.shownForValues(HistogramRules.defaultEdges(), weights(step)));
            JsonNode bands = entry.get(2);
            assertThat(bands).hasSize(HistogramRules.BASIS_POINTS.length);
            for (int j = 0; j < expected.length; j++) {
                assertThat(bands.get(j).get(0).asInt()).isEqualTo(HistogramRules.BASIS_POINTS[j]);
                assertThat(number(bands.get(j).get(1))).as("step %d, basis point %d", step, HistogramRules.BASIS_POINTS[j])
                    .isCloseTo(expected[j], offset(1e-6 * (1 + Math.abs(expected[j]))));
            }
        }
    }

    private static JsonNode histograms(String tag) {
        return tensorBoard.get("/data/plugin/histograms/histograms", "run", RUN, "tag", tag);
    }

    private static JsonNode only(String tag) {
        return only(RUN, tag);
    }

    private static JsonNode only(String run, String tag) {
        JsonNode entries = tensorBoard.get("/data/plugin/histograms/histograms", "run", run, "tag", tag);
        assertThat(entries).as("histograms of %s", tag).hasSize(1);
        return entries.get(0);
    }

    /** An entry is [wall_time, step, [[left, right, count], ...]]. */
    private static void assertBuckets(JsonNode entry, List<HistogramRules.Bucket> expected, String what) {
        List<HistogramRules.Bucket> shown = new ArrayList<>();
        for (JsonNode b : entry.get(2)) {
            shown.add(new HistogramRules.Bucket((float) number(b.get(0)), (float) number(b.get(1)),
                (float) number(b.get(2))));
        }
        assertThat(shown).as(what).containsExactlyElementsOf(expected);
    }
}
