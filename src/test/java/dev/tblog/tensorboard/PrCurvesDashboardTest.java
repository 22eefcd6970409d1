package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import dev.tblog.prcurve.PrCurveReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.Random;

import static dev.tblog.tensorboard.Json.fieldNames;
import static dev.tblog.tensorboard.Json.longs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PR CURVES as TensorBoard serves what tblog wrote: for each step, the points (precision, recall,
 * TP, FP, TN, FN, thresholds) equal those of an independent, direct computation from the labels
 * and predictions, under the route's own rules: thresholds {@code i / (n - 1)}, counts truncated to
 * integers, and the top thresholds where TP + FP is 0 dropped.
 */
class PrCurvesDashboardTest {
    private static final String RUN = "classifier";
    private static final int M = 2000;

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(PrCurvesDashboardTest::write);

    /** Labels and predictions that get better with the step; no prediction above 0.9 at step 0. */
    private static boolean[] labels(int step) {
        Random random = new Random(100 + step);
        boolean[] labels = new boolean[M];
        for (int i = 0; i < M; i++) {
            labels[i] = random.nextBoolean();
        }
        return labels;
    }

    private static float[] predictions(int step) {
        Random random = new Random(200 + step);
        boolean[] labels = labels(step);
        float[] p = new float[M];
        for (int i = 0; i < M; i++) {
            double skill = 0.2 * step;
            double score = (labels[i] ? skill : -skill) + random.nextGaussian() * 0.3;
            p[i] = (float) Math.min(0.9, Math.max(0, 0.5 + score / 2));
        }
        return p;
    }

    private static double[] weights() {
        double[] w = new double[M];
        for (int i = 0; i < M; i++) {
            w[i] = 0.25 + (i % 7) * 0.5;
        }
        return w;
    }

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, RUN)) {
            for (int step = 0; step < 3; step++) {
                LogCalls.prCurve(log, "Pattern/vertical", labels(step), predictions(step), 127, step);
            }
            LogCalls.weightedPrCurve(log, "Pattern/weighted", labels(2), predictions(2), weights(), 21, 7);
            LogCalls.rawPrCurve(log, "Pattern/raw", new double[] {8, 5, 2, 0}, new double[] {8, 2, 1, 0},
                new double[] {0, 6, 7, 8}, new double[] {0, 3, 6, 8}, new double[] {0.5, 5 / 7.0, 2 / 3.0, 0},
                new double[] {1, 5 / 8.0, 0.25, 0}, 9);
        }
    }

    @Test
    void shouldListEveryCurveOfTheRun() {
        assertThat(fieldNames(tensorBoard.get("/data/plugin/pr_curves/tags").get(RUN)))
            .containsExactlyInAnyOrder("Pattern/vertical", "Pattern/weighted", "Pattern/raw");
    }

    @Test
    void shouldServeThePointsOfTheDirectComputationAtEveryStep() {
        JsonNode entries = curves("Pattern/vertical");
        assertThat(longs(entries, "step")).containsExactly(0L, 1L, 2L);
        for (int step = 0; step < 3; step++) {
            double[][] expected = PrCurveReference.of(labels(step), predictions(step), null, 127);
            assertPoints(entries.get(step), expected, 127);
        }
        // Nothing is above 0.9: the thresholds past bucket floor(0.9 * 126) = 113 have no positive call.
        assertThat(entries.get(0).get("thresholds")).hasSize(114);
    }

    @Test
    void shouldServeWeightedCountsTruncatedAndRawCurvesAsGiven() {
        JsonNode weighted = curves("Pattern/weighted");
        assertThat(longs(weighted, "step")).containsExactly(7L);
        assertPoints(weighted.get(0), PrCurveReference.of(labels(2), predictions(2), weights(), 21), 21);

        JsonNode raw = curves("Pattern/raw").get(0);
        assertThat(raw.get("step").asLong()).isEqualTo(9);
        assertThat(ints(raw.get("true_positives"))).containsExactly(8, 5, 2);   // the last: TP + FP = 0
        assertThat(ints(raw.get("false_negatives"))).containsExactly(0, 3, 6);
        assertThat(raw.get("thresholds").get(1).asDouble()).isEqualTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(raw.get("precision").get(1).asDouble()).isEqualTo((double) (float) (5 / 7.0));
    }

    private static JsonNode curves(String tag) {
        return tensorBoard.get("/data/plugin/pr_curves/pr_curves", "run", RUN, "tag", tag).get(RUN);
    }

    /** The route's view of the expected rows: float32 values, integer counts, the empty top dropped. */
    private static void assertPoints(JsonNode entry, double[][] expected, int n) {
        int end = n;
        while (end > 1 && (int) (float) expected[0][end - 1] + (int) (float) expected[1][end - 1] == 0) {
            end--;
        }
        assertThat(entry.get("thresholds")).hasSize(end);
        String[] counts = {"true_positives", "false_positives", "true_negatives", "false_negatives"};
        for (int i = 0; i < end; i++) {
            assertThat(entry.get("thresholds").get(i).asDouble()).isCloseTo(i / (double) (n - 1),
                org.assertj.core.api.Assertions.within(1e-12));
            for (int r = 0; r < 4; r++) {
                assertThat(entry.get(counts[r]).get(i).asInt()).as("%s[%d]", counts[r], i)
                    .isEqualTo((int) (float) expected[r][i]);
            }
            assertThat(TensorBoardBackend.number(entry.get("precision").get(i))).as("precision[%d]", i)
                .isEqualTo((double) (float) expected[4][i]);
            assertThat(TensorBoardBackend.number(entry.get("recall").get(i))).as("recall[%d]", i)
                .isEqualTo((double) (float) expected[5][i]);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }
}
