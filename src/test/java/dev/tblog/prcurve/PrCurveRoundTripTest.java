package dev.tblog.prcurve;

import dev.tblog.Logger;
import dev.tblog.PrCurve;
import dev.tblog.TestEvents;
import dev.tblog.proto.DataType;
import dev.tblog.proto.Event;
import dev.tblog.proto.PrCurvePluginData;
import dev.tblog.proto.Summary;
import dev.tblog.proto.TensorProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * PR curves written through the logger, read back with the generated protobuf classes: the
 * pr_curves plugin data, a float tensor of shape [6, n], and every value equal (as float32) to
 * {@link PrCurveReference}'s direct computation; the documented worked example; raw curves as given.
 */
class PrCurveRoundTripTest {
    @TempDir
    Path logdir;

    private Logger logger() {
        return Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build();
    }

    private List<Event> events(String tag) {
        return TestEvents.withTag(TestEvents.read(logdir.resolve("run")), tag);
    }

    /** The tensor of an event, checked for dtype and shape, as rows of floats. */
    static float[][] tensor(Summary.Value value, int n) {
        TensorProto t = value.getTensor();
        assertThat(t.getDtype()).isEqualTo(DataType.DT_FLOAT);
        assertThat(t.getTensorShape().getDimList()).extracting(d -> d.getSize()).containsExactly(6L, (long) n);
        ByteBuffer content = t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(content.remaining()).isEqualTo(6 * n * 4);
        float[][] rows = new float[6][n];
        for (int r = 0; r < 6; r++) {
            for (int i = 0; i < n; i++) {
                rows[r][i] = content.getFloat();
            }
        }
        return rows;
    }

    private static void assertEqualsAsFloats(float[][] actual, double[][] expected) {
        for (int r = 0; r < 6; r++) {
            for (int i = 0; i < expected[r].length; i++) {
                assertThat(actual[r][i]).as("row %d threshold %d", r, i).isEqualTo((float) expected[r][i]);
            }
        }
    }

    @Test
    void shouldWriteThePluginDataAndTheCountsOfTheWorkedExample() {
        try (Logger log = logger()) {
            log.addPrCurve("example", PrCurve.of(new boolean[] {true, false, true}, new double[] {0.2, 0.6, 0.9})
                .thresholds(3), 5);
        }
        List<Event> events = events("example");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getStep()).isEqualTo(5);
        Summary.Value value = events.get(0).getSummary().getValue(0);
        assertThat(value.getMetadata().getPluginData().getPluginName()).isEqualTo("pr_curves");
        assertThat(value.getMetadata().getPluginData().getContent().toByteArray()).containsExactly(0x10, 3);
        float[][] rows = tensor(value, 3);
        assertThat(rows[0]).containsExactly(2, 1, 0);
        assertThat(rows[1]).containsExactly(1, 1, 0);
        assertThat(rows[2]).containsExactly(0, 0, 1);
        assertThat(rows[3]).containsExactly(0, 1, 2);
        assertThat(rows[4]).containsExactly(2f / 3, 0.5f, 0f);
        assertThat(rows[5]).containsExactly(1f, 0.5f, 0f);
    }

    @Test
    void shouldEqualTheDirectComputationForFloatAndDoublePredictionsWeightedOrNot() throws Exception {
        Random random = new Random(14);
        int m = 10_000;
        boolean[] labels = new boolean[m];
        float[] floats = new float[m];
        double[] doubles = new double[m];
        double[] weights = new double[m];
        for (int i = 0; i < m; i++) {
            labels[i] = random.nextDouble() < 0.3;
            double p = labels[i] ? Math.sqrt(random.nextDouble()) : random.nextDouble() * random.nextDouble();
            doubles[i] = p;
            floats[i] = (float) p;
            weights[i] = random.nextInt(4) * 0.5;
        }
        floats[0] = 0f;
        floats[1] = 1f;
        floats[2] = 0.5f;                 // exactly on a threshold of 127 (63 / 126)
        doubles[3] = 1.0;
        try (Logger log = logger()) {
            log.addPrCurve("floats", PrCurve.of(labels, floats), 0);
            log.addPrCurve("doubles", PrCurve.of(labels, doubles).thresholds(201), 0);
            log.addPrCurve("weighted", PrCurve.of(labels, floats).weighted(weights).thresholds(50), 0);
        }
        assertThat(PrCurvePluginData.parseFrom(events("floats").get(0).getSummary().getValue(0).getMetadata()
            .getPluginData().getContent()).getNumThresholds()).isEqualTo(127);
        assertEqualsAsFloats(tensor(events("floats").get(0).getSummary().getValue(0), 127),
            PrCurveReference.of(labels, floats, null, 127));
        assertEqualsAsFloats(tensor(events("doubles").get(0).getSummary().getValue(0), 201),
            PrCurveReference.of(labels, doubles, null, 201));
        float[][] weighted = tensor(events("weighted").get(0).getSummary().getValue(0), 50);
        double[][] expected = PrCurveReference.of(labels, floats, weights, 50);
        for (int r = 0; r < 6; r++) {
            for (int i = 0; i < 50; i++) {
                // weights of 0, 0.5, 1, 1.5: every sum is exact, in any order
                assertThat(weighted[r][i]).as("row %d threshold %d", r, i).isEqualTo((float) expected[r][i]);
            }
        }
        float[][] unweighted = tensor(events("floats").get(0).getSummary().getValue(0), 127);
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        assertThat(unweighted[0][0] + unweighted[3][0]).as("TP + FN at threshold 0").isEqualTo(positives);
        assertThat(unweighted[1][0]).as("FP at threshold 0: every negative").isEqualTo(m - positives);
    }

    @Test
    void shouldWriteARawCurveAsGivenAtAutomaticSteps() {
        double[] tp = {10, 6, 0};
        double[] fp = {5, 1, 0};
        double[] tn = {0, 4, 5};
        double[] fn = {0, 4, 10};
        double[] precision = {10 / 15.0, 6 / 7.0, 0};
        double[] recall = {1, 0.6, 0};
        try (Logger log = logger()) {
            log.addPrCurve("raw", PrCurve.raw(tp, fp, tn, fn, precision, recall));
            log.addPrCurve("raw", PrCurve.raw(tp, fp, tn, fn, precision, recall));
        }
        List<Event> events = events("raw");
        assertThat(events).extracting(Event::getStep).containsExactly(0L, 1L);
        float[][] rows = tensor(events.get(1).getSummary().getValue(0), 3);
        double[][] given = {tp, fp, tn, fn, precision, recall};
        for (int r = 0; r < 6; r++) {
            for (int i = 0; i < 3; i++) {
                assertThat((double) rows[r][i]).isCloseTo(given[r][i], within(1e-7));
            }
        }
    }
}
