package dev.tblog.hparams;

import com.google.protobuf.CodedOutputStream;
import dev.tblog.encode.SummaryBody;
import dev.tblog.proto.DataType;
import dev.tblog.proto.Summary;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.TensorShapeProto;

import java.io.IOException;

/**
 * The value of the hparams summaries: {@code tensor} (field 8) = TensorBoard's {@code NULL_TENSOR}
 * (DT_FLOAT, shape [0], no data), 8 bytes with key and length: {@code 42 06 08 01 12 02 12 00}.
 *
 * <p>Why a value at all (the PyTorch writer writes none): TensorBoard's loaders both substitute this
 * same null tensor when the value is missing (Rust: {@code null_tensor_proto()} in
 * {@code data/server/run.rs}; Python: {@code _migrate_hparams_value} in {@code dataclass_compat.py}),
 * but that is a compatibility shim, and third-party readers have none. It costs 6 bytes per summary
 * and matches {@code metadata.NULL_TENSOR} of {@code plugins/hparams/metadata.py}.
 *
 * <p>Thread contract: immutable; any thread (written on the consumer thread).
 */
final class NullTensorBody implements SummaryBody {
    /** DT_FLOAT, shape [0], no data: TensorBoard's {@code NULL_TENSOR}. */
    static final TensorProto NULL_TENSOR = TensorProto.newBuilder()
        .setDtype(DataType.DT_FLOAT)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(0)))
        .build();
    static final NullTensorBody INSTANCE = new NullTensorBody();

    private static final int TENSOR_FIELD = Summary.Value.TENSOR_FIELD_NUMBER;
    private static final int SIZE = CodedOutputStream.computeMessageSize(TENSOR_FIELD, NULL_TENSOR);

    private NullTensorBody() {
    }

    @Override
    public int serializedSize() {
        return SIZE;
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        out.writeMessage(TENSOR_FIELD, NULL_TENSOR);
    }
}
