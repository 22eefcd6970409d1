package dev.tblog.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tblog.PeerFolder;
import dev.tblog.proto.Event;
import dev.tblog.proto.HistogramProto;
import dev.tblog.proto.Summary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultEdgesTest {

    /** The peer's binary event file (PyTorch SummaryWriter); tests that need it are skipped without it. */
    private static final Path PEER_FILE = PeerFolder.mainFile();

    private static final Bins BINS = Bins.tensorflowDefault();

    @Test
    void shouldHave1549SymmetricStrictlyIncreasingEdgesWithZeroInTheMiddle() {
        double[] e = BINS.edgesCopy();
        assertThat(e).hasSize(1549);
        assertThat(BINS.bucketCount()).isEqualTo(1548);
        assertThat(e[774]).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(e[774])).isZero(); // +0.0, not -0.0
        for (int i = 1; i < e.length; i++) {
            assertThat(e[i]).as("edge %d", i).isGreaterThan(e[i - 1]);
        }
        for (int i = 0; i < e.length; i++) {
            assertThat(e[i]).as("edge %d mirrored", i).isEqualTo(-e[e.length - 1 - i]);
        }
        assertThat(e[775]).isEqualTo(1e-12);
        assertThat(e[1548]).isLessThan(1e20).isGreaterThan(1e20 / 1.1);
    }

    @Test
    void shouldEqualThePythonFormulaBitForBit() {
        double[] expected = HistogramReference.pythonDefaultEdges();
        double[] actual = BINS.edgesCopy();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).as("edge %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    @Test
    void shouldContainPeerLimitsCopiedFromTheDump() {
        // Printed by the peer dump (17 significant digits: parse back to the exact doubles).
        double[] peer = {-4.6361946174186253, -4.2147223794714774, -3.8315657995195243, -1.9487171000000014e-12,
                -1.1000000000000002e-12, -1e-12, 0, 1e-12, 1.1000000000000002e-12, 3.8315657995195243,
                4.2147223794714774, -7.466637793298873, 8.2133015726287617, 9.0346317298916379};
        long[] ours = Arrays.stream(BINS.edgesCopy()).mapToLong(Double::doubleToRawLongBits).toArray();
        for (double p : peer) {
            assertThat(ours).as("peer limit %s", p).contains(Double.doubleToRawLongBits(p));
        }
    }

    @Test
    void shouldContainEveryLimitOfThePeerFileBitForBit() throws IOException {
        List<HistogramProto> peer = peerHistograms();
        assertThat(peer).hasSize(2);
        long[] ours = Arrays.stream(BINS.edgesCopy()).mapToLong(Double::doubleToRawLongBits).sorted().toArray();
        for (HistogramProto h : peer) {
            for (double limit : h.getBucketLimitList()) {
                assertThat(Arrays.binarySearch(ours, Double.doubleToRawLongBits(limit)))
                        .as("peer limit %s", limit).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void shouldStoreThePeersExactLimitsGivenThePeersMinAndMax() {
        // min, max and the stored layout of the peer's steps 0 and 1, from the dump.
        assertStoredLayout(-4.3891145848648367, 4.0258240427272645, 614, -4.6361946174186253, 4.2147223794714774);
        assertStoredLayout(-7.2756086832393283, 8.8024827940792019, 627, -7.466637793298873, 9.0346317298916379);
    }

    @Test
    void shouldStoreTheSameLimitsAsThePeerFileForEachStep() throws IOException {
        for (HistogramProto h : peerHistograms()) {
            HistogramAccumulator acc = new HistogramAccumulator(BINS);
            acc.set(new double[] {h.getMin(), h.getMax()});
            double[] limits = HistogramReference.trimmedOf(acc)[0];
            assertThat(limits).containsExactly(h.getBucketLimitList().stream().mapToDouble(d -> d).toArray());
            assertThat(h.getBucket(0)).isZero();
            assertThat(h.getBucket(h.getBucketCount() - 1)).isPositive();
        }
    }

    @Test
    void shouldPutEveryEdgeAndItsNeighboursInTheBruteForceBucket() {
        double[] e = HistogramReference.pythonDefaultEdges();
        for (double edge : e) {
            for (double x : new double[] {edge, Math.nextUp(edge), Math.nextDown(edge), edge * 1.05}) {
                assertThat(TensorFlowEdges.slot(x) - 1).as("bucket of %s", x)
                        .isEqualTo(clampedSlotBucket(e, x));
            }
        }
    }

    private static int clampedSlotBucket(double[] e, double x) {
        // slot - 1 is the bucket before folding: -1 below the first edge, 1548 at or above the last
        if (x < e[0]) {
            return -1;
        }
        if (x >= e[e.length - 1]) {
            return e.length - 1;
        }
        return HistogramReference.bruteForceBucket(e, x);
    }

    private static void assertStoredLayout(double min, double max, int size, double first, double last) {
        HistogramAccumulator acc = new HistogramAccumulator(BINS);
        acc.set(new double[] {max, min});
        assertThat(acc.trimmedSize()).isEqualTo(size);
        assertThat(acc.limitAt(acc.trimmedStart())).isEqualTo(first);
        assertThat(acc.limitAt(acc.trimmedEnd() - 1)).isEqualTo(last);
        assertThat(acc.countAt(acc.trimmedStart())).isZero();
        assertThat(acc.countAt(acc.trimmedStart() + 1)).isEqualTo(1);
        assertThat(acc.countAt(acc.trimmedEnd() - 1)).isEqualTo(1);
    }

    /** Histograms of the peer file, read with the TFRecord framing: u64 length, u32 crc, data, u32 crc. */
    static List<HistogramProto> peerHistograms() throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(PEER_FILE)).order(ByteOrder.LITTLE_ENDIAN);
        List<HistogramProto> out = new ArrayList<>();
        while (buf.remaining() >= 12) {
            int length = Math.toIntExact(buf.getLong());
            buf.getInt();
            byte[] data = new byte[length];
            buf.get(data);
            buf.getInt();
            Event event = Event.parseFrom(data);
            for (Summary.Value v : event.getSummary().getValueList()) {
                if (v.hasHisto()) {
                    out.add(v.getHisto());
                }
            }
        }
        return out;
    }
}
