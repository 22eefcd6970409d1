package dev.tblog.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tblog.proto.HistogramProto;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** 10,000 N(0,1) values, as the peer's "Weight distribution" at step 0, give the same shape of layout. */
class HistogramLayoutVsPeerTest {

    /** Stored buckets of the peer's step 0 (from the dump: 614 bucket_limit, min -4.389, max 4.026). */
    private static final int PEER_STEP0_SIZE = 614;

    @Test
    void shouldStoreAPeerShapedLayoutFor10000NormalValues() {
        Random random = new Random(20260101L);
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        HistogramAccumulator acc = new HistogramAccumulator(Bins.tensorflowDefault());
        acc.set(v);
        HistogramProto p = HistogramProtos.toProto(acc);

        long[] edgeBits = Arrays.stream(HistogramReference.pythonDefaultEdges())
                .mapToLong(Double::doubleToRawLongBits).sorted().toArray();
        for (double limit : p.getBucketLimitList()) {
            assertThat(Arrays.binarySearch(edgeBits, Double.doubleToRawLongBits(limit))).isNotNegative();
        }
        assertThat(p.getBucketList().stream().mapToDouble(d -> d).sum()).isEqualTo(10_000.0);
        assertThat(p.getNum()).isEqualTo(10_000.0);
        assertThat(p.getBucket(0)).isZero();
        assertThat(p.getBucket(p.getBucketCount() - 1)).isPositive();
        assertThat(p.getBucketLimitCount()).isEqualTo(p.getBucketCount()).isBetween(PEER_STEP0_SIZE - 3, PEER_STEP0_SIZE + 3);
        // the first stored bucket is the empty one just below min, the last holds max
        assertThat(p.getBucketLimit(0)).isLessThanOrEqualTo(p.getMin());
        assertThat(p.getBucketLimit(1)).isGreaterThan(p.getMin());
        assertThat(p.getBucketLimit(p.getBucketLimitCount() - 2)).isLessThanOrEqualTo(p.getMax());
        assertThat(p.getBucketLimit(p.getBucketLimitCount() - 1)).isGreaterThan(p.getMax());
    }

    @Test
    void shouldMatchThePeerFilesTrimmingShapeAtBothSteps() throws IOException {
        List<HistogramProto> peer = DefaultEdgesTest.peerHistograms();
        for (HistogramProto h : peer) {
            assertThat(h.getBucket(0)).isZero();
            assertThat(h.getBucket(h.getBucketCount() - 1)).isPositive();
            assertThat(h.getBucketList().stream().mapToDouble(d -> d).sum()).isEqualTo(h.getNum());
            assertThat(h.getBucketLimit(0)).isLessThanOrEqualTo(h.getMin());
            assertThat(h.getBucketLimit(1)).isGreaterThan(h.getMin());
        }
        assertThat(peer.get(0).getBucketLimitCount()).isEqualTo(PEER_STEP0_SIZE);
    }
}
