package dev.tblog.text;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.DataType;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.TensorShapeProto;

import java.io.IOException;

/**
 * The consumer half of the text kind: writes one text as the Python writers do (the value that
 * tests build with {@code TextSummary} with the generated classes), without building protobuf objects:
 * <pre>
 * tag      "&lt;tag&gt;/text_summary"
 * tensor   42 len                 field 8, the TensorProto
 *            08 07                dtype DT_STRING
 *            12 04 12 02 08 01    tensor_shape { dim { size 1 } }
 *            42 n &lt;n UTF-8 bytes&gt; string_val
 * metadata 4a 08 0a 06 0a 04 "text"   plugin "text", empty content (first value of the tag only)
 * </pre>
 *
 * <p>Thread contract: consumer thread only.
 */
final class TextEncoder implements PayloadEncoder {
    /** The text kind: drops are counted as {@code "text"}. */
    public static final PayloadKind<TextEncoder> KIND = PayloadKind.of("text", TextEncoder.class, TextEncoder::new);

    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(TextProducer.PLUGIN_NAME))
        .build().toByteArray();

    private final TextBody body = new TextBody();

    void write(TextPayload text, EventWriter out, long wallTimeMillis) throws IOException {
        body.of(text.utf8());
        out.writeValue(null, text.tag(), text.step(), wallTimeMillis, METADATA, body);
    }

    /** The {@code tensor} field: a DT_STRING tensor of shape [1], pointed at one text at a time. */
    private static final class TextBody implements SummaryBody {
        private static final int TENSOR_FIELD = Summary.Value.TENSOR_FIELD_NUMBER;
        /** {@code dim { size 1 }}: 08 01. */
        private static final int DIM_SIZE = CodedOutputStream.computeInt64Size(TensorShapeProto.Dim.SIZE_FIELD_NUMBER, 1);
        /** {@code tensor_shape { dim {...} }}: 12 02 08 01. */
        private static final int SHAPE_SIZE = CodedOutputStream.computeTagSize(TensorShapeProto.DIM_FIELD_NUMBER)
            + CodedOutputStream.computeUInt32SizeNoTag(DIM_SIZE) + DIM_SIZE;

        private byte[] utf8;
        private int tensorSize;

        void of(byte[] text) {
            this.utf8 = text;
            this.tensorSize = CodedOutputStream.computeEnumSize(TensorProto.DTYPE_FIELD_NUMBER, DataType.DT_STRING_VALUE)
                + CodedOutputStream.computeTagSize(TensorProto.TENSOR_SHAPE_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(SHAPE_SIZE) + SHAPE_SIZE
                + CodedOutputStream.computeByteArraySize(TensorProto.STRING_VAL_FIELD_NUMBER, text);
        }

        @Override
        public int serializedSize() {
            return CodedOutputStream.computeTagSize(TENSOR_FIELD) + CodedOutputStream.computeUInt32SizeNoTag(tensorSize)
                + tensorSize;
        }

        @Override
        public void writeTo(CodedOutputStream out) throws IOException {
            out.writeTag(TENSOR_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(tensorSize);
            out.writeEnum(TensorProto.DTYPE_FIELD_NUMBER, DataType.DT_STRING_VALUE);
            out.writeTag(TensorProto.TENSOR_SHAPE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(SHAPE_SIZE);
            out.writeTag(TensorShapeProto.DIM_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(DIM_SIZE);
            out.writeInt64(TensorShapeProto.Dim.SIZE_FIELD_NUMBER, 1);
            out.writeByteArray(TensorProto.STRING_VAL_FIELD_NUMBER, utf8);
        }
    }
}
