package dev.tblog.pipeline;

import com.google.protobuf.CodedOutputStream;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.Summary;

import java.io.IOException;

/** Summary bodies the run-file tests write. */
final class RunFilesTestBodies {
    /** A value with a simple_value body, so that a test can see where metadata went. */
    static final SummaryBody SIMPLE_VALUE_ONE = new SummaryBody() {
        @Override
        public int serializedSize() {
            return CodedOutputStream.computeFloatSize(Summary.Value.SIMPLE_VALUE_FIELD_NUMBER, 1f);
        }

        @Override
        public void writeTo(CodedOutputStream out) throws IOException {
            out.writeFloat(Summary.Value.SIMPLE_VALUE_FIELD_NUMBER, 1f);
        }
    };

    private RunFilesTestBodies() {
    }
}
