package dev.tblog;

import com.google.protobuf.CodedOutputStream;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadWriter;
import dev.tblog.encode.SummaryBody;
import dev.tblog.hparams.TextSummary;
import dev.tblog.proto.Summary;
import dev.tblog.proto.TensorProto;

import java.io.IOException;

/**
 * A text event as a {@link Payload}, for the reliability tests: the one non-scalar kind on this
 * branch until {@code addText} lands in {@link Logger}. Tag in the file: {@code <tag>/text_summary}.
 */
final class TextPayload implements Payload {
    private final String tag;
    private final String text;
    private final long step;

    TextPayload(String tag, String text, long step) {
        this.tag = tag;
        this.text = text;
        this.step = step;
    }

    /** Publishes a text event; false when dropped. */
    static boolean publish(Logger log, String tag, String text, long step) {
        TagRules.tag(tag);
        return log.publishPayload(new TextPayload(tag, text, step));
    }

    @Override
    public void writeTo(PayloadWriter out, long wallTimeMillis) throws IOException {
        Summary.Value value = TextSummary.value(tag, text);
        TensorProto tensor = value.getTensor();
        out.writeValue(null, value.getTag(), step, wallTimeMillis, value.getMetadata().toByteArray(), new SummaryBody() {
            @Override
            public int serializedSize() {
                return CodedOutputStream.computeMessageSize(8, tensor);
            }

            @Override
            public void writeTo(CodedOutputStream cos) throws IOException {
                cos.writeMessage(8, tensor);
            }
        });
    }

    @Override
    public String kind() {
        return "text";
    }
}
