package dev.tblog.hparams;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadWriter;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.DataType;
import dev.tblog.proto.SummaryMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One {@code addText(tag, markdown, step)} record, the same value as {@link TextSummary#value}
 * (the Python writers' layout), encoded without building protobuf objects:
 * <pre>
 * tag      "&lt;tag&gt;/text_summary"
 * tensor   42 len                 field 8, the TensorProto
 *            08 07                dtype DT_STRING
 *            12 04 12 02 08 01    tensor_shape { dim { size 1 } }
 *            42 n &lt;n UTF-8 bytes&gt; string_val
 * metadata 4a 08 0a 06 0a 04 "text"   plugin "text", empty content (first value of the tag only)
 * </pre>
 *
 * <p>Thread contract: built on the caller's thread (the UTF-8 bytes are made there), immutable
 * after; {@link #writeTo} on the consumer thread.
 */
public final class TextPayload implements Payload, SummaryBody {
    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(TextSummary.PLUGIN_NAME))
        .build().toByteArray();
    private static final int TENSOR_FIELD = 8;
    private static final int DTYPE_FIELD = 1;
    private static final int SHAPE_FIELD = 2;
    private static final int DIM_FIELD = 2;
    private static final int DIM_SIZE_FIELD = 1;
    private static final int STRING_VAL_FIELD = 8;
    /** {@code dim { size 1 }}: 08 01. */
    private static final int DIM_SIZE = CodedOutputStream.computeInt64Size(DIM_SIZE_FIELD, 1);
    /** {@code tensor_shape { dim {...} }}: 12 02 08 01. */
    private static final int SHAPE_SIZE = 1 + CodedOutputStream.computeUInt32SizeNoTag(DIM_SIZE) + DIM_SIZE;

    private final String tag;
    private final long step;
    private final byte[] utf8;
    private final int tensorSize;

    /**
     * @param fullTag the tag as written, {@code <tag>/text_summary}, already validated
     * @param markdown non-null
     */
    public TextPayload(String fullTag, String markdown, long step) {
        this.tag = fullTag;
        this.step = step;
        this.utf8 = markdown.getBytes(StandardCharsets.UTF_8);
        this.tensorSize = CodedOutputStream.computeEnumSize(DTYPE_FIELD, DataType.DT_STRING_VALUE)
            + 1 + CodedOutputStream.computeUInt32SizeNoTag(SHAPE_SIZE) + SHAPE_SIZE
            + CodedOutputStream.computeByteArraySize(STRING_VAL_FIELD, utf8);
    }

    @Override
    public void writeTo(PayloadWriter out, long wallTimeMillis) throws IOException {
        out.writeValue(null, tag, step, wallTimeMillis, METADATA, this);
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
        out.writeEnum(DTYPE_FIELD, DataType.DT_STRING_VALUE);
        out.writeTag(SHAPE_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(SHAPE_SIZE);
        out.writeTag(DIM_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(DIM_SIZE);
        out.writeInt64(DIM_SIZE_FIELD, 1);
        out.writeByteArray(STRING_VAL_FIELD, utf8);
    }

    @Override
    public String toString() {
        return "TextPayload[" + tag + ", step " + step + ", " + utf8.length + " bytes]";
    }

    @Override
    public String kind() {
        return "text";
    }
}
