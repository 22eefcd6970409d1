package dev.tblog.text;

import com.google.protobuf.ByteString;
import dev.tblog.proto.DataType;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.TensorShapeProto;

/**
 * The {@code Summary.Value} of {@code addText(tag, markdown, step)}, laid out as the Python
 * writers do: tag {@code <tag>/text_summary}, metadata {plugin "text", empty content — a
 * serialized empty {@code TextPluginData} is zero bytes}, tensor DT_STRING of shape [1] holding
 * the UTF-8 bytes of the markdown. The step belongs to the enclosing Event.
 *
 * <p>Static, stateless; any thread.
 */
public final class TextSummary {

    /** Plugin name in {@code SummaryMetadata.plugin_data.plugin_name}. */
    public static final String PLUGIN_NAME = "text";
    /** Suffix the Python writers append to the user's tag. */
    public static final String TAG_SUFFIX = "/text_summary";

    private TextSummary() {
    }

    /** {@code tag + "/text_summary"}; tag must be non-null and not blank. */
    public static String tagFor(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("text tag must not be null or blank, got " + (tag == null ? null : "'" + tag + "'"));
        }
        return tag + TAG_SUFFIX;
    }

    /**
     * Builds the value.
     *
     * @param tag      the user's tag, non-null, not blank ({@code "Notes"} becomes {@code "Notes/text_summary"})
     * @param markdown the text, non-null, may be empty; any Unicode, stored as UTF-8
     * @throws IllegalArgumentException on a null or blank tag or a null text, naming which
     */
    public static Summary.Value value(String tag, String markdown) {
        String fullTag = tagFor(tag);
        if (markdown == null) {
            throw new IllegalArgumentException("text for tag '" + tag + "' must not be null");
        }
        return Summary.Value.newBuilder()
                .setTag(fullTag)
                .setMetadata(SummaryMetadata.newBuilder()
                        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME)))
                .setTensor(TensorProto.newBuilder()
                        .setDtype(DataType.DT_STRING)
                        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(1)))
                        .addStringVal(ByteString.copyFromUtf8(markdown)))
                .build();
    }
}
