package dev.tblog.histogram;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.HistogramProto;
import dev.tblog.proto.Summary;

import java.io.IOException;

/**
 * The {@code histo} field (5) of a {@code Summary.Value}, hand-encoded from an accumulator's stored range
 * or from a flat array, without building a {@code HistogramProto}:
 * <pre>
 * 2a len                       Summary.Value.histo, the HistogramProto:
 *   09 &lt;8 bytes&gt;              min          (field 1, double)  \
 *   11 &lt;8 bytes&gt;              max          (field 2)           | each written only when its raw
 *   19 &lt;8 bytes&gt;              num          (field 3)           | bits are not 0, as the generated
 *   21 &lt;8 bytes&gt;              sum          (field 4)           | classes do (so -0.0 is written)
 *   29 &lt;8 bytes&gt;              sum_squares  (field 5)          /
 *   32 len(8n) &lt;n doubles&gt;    bucket_limit (field 6, packed; omitted when n = 0)
 *   3a len(8n) &lt;n doubles&gt;    bucket       (field 7, packed; omitted when n = 0)
 * </pre>
 * The bytes are those of {@code HistogramProto.toByteArray()} for the same values (a test checks it).
 *
 * <p>Thread contract: not thread-safe; the consumer's {@link HistogramEncoder} keeps one and points it
 * at each histogram in turn.
 */
final class HistogramBody implements SummaryBody {
    private static final int HISTO_FIELD = Summary.Value.HISTO_FIELD_NUMBER;
    private static final int MIN_FIELD = HistogramProto.MIN_FIELD_NUMBER;
    private static final int MAX_FIELD = HistogramProto.MAX_FIELD_NUMBER;
    private static final int NUM_FIELD = HistogramProto.NUM_FIELD_NUMBER;
    private static final int SUM_FIELD = HistogramProto.SUM_FIELD_NUMBER;
    private static final int SUM_SQUARES_FIELD = HistogramProto.SUM_SQUARES_FIELD_NUMBER;
    private static final int BUCKET_LIMIT_FIELD = HistogramProto.BUCKET_LIMIT_FIELD_NUMBER;
    private static final int BUCKET_FIELD = HistogramProto.BUCKET_FIELD_NUMBER;

    private double min;
    private double max;
    private double num;
    private double sum;
    private double sumSquares;
    /** Source 1: the accumulator's stored range [start, start + n). */
    private HistogramAccumulator accumulator;
    private int start;
    /** Source 2: limits at data[0, n), counts at data[n, 2n). */
    private double[] data;
    private int n;
    private int messageSize;

    /** Points this body at the accumulator's finite values and stored range; the accumulator must not change until written. */
    public HistogramBody of(HistogramAccumulator acc) {
        this.accumulator = acc;
        this.data = null;
        this.start = acc.trimmedStart();
        this.n = acc.trimmedSize();
        return stats(acc.min(), acc.max(), acc.finiteCount(), acc.sum(), acc.sumSquares());
    }

    /**
     * Points this body at a flat array: {@code bucketCount} limits, then as many counts.
     *
     * @param data at least {@code 2 * bucketCount} values; not copied, must not change until written
     */
    public HistogramBody of(double min, double max, double num, double sum, double sumSquares, double[] data,
                            int bucketCount) {
        this.accumulator = null;
        this.data = data;
        this.start = 0;
        this.n = bucketCount;
        return stats(min, max, num, sum, sumSquares);
    }

    private HistogramBody stats(double min, double max, double num, double sum, double sumSquares) {
        this.min = min;
        this.max = max;
        this.num = num;
        this.sum = sum;
        this.sumSquares = sumSquares;
        int size = doubleSize(min) + doubleSize(max) + doubleSize(num) + doubleSize(sum) + doubleSize(sumSquares);
        if (n > 0) {
            int packed = 8 * n;
            size += 2 * (1 + CodedOutputStream.computeUInt32SizeNoTag(packed) + packed);
        }
        this.messageSize = size;
        return this;
    }

    @Override
    public int serializedSize() {
        return 1 + CodedOutputStream.computeUInt32SizeNoTag(messageSize) + messageSize;
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        out.writeTag(HISTO_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(messageSize);
        writeDouble(out, MIN_FIELD, min);
        writeDouble(out, MAX_FIELD, max);
        writeDouble(out, NUM_FIELD, num);
        writeDouble(out, SUM_FIELD, sum);
        writeDouble(out, SUM_SQUARES_FIELD, sumSquares);
        if (n == 0) {
            return;
        }
        out.writeTag(BUCKET_LIMIT_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(8 * n);
        if (accumulator != null) {
            for (int i = start, end = start + n; i < end; i++) {
                out.writeDoubleNoTag(accumulator.limitAt(i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out.writeDoubleNoTag(data[i]);
            }
        }
        out.writeTag(BUCKET_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(8 * n);
        if (accumulator != null) {
            for (int i = start, end = start + n; i < end; i++) {
                out.writeDoubleNoTag(accumulator.countAt(i));
            }
        } else {
            for (int i = n, end = 2 * n; i < end; i++) {
                out.writeDoubleNoTag(data[i]);
            }
        }
    }

    /** proto3: a double field is omitted when its raw bits are 0 (+0.0), written otherwise (-0.0 included). */
    private static int doubleSize(double v) {
        return Double.doubleToRawLongBits(v) != 0 ? 9 : 0;
    }

    private static void writeDouble(CodedOutputStream out, int field, double v) throws IOException {
        if (Double.doubleToRawLongBits(v) != 0) {
            out.writeDouble(field, v);
        }
    }
}
