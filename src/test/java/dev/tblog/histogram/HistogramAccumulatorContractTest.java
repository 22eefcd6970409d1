package dev.tblog.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tblog.proto.HistogramProto;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramAccumulatorContractTest {

    private static final double[] E = HistogramReference.pythonDefaultEdges();

    private static HistogramAccumulator defaultAcc() {
        return new HistogramAccumulator(Bins.tensorflowDefault());
    }

    @Test
    void shouldCountNonFiniteValuesApartFromTheHistogram() {
        HistogramAccumulator acc = defaultAcc();
        acc.set(new double[] {Double.NaN, 1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 2.0});
        assertThat(acc.nanCount()).isEqualTo(2);
        assertThat(acc.positiveInfinityCount()).isEqualTo(1);
        assertThat(acc.negativeInfinityCount()).isEqualTo(1);
        assertThat(acc.nonFiniteCount()).isEqualTo(4);
        assertThat(acc.finiteCount()).isEqualTo(2);
        assertThat(acc.min()).isEqualTo(1.0);
        assertThat(acc.max()).isEqualTo(2.0);
        assertThat(acc.sum()).isEqualTo(3.0);
        assertThat(acc.sumSquares()).isEqualTo(5.0);
        HistogramProto p = HistogramProtos.toProto(acc);
        assertThat(p.getNum()).isEqualTo(2.0);
        assertThat(p.getBucketList().stream().mapToDouble(d -> d).sum()).isEqualTo(2.0);
    }

    @Test
    void shouldStoreNothingAndRefuseAProtoWhenEveryValueIsNonFinite() {
        for (Bins bins : new Bins[] {Bins.tensorflowDefault(),
                Bins.explicitEdges(0, 1), Bins.equalWidth(4)}) {
            HistogramAccumulator acc = new HistogramAccumulator(bins);
            acc.add(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, 0, 2);
            assertThat(acc.finiteCount()).as("%s", bins).isZero();
            assertThat(acc.nonFiniteCount()).isEqualTo(2);
            assertThat(acc.isEmpty()).isFalse();
            assertThat(acc.trimmedSize()).isZero();
            assertThat(acc.min()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(acc.max()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThatThrownBy(() -> HistogramProtos.toProto(acc))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("nanCount=1");
        }
    }

    @Test
    void shouldRejectEmptyInputForEveryArrayType() {
        HistogramAccumulator acc = defaultAcc();
        assertThatThrownBy(() -> acc.add(new double[0], 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("histogram needs at least one value");
        assertThatThrownBy(() -> acc.add(new float[3], 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.add(new int[3], 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.add(new long[0], 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.set(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(acc.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectRangesOutsideTheArray() {
        HistogramAccumulator acc = defaultAcc();
        int[][] bad = {{-1, 2}, {4, 2}, {0, 6}, {2, Integer.MAX_VALUE}, {6, 1}, {1, -1}};
        for (int[] r : bad) {
            assertThatThrownBy(() -> acc.add(new double[5], r[0], r[1])).as("%s", Arrays.toString(r))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> acc.add(new float[5], r[0], r[1])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> acc.add(new int[5], r[0], r[1])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> acc.add(new long[5], r[0], r[1])).isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThat(acc.isEmpty()).isTrue();
    }

    @Test
    void shouldReadOnlyTheGivenRange() {
        HistogramAccumulator acc = defaultAcc();
        acc.add(new double[] {100, 1, 2, -100}, 1, 2);
        assertThat(acc.finiteCount()).isEqualTo(2);
        assertThat(acc.min()).isEqualTo(1.0);
        assertThat(acc.max()).isEqualTo(2.0);
        acc.reset();
        acc.add(new int[] {100, 1, 2, -100}, 1, 2);
        assertThat(acc.sum()).isEqualTo(3.0);
    }

    @Test
    void shouldGiveTheSameResultForEveryArrayTypeAndForChunks() {
        Random r = new Random(7);
        int n = 1500; // crosses the 512-value widening chunks
        float[] f = new float[n];
        int[] ints = new int[n];
        long[] longs = new long[n];
        double[] fd = new double[n];
        double[] id = new double[n];
        double[] ld = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (r.nextGaussian() * 3);
            fd[i] = f[i];
            ints[i] = r.nextInt();
            id[i] = ints[i];
            longs[i] = r.nextLong();
            ld[i] = (double) longs[i];
        }
        for (Bins bins : new Bins[] {Bins.tensorflowDefault(),
                Bins.explicitEdges(-3, -1, 0, 0.5, 2, 1e10), Bins.equalWidth(37)}) {
            assertSame(bins, fd, a -> a.add(f, 0, n));
            assertSame(bins, id, a -> a.add(ints, 0, n));
            assertSame(bins, ld, a -> a.add(longs, 0, n));
        }
        // fixed edges accept chunks: three adds equal one
        HistogramAccumulator chunked = defaultAcc();
        chunked.add(fd, 0, 100);
        chunked.add(fd, 100, 900);
        chunked.add(f, 1000, 500);
        HistogramAccumulator whole = defaultAcc();
        whole.add(fd, 0, n);
        assertThat(HistogramReference.bucketCountsOf(chunked)).containsExactly(HistogramReference.bucketCountsOf(whole));
        assertThat(chunked.trimmedStart()).isEqualTo(whole.trimmedStart());
        assertThat(chunked.trimmedEnd()).isEqualTo(whole.trimmedEnd());
    }

    @Test
    void shouldNeedAllEqualWidthValuesInOneCall() {
        HistogramAccumulator acc = new HistogramAccumulator(Bins.equalWidth(3));
        acc.add(new double[] {1, 2}, 0, 2);
        assertThatThrownBy(() -> acc.add(new double[] {3}, 0, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset()");
        acc.reset();
        assertThatThrownBy(() -> acc.edge(0)).isInstanceOf(IllegalStateException.class);
        acc.add(new double[] {3}, 0, 1);
        assertThat(acc.edge(0)).isEqualTo(2.5);
    }

    @Test
    void shouldForgetEverythingOnReset() {
        HistogramAccumulator acc = defaultAcc();
        acc.set(new double[] {Double.NaN, 5, -1e30, 1e30});
        acc.set(new double[] {1.0});
        assertThat(acc.nanCount()).isZero();
        assertThat(acc.finiteCount()).isEqualTo(1);
        assertThat(HistogramReference.bucketCountsOf(acc)).containsOnlyOnce(1L);
        assertThat(Arrays.stream(HistogramReference.bucketCountsOf(acc)).sum()).isEqualTo(1);
        assertThat(acc.min()).isEqualTo(1.0);
        assertThat(acc.max()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepNumEqualToTheSumOfCountsWithOutliers() {
        HistogramAccumulator acc = defaultAcc();
        acc.set(new double[] {-Double.MAX_VALUE, 1e25, 3, 1e20, Math.nextDown(-1e20)});
        long total = Arrays.stream(HistogramReference.bucketCountsOf(acc)).sum();
        assertThat(total).isEqualTo(acc.finiteCount()).isEqualTo(5);
        double[][] t = HistogramReference.trimmedOf(acc);
        assertThat(Arrays.stream(t[1]).sum()).isEqualTo(5.0);
        assertThat(t[0][0]).isEqualTo(E[0]); // bucket 0 non-empty: PyTorch's leading zero has limit edges[0]
        assertThat(t[1][0]).isZero();
        assertThat(t[0][t[0].length - 1]).isEqualTo(E[1548]);
    }

    @Test
    void shouldRangeCheckStoredIndicesAndCopyTargets() {
        HistogramAccumulator acc = defaultAcc();
        acc.set(new double[] {1.0});
        assertThatThrownBy(() -> acc.limitAt(acc.trimmedEnd())).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("trimmedEnd=");
        assertThatThrownBy(() -> acc.countAt(acc.trimmedStart() - 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> acc.copyTrimmed(new double[1], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trimmedSize=2");
        assertThatThrownBy(() -> acc.count(1548)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldValidateExplicitEdgesNamingTheBadIndexAndValue() {
        assertThatThrownBy(() -> Bins.explicitEdges(0, 1, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing").hasMessageContaining("edges[2]=1.0");
        assertThatThrownBy(() -> Bins.explicitEdges(0, 2, 1)).hasMessageContaining("edges[2]=1.0");
        assertThatThrownBy(() -> Bins.explicitEdges(0, Double.NaN)).hasMessageContaining("edges[1]=NaN");
        assertThatThrownBy(() -> Bins.explicitEdges(Double.NEGATIVE_INFINITY, 0))
                .hasMessageContaining("edges[0]=-Infinity");
        assertThatThrownBy(() -> Bins.explicitEdges(-0.0, 0.0)).hasMessageContaining("edges[1]=0.0");
        assertThatThrownBy(() -> Bins.explicitEdges(1.0)).hasMessageContaining("edges.length=1");
        assertThatThrownBy(() -> Bins.equalWidth(0)).hasMessageContaining("buckets=0");
        assertThatThrownBy(() -> Bins.equalWidth(Bins.MAX_BUCKETS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bins.equalWidth(3).edge(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCopyExplicitEdgesSoTheCallerCannotChangeThem() {
        double[] edges = {0, 1, 2};
        Bins bins = Bins.explicitEdges(edges);
        edges[1] = 5;
        assertThat(bins.edge(1)).isEqualTo(1.0);
        bins.edgesCopy()[1] = 7;
        assertThat(bins.edge(1)).isEqualTo(1.0);
    }

    @Test
    void shouldCountIntAndLongExtremes() {
        HistogramAccumulator acc = defaultAcc();
        acc.add(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0}, 0, 3);
        assertThat(acc.min()).isEqualTo(-9.223372036854775808e18);
        assertThat(acc.max()).isEqualTo(9.223372036854775808e18);
        assertThat(acc.sum()).isEqualTo(0.0);
        long[] expected = HistogramReference.bruteForceCounts(E,
                new double[] {(double) Long.MIN_VALUE, (double) Long.MAX_VALUE, 0.0});
        assertThat(HistogramReference.bucketCountsOf(acc)).containsExactly(expected);
    }

    @Test
    void shouldNeverDecreaseEqualWidthEdgesOnSubnormalRanges() {
        // Regression (found by the jqwik property): with a rounded subnormal step the last inner edge
        // went past the range's top, 1.5e-323 after 2.0e-323.
        double[][] ranges = {{Double.MIN_VALUE, 4 * Double.MIN_VALUE}, {Double.MIN_VALUE, 3 * Double.MIN_VALUE},
            {-5 * Double.MIN_VALUE, 7 * Double.MIN_VALUE}};
        for (double[] range : ranges) {
            for (int buckets = 1; buckets <= 64; buckets++) {
                HistogramAccumulator acc = new HistogramAccumulator(Bins.equalWidth(buckets));
                acc.set(range);
                for (int i = 1; i <= buckets; i++) {
                    assertThat(acc.edge(i)).as("edge %d of %d over %s", i, buckets, Arrays.toString(range))
                        .isGreaterThanOrEqualTo(acc.edge(i - 1)).isLessThanOrEqualTo(range[1]);
                }
                assertThat(Arrays.stream(HistogramReference.bucketCountsOf(acc)).sum()).isEqualTo(2);
            }
        }
    }

    private interface Adder {
        void add(HistogramAccumulator a);
    }

    private static void assertSame(Bins bins, double[] expectedValues, Adder adder) {
        HistogramAccumulator want = new HistogramAccumulator(bins);
        want.add(expectedValues, 0, expectedValues.length);
        HistogramAccumulator got = new HistogramAccumulator(bins);
        adder.add(got);
        assertThat(HistogramReference.bucketCountsOf(got)).containsExactly(HistogramReference.bucketCountsOf(want));
        assertThat(got.sum()).isEqualTo(want.sum());
        assertThat(got.sumSquares()).isEqualTo(want.sumSquares());
        assertThat(got.min()).isEqualTo(want.min());
        assertThat(got.max()).isEqualTo(want.max());
        assertThat(HistogramReference.trimmedOf(got)[0]).containsExactly(HistogramReference.trimmedOf(want)[0]);
    }
}
