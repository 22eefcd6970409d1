package dev.tblog;

import dev.tblog.histogram.HistogramAccumulator;
import dev.tblog.histogram.Bins;
import dev.tblog.histogram.HistogramProtos;
import dev.tblog.proto.Event;
import dev.tblog.proto.HistogramProto;
import dev.tblog.proto.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * addHistogram through the logger, read back with the generated classes. Expected layouts are worked
 * out by hand from the format's definition (edges 1e-12 * 1.1^k, mirrored, and 0; [a, b) buckets; the
 * span from one empty bucket before the first non-empty one to the last non-empty one).
 */
class HistogramLoggerTest {
    /** Where the values are binned: 0 = always on the caller's thread, 2^30 = always on the consumer. */
    private static final String PRODUCER = "0";
    private static final String CONSUMER = "1073741824";

    @TempDir
    Path logdir;

    /** The positive default edges, by the definition: 1e-12, then times 1.1 while below 1e20. */
    static List<Double> positiveEdges() {
        List<Double> pos = new ArrayList<>();
        for (double v = 1e-12; v < 1e20; v *= 1.1) {
            pos.add(v);
        }
        return pos;
    }

    /** Index of the first positive edge greater than x (x > 0). */
    static int firstAbove(List<Double> pos, double x) {
        int k = 0;
        while (pos.get(k) <= x) {
            k++;
        }
        return k;
    }

    private Logger logger(String binning) {
        return Logger.builder().logdir(logdir).experiment("h" + binning)
            .set("shutdownHook.enabled", "false").set("histogram.consumerBinMaxValues", binning).build();
    }

    private static List<Event> run(Logger log, Consumer<Logger> calls) {
        calls.accept(log);
        log.close();
        assertThat(log.stats().failures()).isZero();
        assertThat(log.stats().pendingPayloadBytes()).isZero();
        return TestEvents.read(log.runDir());
    }

    private static HistogramProto histo(List<Event> events, String tag, int index) {
        List<Event> withTag = TestEvents.withTag(events, tag);
        Summary.Value v = withTag.get(index).getSummary().getValue(0);
        assertThat(v.hasHisto()).as("value of %s is a histogram", tag).isTrue();
        return v.getHisto();
    }

    @ParameterizedTest(name = "binned on the {0}")
    @ValueSource(strings = {PRODUCER, CONSUMER})
    void shouldWriteTheHandCheckedLayoutOfOneAndTwo(String binning) {
        List<Event> events = run(logger(binning), l -> l.addHistogram("w", new double[] {1.0, 2.0}, 3));
        HistogramProto h = histo(events, "w", 0);
        List<Double> pos = positiveEdges();
        int k1 = firstAbove(pos, 1.0); // the right edge of 1.0's bucket
        int k2 = firstAbove(pos, 2.0);
        assertThat(k1).isEqualTo(290);
        assertThat(k2).isEqualTo(298);
        List<Double> limits = pos.subList(k1 - 1, k2 + 1);
        double[] counts = new double[limits.size()];
        counts[1] = 1;
        counts[counts.length - 1] = 1;
        assertThat(h.getBucketLimitList()).containsExactlyElementsOf(limits);
        assertThat(h.getBucketList()).containsExactly(Arrays.stream(counts).boxed().toArray(Double[]::new));
        assertThat(h.getMin()).isEqualTo(1.0);
        assertThat(h.getMax()).isEqualTo(2.0);
        assertThat(h.getNum()).isEqualTo(2.0);
        assertThat(h.getSum()).isEqualTo(3.0);
        assertThat(h.getSumSquares()).isEqualTo(5.0);
        Event e = TestEvents.withTag(events, "w").get(0);
        assertThat(e.getStep()).isEqualTo(3);
        assertThat(e.getSummary().getValue(0).getMetadata().getPluginData().getPluginName()).isEqualTo("histograms");
    }

    @ParameterizedTest(name = "binned on the {0}")
    @ValueSource(strings = {PRODUCER, CONSUMER})
    void shouldMirrorTheEdgesForNegativeValuesAndPutZeroInTheBucketAboveZero(String binning) {
        List<Event> events = run(logger(binning), l -> l.addHistogram("w", Histogram.of(new int[] {-1, 0}), 0));
        HistogramProto h = histo(events, "w", 0);
        List<Double> pos = positiveEdges();
        int k = firstAbove(pos, 1.0); // -1.0 lies in [-pos[k], -pos[k-1]): right edge -pos[k-1]
        List<Double> limits = new ArrayList<>();
        for (int i = k; i >= 0; i--) {
            limits.add(-pos.get(i)); // the empty bucket before -1.0's, then up to -pos[0]
        }
        limits.add(0.0);       // right edge of [-pos[0], 0)
        limits.add(pos.get(0)); // 0 lies in [0, pos[0])
        assertThat(h.getBucketLimitList()).containsExactlyElementsOf(limits);
        assertThat(h.getBucket(0)).isZero();
        assertThat(h.getBucket(1)).isEqualTo(1.0);
        assertThat(h.getBucket(h.getBucketCount() - 1)).isEqualTo(1.0);
        assertThat(h.getBucketList().stream().mapToDouble(d -> d).sum()).isEqualTo(2.0);
        assertThat(h.getMin()).isEqualTo(-1.0);
        assertThat(h.getMax()).isEqualTo(0.0);
        assertThat(h.getSum()).isEqualTo(-1.0);
        assertThat(h.getSumSquares()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "binned on the {0}")
    @ValueSource(strings = {PRODUCER, CONSUMER})
    void shouldBinEqualWidthAndExplicitEdgesLikeNumpyWithTheOutlierClampedIn(String binning) {
        List<Event> events = run(logger(binning), l -> {
            l.addHistogram("eq", Histogram.of(new float[] {0, 1, 2, 3}).bins(HistogramBins.equalWidth(3)), 0);
            l.addHistogram("ex", Histogram.of(new long[] {5, 15, 15, 25}).bins(HistogramBins.explicitEdges(0, 10, 20)), 0);
        });
        HistogramProto eq = histo(events, "eq", 0);
        // edges 0, 1, 2, 3: [0,1) 1, [1,2) 1, [2,3] 2; bucket 0 non-empty: a zero count with limit edge(0) first
        assertThat(eq.getBucketLimitList()).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(eq.getBucketList()).containsExactly(0.0, 1.0, 1.0, 2.0);
        assertThat(eq.getNum()).isEqualTo(4.0);
        HistogramProto ex = histo(events, "ex", 0);
        assertThat(ex.getBucketLimitList()).containsExactly(0.0, 10.0, 20.0);
        assertThat(ex.getBucketList()).containsExactly(0.0, 1.0, 3.0);
        assertThat(ex.getMax()).isEqualTo(25.0);
        assertThat(ex.getSum()).isEqualTo(60.0);
        assertThat(ex.getSumSquares()).isEqualTo(25 + 225 + 225 + 625);
    }

    @ParameterizedTest(name = "binned on the {0}")
    @ValueSource(strings = {PRODUCER, CONSUMER})
    void shouldLeaveNonFiniteValuesOutAndCountThemInTheCompanionScalar(String binning) {
        List<Event> events = run(logger(binning), l -> {
            l.addHistogram("w", new double[] {1.0, Double.NaN, Double.POSITIVE_INFINITY, 2.0}, 5);
            l.addHistogram("w", new double[] {1.0, 2.0}, 6);
            l.addHistogram("dead", Histogram.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY}), 1);
        });
        HistogramProto h = histo(events, "w", 0);
        assertThat(h.getNum()).isEqualTo(2.0);
        assertThat(h.getSum()).isEqualTo(3.0);
        assertThat(h.getMax()).isEqualTo(2.0);
        List<Event> nonFinite = TestEvents.withTag(events, "w/nonfinite");
        assertThat(nonFinite).as("only the call with non-finite values writes the scalar").hasSize(1);
        assertThat(nonFinite.get(0).getStep()).isEqualTo(5);
        assertThat(nonFinite.get(0).getSummary().getValue(0).getSimpleValue()).isEqualTo(2.0f);
        assertThat(TestEvents.withTag(events, "w")).hasSize(2);
        assertThat(TestEvents.withTag(events, "dead")).as("no histogram without a finite value").isEmpty();
        List<Event> dead = TestEvents.withTag(events, "dead/nonfinite");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).getSummary().getValue(0).getSimpleValue()).isEqualTo(2.0f);
    }

    @Test
    void shouldGiveTheSameHistogramWhereverItIsBinnedForEveryInputTypeAndRange() {
        Random r = new Random(7);
        double[] d = new double[5000];
        float[] f = new float[5000];
        int[] i = new int[5000];
        long[] g = new long[5000];
        for (int k = 0; k < d.length; k++) {
            d[k] = r.nextGaussian() * 3;
            f[k] = (float) d[k];
            i[k] = (int) (d[k] * 100);
            g[k] = (long) (d[k] * 1e6);
        }
        HistogramBins ex = HistogramBins.explicitEdges(-2, -1, 0, 1, 2);
        List<List<HistogramProto>> results = new ArrayList<>();
        for (String binning : List.of(PRODUCER, CONSUMER)) {
            List<Event> events = run(logger(binning), l -> {
                l.addHistogram("d", d, 0);
                l.addHistogram("f", Histogram.of(f).bins(HistogramBins.equalWidth(30)), 0);
                l.addHistogram("i", Histogram.of(i).bins(ex), 0);
                l.addHistogram("g", Histogram.of(g).range(100, 4000).bins(HistogramBins.tensorflowDefault()), 0);
            });
            List<HistogramProto> protos = new ArrayList<>();
            for (String tag : List.of("d", "f", "i", "g")) {
                protos.add(histo(events, tag, 0));
            }
            results.add(protos);
        }
        assertThat(results.get(0)).isEqualTo(results.get(1));
        // And the range form is the histogram of the copied range.
        HistogramAccumulator acc = new HistogramAccumulator(Bins.tensorflowDefault());
        acc.add(Arrays.copyOfRange(g, 100, 4100), 0, 4000);
        assertThat(results.get(0).get(3)).isEqualTo(HistogramProtos.toProto(acc));
        assertThat(results.get(0).get(3).getNum()).isEqualTo(4000.0);
    }

    @Test
    void shouldTakeAutomaticStepsPerTag() {
        List<Event> events = run(logger(CONSUMER), l -> {
            l.addHistogram("a", Histogram.of(new double[] {1}));
            l.addHistogram("a", Histogram.of(new float[] {1}).bins(HistogramBins.equalWidth(2)));
            l.addHistogram("a", Histogram.of(new int[] {1}));
            l.addHistogram("b", Histogram.of(new long[] {1}));
        });
        assertThat(TestEvents.withTag(events, "a")).extracting(Event::getStep).containsExactly(0L, 1L, 2L);
        assertThat(TestEvents.withTag(events, "b")).extracting(Event::getStep).containsExactly(0L);
    }

    @Test
    void shouldNotSeeTheCallersLaterChangesToTheArrays() {
        double[] values = {1, 2, 3};
        double[] limits = {0, 1, 2};
        double[] counts = {0, 4, 5};
        List<Event> events = run(logger(CONSUMER), l -> {
            l.addHistogram("v", values, 0);
            l.addHistogram("raw", Histogram.binned(limits, counts).min(-1).max(2).num(9).sum(12).sumSquares(20), 4);
            Arrays.fill(values, 100);
            Arrays.fill(limits, Double.NaN);
            Arrays.fill(counts, -1);
        });
        assertThat(histo(events, "v", 0).getMax()).isEqualTo(3.0);
        HistogramProto raw = histo(events, "raw", 0);
        assertThat(raw).isEqualTo(HistogramProto.newBuilder().setMin(-1).setMax(2).setNum(9).setSum(12)
            .setSumSquares(20).addBucketLimit(0).addBucketLimit(1).addBucketLimit(2)
            .addBucket(0).addBucket(4).addBucket(5).build());
        Event e = TestEvents.withTag(events, "raw").get(0);
        assertThat(e.getStep()).isEqualTo(4);
        assertThat(e.getSummary().getValue(0).getMetadata().getPluginData().getPluginName()).isEqualTo("histograms");
    }

    @Test
    void shouldWriteThePluginMetadataWithTheTagsFirstValueOnly() {
        List<Event> events = run(logger(PRODUCER), l -> {
            l.addHistogram("w", new double[] {1}, 0);
            l.addHistogram("w", new double[] {2}, 1);
        });
        List<Event> w = TestEvents.withTag(events, "w");
        assertThat(w.get(0).getSummary().getValue(0).hasMetadata()).isTrue();
        assertThat(w.get(1).getSummary().getValue(0).hasMetadata()).isFalse();
    }

    /**
     * The peer's "Weight distribution" (10,000 N(0,1) values, steps 0 and 1) and ours for 10,000 N(0,1)
     * values: limits from the same edge list, counts summing to num, the same trimming, a similar span.
     */
    @Test
    void shouldLayOutTenThousandNormalValuesAsThePeerDoes() {
        Path peerFile = PeerFolder.mainFile();
        List<Event> peerEvents = TestEvents.withTag(TestEvents.readFile(peerFile), "Weight distribution");
        assertThat(peerEvents).extracting(Event::getStep).containsExactly(0L, 1L);
        Random r = new Random(99);
        double[] v = new double[10_000];
        List<Event> ours = run(logger(CONSUMER), l -> {
            for (int step = 0; step < 2; step++) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = r.nextGaussian();
                }
                l.addHistogram("Weight distribution", v, step);
            }
        });
        List<Double> pos = positiveEdges();
        List<Double> edges = new ArrayList<>();
        for (int k = pos.size() - 1; k >= 0; k--) {
            edges.add(-pos.get(k));
        }
        edges.add(0.0);
        edges.addAll(pos);
        for (int step = 0; step < 2; step++) {
            HistogramProto peer = peerEvents.get(step).getSummary().getValue(0).getHisto();
            HistogramProto mine = histo(ours, "Weight distribution", step);
            for (HistogramProto h : List.of(peer, mine)) {
                assertThat(edges).as("limits from the same edge list").containsAll(h.getBucketLimitList());
                int first = edges.indexOf(h.getBucketLimit(0));
                assertThat(h.getBucketLimitList()).as("consecutive edges")
                    .containsExactlyElementsOf(edges.subList(first, first + h.getBucketLimitCount()));
                assertThat(h.getBucketList().stream().mapToDouble(d -> d).sum()).isEqualTo(h.getNum());
                assertThat(h.getNum()).isEqualTo(10_000.0);
                assertThat(h.getBucket(0)).as("one empty bucket first").isZero();
                assertThat(h.getBucket(1)).as("then min's bucket").isPositive();
                assertThat(h.getBucket(h.getBucketCount() - 1)).as("max's bucket last").isPositive();
                assertThat(h.getBucketLimit(0)).isLessThanOrEqualTo(h.getMin());
                assertThat(h.getBucketLimit(1)).isGreaterThan(h.getMin());
                assertThat(h.getBucketLimit(h.getBucketLimitCount() - 1)).isGreaterThan(h.getMax());
            }
            assertThat(mine.getBucketLimitCount()).as("a similar span for the same distribution")
                .isBetween(peer.getBucketLimitCount() - 40, peer.getBucketLimitCount() + 40);
        }
    }
}
