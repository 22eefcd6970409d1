package dev.tblog.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tblog.proto.HistogramProto;
import org.junit.jupiter.api.Test;

/**
 * Small inputs whose expected layout is derived by hand from the edge formula: {@code pos[k] = 1e-12 * 1.1^k},
 * edge index of {@code pos[k]} is {@code 775 + k}, of {@code -pos[k]} is {@code 773 - k}, of 0 is 774; a
 * positive {@code x} with {@code pos[k] <= x < pos[k+1]} is in bucket {@code 775 + k}; a negative {@code x}
 * with {@code pos[k-1] < |x| <= pos[k]} is in bucket {@code 773 - k}. The stored limits run from the left edge
 * of the first non-empty bucket (count 0: it is the right edge of the empty bucket before) to the right edge
 * of the last non-empty one.
 */
class HistogramGoldenTest {

    private static final double[] E = HistogramReference.pythonDefaultEdges();

    private static double pos(int k) {
        return E[775 + k];
    }

    /** floor(log_1.1(x / 1e-12)), then checked against the real edges. */
    private static int k(double x) {
        int k = (int) Math.floor(Math.log(x / 1e-12) / Math.log(1.1));
        assertThat(pos(k)).isLessThanOrEqualTo(x);
        assertThat(x).isLessThan(pos(k + 1));
        return k;
    }

    private static HistogramAccumulator of(double... values) {
        HistogramAccumulator acc = new HistogramAccumulator(Bins.tensorflowDefault());
        acc.set(values);
        return acc;
    }

    @Test
    void shouldStoreZeroAsAnEmptyBucketEndingAtZeroAndOneEndingAt1eMinus12() {
        for (double zero : new double[] {0.0, -0.0}) {
            HistogramAccumulator acc = of(zero);
            double[][] t = HistogramReference.trimmedOf(acc);
            assertThat(t[0]).containsExactly(0.0, 1e-12);
            assertThat(t[1]).containsExactly(0.0, 1.0);
            assertThat(acc.finiteCount()).isEqualTo(1);
            assertThat(acc.sum()).isEqualTo(0.0);
            assertThat(acc.sumSquares()).isEqualTo(0.0);
        }
    }

    @Test
    void shouldStoreOneTwoThree() {
        assertThat(k(1.0)).isEqualTo(289); // ln(1e12)/ln(1.1) = 289.9
        assertThat(k(2.0)).isEqualTo(297); // + ln 2 / ln 1.1 = 7.27
        assertThat(k(3.0)).isEqualTo(301); // + ln 3 / ln 1.1 = 11.53
        HistogramAccumulator acc = of(1.0, 2.0, 3.0);
        double[][] t = HistogramReference.trimmedOf(acc);
        double[] limits = new double[14];
        for (int i = 0; i < 14; i++) {
            limits[i] = pos(289 + i);
        }
        assertThat(t[0]).containsExactly(limits);
        assertThat(t[0][0]).isEqualTo(0.917246389039776);
        assertThat(t[0][13]).isEqualTo(3.1665833053880363);
        assertThat(t[1]).containsExactly(0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(acc.trimmedStart()).isEqualTo(1064);
        assertThat(acc.trimmedEnd()).isEqualTo(1078);

        HistogramProto p = HistogramProtos.toProto(acc);
        assertThat(p.getMin()).isEqualTo(1.0);
        assertThat(p.getMax()).isEqualTo(3.0);
        assertThat(p.getNum()).isEqualTo(3.0);
        assertThat(p.getSum()).isEqualTo(6.0);
        assertThat(p.getSumSquares()).isEqualTo(14.0);
        assertThat(p.getBucketLimitList()).containsExactly(box(limits));
        assertThat(p.getBucketList()).containsExactly(0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0);
    }

    @Test
    void shouldStoreMinusOneAndOneAcrossZero() {
        // -1: pos[289] < 1 <= pos[290] -> bucket 773 - 290 = 483; 1 -> bucket 775 + 289 = 1064.
        HistogramAccumulator acc = of(-1.0, 1.0);
        double[][] t = HistogramReference.trimmedOf(acc);
        assertThat(t[0]).hasSize(1066 - 483);
        assertThat(t[0][0]).isEqualTo(-pos(290)).isEqualTo(-1.0089710279437536);
        assertThat(t[0][1]).isEqualTo(-pos(289));
        assertThat(t[0][t[0].length - 1]).isEqualTo(pos(290));
        assertThat(t[1][0]).isZero();
        assertThat(t[1][1]).isEqualTo(1.0);
        assertThat(t[1][t[1].length - 1]).isEqualTo(1.0);
        assertThat(sum(t[1])).isEqualTo(2.0);
        assertThat(acc.sum()).isEqualTo(0.0);
        assertThat(acc.sumSquares()).isEqualTo(2.0);
    }

    @Test
    void shouldPutAValueOnAnEdgeInTheBucketItOpens() {
        double[][] t = HistogramReference.trimmedOf(of(pos(100)));
        assertThat(t[0]).containsExactly(pos(100), pos(101));
        assertThat(t[1]).containsExactly(0.0, 1.0);
        // -pos[100] is the left (closed) edge of bucket 673 = [-pos[100], -pos[99])
        t = HistogramReference.trimmedOf(of(-pos(100)));
        assertThat(t[0]).containsExactly(-pos(100), -pos(99));
        assertThat(t[1]).containsExactly(0.0, 1.0);
    }

    @Test
    void shouldClampValuesBeyondTheOutermostEdgesIntoTheOutermostBuckets() {
        // last edge pos[773] ~ 9.92e19; the last bucket is closed, so the edge itself belongs to it too
        for (double big : new double[] {pos(773), 1e20, 1e30, Double.MAX_VALUE}) {
            HistogramAccumulator acc = of(big);
            double[][] t = HistogramReference.trimmedOf(acc);
            assertThat(t[0]).containsExactly(pos(772), pos(773));
            assertThat(t[1]).containsExactly(0.0, 1.0);
            assertThat(acc.max()).isEqualTo(big);
        }
        // below the first edge: bucket 0; PyTorch's start == 0 case stores a leading zero with limit edges[0]
        for (double small : new double[] {-1e20, -Double.MAX_VALUE}) {
            double[][] t = HistogramReference.trimmedOf(of(small));
            assertThat(t[0]).containsExactly(-pos(773), -pos(772));
            assertThat(t[1]).containsExactly(0.0, 1.0);
        }
        assertThat(HistogramReference.trimmedOf(of(-pos(773)))[0]).containsExactly(-pos(773), -pos(772));
    }

    @Test
    void shouldStoreEqualWidthBucketsWithALeadingZeroAsPyTorchDoes() {
        // numpy.histogram([1,2,3,4], bins=3): edges [1,2,3,4], counts [1,1,2]; start == 0 -> [0] + counts
        HistogramAccumulator acc = new HistogramAccumulator(Bins.equalWidth(3));
        acc.set(new double[] {4, 1, 3, 2});
        double[][] t = HistogramReference.trimmedOf(acc);
        assertThat(t[0]).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(t[1]).containsExactly(0.0, 1.0, 1.0, 2.0);

        // one distinct value: range [5 - 0.5, 5 + 0.5], edges [4.5, 5.0, 5.5]; 5.0 in bucket 1
        acc = new HistogramAccumulator(Bins.equalWidth(2));
        acc.set(new double[] {5.0, 5.0});
        t = HistogramReference.trimmedOf(acc);
        assertThat(t[0]).containsExactly(5.0, 5.5);
        assertThat(t[1]).containsExactly(0.0, 2.0);
        assertThat(acc.edge(0)).isEqualTo(4.5);
    }

    @Test
    void shouldClampIntoExplicitEdgesAndCloseTheLastBucket() {
        HistogramAccumulator acc = new HistogramAccumulator(Bins.explicitEdges(0, 1, 10));
        acc.set(new double[] {-5, 0.5, 1, 10, 50});
        double[][] t = HistogramReference.trimmedOf(acc);
        assertThat(t[0]).containsExactly(0.0, 1.0, 10.0);
        assertThat(t[1]).containsExactly(0.0, 2.0, 3.0);
        assertThat(acc.min()).isEqualTo(-5.0);
        assertThat(acc.max()).isEqualTo(50.0);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    private static Double[] box(double[] a) {
        Double[] b = new Double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }
}
