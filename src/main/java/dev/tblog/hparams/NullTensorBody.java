package dev.tblog.hparams;

import com.google.protobuf.CodedOutputStream;
import dev.tblog.encode.SummaryBody;

import java.io.IOException;

/**
 * The value of the hparams summaries: {@code tensor} (field 8) = {@link HParamsSummaries#NULL_TENSOR}
 * (DT_FLOAT, shape [0]), 8 bytes with key and length: {@code 42 06 08 01 12 02 12 00}.
 *
 * <p>Immutable; any thread (written on the consumer thread).
 */
final class NullTensorBody implements SummaryBody {
    static final NullTensorBody INSTANCE = new NullTensorBody();

    private static final int TENSOR_FIELD = 8;
    private static final int SIZE = CodedOutputStream.computeMessageSize(TENSOR_FIELD, HParamsSummaries.NULL_TENSOR);

    private NullTensorBody() {
    }

    @Override
    public int serializedSize() {
        return SIZE;
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        out.writeMessage(TENSOR_FIELD, HParamsSummaries.NULL_TENSOR);
    }
}
