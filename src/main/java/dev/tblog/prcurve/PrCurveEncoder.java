package dev.tblog.prcurve;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.DataType;
import dev.tblog.proto.PrCurvePluginData;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.TensorShapeProto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * The consumer half of the PR curve kind: computes the counts ({@link PrCurveCounts}) and writes
 * the pr_curves plugin's tensor as TensorBoard's own {@code pr_curve} summary does:
 * <pre>
 * tensor    42 len                              field 8, TensorProto
 *             08 01                             dtype DT_FLOAT
 *             12 len 12 02 08 06 12 k 08 n      tensor_shape [6, n]
 *             22 24n &lt;6n float32, little-endian&gt;  tensor_content, rows TP, FP, TN, FN, precision, recall
 * metadata  4a len 0a len 0a 09 "pr_curves"     plugin "pr_curves"
 *                         12 k 10 n             content PrCurvePluginData{version 0, num_thresholds n}
 * </pre>
 * The tag is the caller's, as the Python writers' {@code add_pr_curve} writes it.
 *
 * <p>Thread contract: consumer thread only. Once it has seen the largest curve it allocates
 * nothing, but a new metadata when the number of thresholds changes.
 */
final class PrCurveEncoder implements PayloadEncoder {
    /** The PR curve kind: drops are counted as {@code "pr_curve"}. */
    public static final PayloadKind<PrCurveEncoder> KIND =
        PayloadKind.of("pr_curve", PrCurveEncoder.class, PrCurveEncoder::new);
    /** The plugin that draws PR curves. */
    public static final String PLUGIN_NAME = "pr_curves";

    private final PrCurveCounts counts = new PrCurveCounts();
    private final TensorBody body = new TensorBody();
    private byte[] metadata;
    private int metadataThresholds = -1;

    void write(PrCurvePayload curve, EventWriter out, long wallTimeMillis) throws IOException {
        int n = curve.thresholds();
        float[] tensor;
        if (curve.rawRows() != null) {
            tensor = counts.raw(curve.rawRows(), n);
        } else if (curve.floats() != null) {
            tensor = counts.compute(curve.labels(), curve.floats(), curve.weights(), curve.predictions(), n);
        } else {
            tensor = counts.compute(curve.labels(), curve.doubles(), curve.weights(), curve.predictions(), n);
        }
        body.of(tensor, n);
        out.writeValue(null, curve.tag(), curve.step(), wallTimeMillis, metadata(n), body);
    }

    /** The metadata for {@code n} thresholds; remade only when n changes. */
    private byte[] metadata(int n) {
        if (n != metadataThresholds) {
            metadata = metadataFor(n);
            metadataThresholds = n;
        }
        return metadata;
    }

    private static byte[] metadataFor(int n) {
        return SummaryMetadata.newBuilder()
            .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME)
                .setContent(PrCurvePluginData.newBuilder().setNumThresholds(n).build().toByteString()))
            .build().toByteArray();
    }

    /** The {@code tensor} field: a DT_FLOAT tensor of shape [6, n], its values as raw little-endian bytes. */
    private static final class TensorBody implements SummaryBody {
        private byte[] content = new byte[0];
        private FloatBuffer floats = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        private int contentLength;
        private int n;
        private int shapeSize;
        private int tensorSize;

        void of(float[] tensor, int thresholds) {
            this.n = thresholds;
            contentLength = PrCurveData.ROWS * thresholds * Float.BYTES;
            if (content.length < contentLength) {
                content = new byte[contentLength];
                floats = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
            floats.clear();
            floats.put(tensor, 0, PrCurveData.ROWS * thresholds);
            shapeSize = dimSize(PrCurveData.ROWS) + dimSize(thresholds);
            tensorSize = CodedOutputStream.computeEnumSize(TensorProto.DTYPE_FIELD_NUMBER, DataType.DT_FLOAT_VALUE)
                + CodedOutputStream.computeTagSize(TensorProto.TENSOR_SHAPE_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(shapeSize) + shapeSize
                + CodedOutputStream.computeTagSize(TensorProto.TENSOR_CONTENT_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(contentLength) + contentLength;
        }

        /** One {@code dim { size s }} with its key and length. */
        private static int dimSize(int size) {
            int dim = CodedOutputStream.computeInt64Size(TensorShapeProto.Dim.SIZE_FIELD_NUMBER, size);
            return CodedOutputStream.computeTagSize(TensorShapeProto.DIM_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(dim) + dim;
        }

        private static void writeDim(CodedOutputStream out, int size) throws IOException {
            out.writeTag(TensorShapeProto.DIM_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(CodedOutputStream.computeInt64Size(TensorShapeProto.Dim.SIZE_FIELD_NUMBER, size));
            out.writeInt64(TensorShapeProto.Dim.SIZE_FIELD_NUMBER, size);
        }

        @Override
        public int serializedSize() {
            return CodedOutputStream.computeTagSize(Summary.Value.TENSOR_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(tensorSize) + tensorSize;
        }

        @Override
        public void writeTo(CodedOutputStream out) throws IOException {
            out.writeTag(Summary.Value.TENSOR_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(tensorSize);
            out.writeEnum(TensorProto.DTYPE_FIELD_NUMBER, DataType.DT_FLOAT_VALUE);
            out.writeTag(TensorProto.TENSOR_SHAPE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(shapeSize);
            writeDim(out, PrCurveData.ROWS);
            writeDim(out, n);
            out.writeTag(TensorProto.TENSOR_CONTENT_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(contentLength);
            out.writeRawBytes(content, 0, contentLength);
        }
    }
}
