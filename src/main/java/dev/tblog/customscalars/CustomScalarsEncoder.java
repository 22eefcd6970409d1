package dev.tblog.customscalars;

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

import java.io.IOException;

/**
 * The consumer half of the custom scalars kind: writes the layout as TensorBoard's own
 * {@code custom_scalar} summary does, at step 0 of the main run:
 * <pre>
 * tag       "custom_scalars__config__"
 * tensor    42 len                     field 8, TensorProto
 *             08 07                    dtype DT_STRING
 *             12 00                    tensor_shape [] (a scalar)
 *             42 n &lt;n bytes&gt;           string_val: the serialized Layout
 * metadata  4a 10 0a 0e 0a 0c "custom_scalars"   plugin "custom_scalars", empty content
 * </pre>
 * TensorBoard reads the layout of every run (the last one written, per run) and merges them by
 * category title, so every run of a sweep may write the same layout.
 *
 * <p>Thread contract: consumer thread only.
 */
final class CustomScalarsEncoder implements PayloadEncoder {
    /** The custom scalars kind: given-up calls are counted as {@code "custom_scalars"}. */
    public static final PayloadKind<CustomScalarsEncoder> KIND =
        PayloadKind.of("custom_scalars", CustomScalarsEncoder.class, CustomScalarsEncoder::new);
    /** The plugin of the CUSTOM SCALARS dashboard. */
    public static final String PLUGIN_NAME = "custom_scalars";
    /** The one tag the plugin reads. */
    public static final String CONFIG_TAG = "custom_scalars__config__";
    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME))
        .build().toByteArray();

    private final LayoutBody body = new LayoutBody();

    void write(CustomScalarsPayload layout, EventWriter out, long wallTimeMillis) throws IOException {
        body.of(layout.layout());
        out.writeValue(null, CONFIG_TAG, 0, wallTimeMillis, METADATA, body);
    }

    /** The {@code tensor} field: a scalar DT_STRING tensor holding the layout. */
    private static final class LayoutBody implements SummaryBody {
        private byte[] layout;
        private int tensorSize;

        void of(byte[] serialized) {
            this.layout = serialized;
            this.tensorSize = CodedOutputStream.computeEnumSize(TensorProto.DTYPE_FIELD_NUMBER, DataType.DT_STRING_VALUE)
                + CodedOutputStream.computeTagSize(TensorProto.TENSOR_SHAPE_FIELD_NUMBER) + 1
                + CodedOutputStream.computeByteArraySize(TensorProto.STRING_VAL_FIELD_NUMBER, serialized);
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
            out.writeEnum(TensorProto.DTYPE_FIELD_NUMBER, DataType.DT_STRING_VALUE);
            out.writeTag(TensorProto.TENSOR_SHAPE_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(0); // an empty shape: a scalar
            out.writeByteArray(TensorProto.STRING_VAL_FIELD_NUMBER, layout);
        }
    }
}
