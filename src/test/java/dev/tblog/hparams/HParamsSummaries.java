package dev.tblog.hparams;

import com.google.protobuf.ByteString;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.hparams.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whole {@code Summary.Value}s for the hparams plugin: tag, metadata {plugin "hparams", content},
 * and as value the empty tensor that TensorBoard's own writer puts there.
 *
 * <p>Why a value at all (the PyTorch writer writes none): TensorBoard's loaders both substitute
 * this same null tensor when the value is missing (Rust: {@code null_tensor_proto()} in
 * {@code data/server/run.rs}; Python: {@code _migrate_hparams_value} in
 * {@code dataclass_compat.py}), but that is a compatibility shim (the Python accumulator itself
 * records a point only when the value has a {@code tensor}) and third-party readers have none. Writing it costs 6 bytes per summary and matches {@code metadata.NULL_TENSOR}
 * of {@code plugins/hparams/metadata.py}.
 *
 * <p>Static, stateless; any thread.
 */
public final class HParamsSummaries {

    /** DT_FLOAT, shape [0], no data: TensorBoard's {@code NULL_TENSOR}. */
    public static final TensorProto NULL_TENSOR = NullTensorBody.NULL_TENSOR;

    private HParamsSummaries() {
    }

    /** {@code _hparams_/experiment}. Not written by the recommended layout (see the design notes). */
    public static Summary.Value experiment(HParams hp) {
        return value(HParamsContent.EXPERIMENT_TAG, HParamsContent.experiment(hp));
    }

    /** {@code _hparams_/session_start_info} with hparams only. */
    public static Summary.Value sessionStart(HParams hp) {
        return value(HParamsContent.SESSION_START_INFO_TAG, HParamsContent.sessionStart(hp));
    }

    /** {@code _hparams_/session_start_info}; arguments as {@link HParamsContent#sessionStart(HParams, double, String)}. */
    public static Summary.Value sessionStart(HParams hp, double startTimeSecs, String groupName) {
        return value(HParamsContent.SESSION_START_INFO_TAG, HParamsContent.sessionStart(hp, startTimeSecs, groupName));
    }

    /** {@code _hparams_/session_end_info}, status SUCCESS, no end time. */
    public static Summary.Value sessionEnd() {
        return value(HParamsContent.SESSION_END_INFO_TAG, HParamsContent.sessionEnd());
    }

    /** {@code _hparams_/session_end_info}; arguments as {@link HParamsContent#sessionEnd(Status, double)}. */
    public static Summary.Value sessionEnd(Status status, double endTimeSecs) {
        return value(HParamsContent.SESSION_END_INFO_TAG, HParamsContent.sessionEnd(status, endTimeSecs));
    }

    /**
     * One scalar per metric, in key order: tag = the metric key, {@code simple_value} = the value
     * as float32, no metadata (TensorBoard types a {@code simple_value} as plugin "scalars").
     * The step of the enclosing Event comes from {@link MetricStepPolicy}.
     */
    public static List<Summary.Value> metrics(HParams hp) {
        List<Summary.Value> out = new ArrayList<>(hp.metrics().size());
        for (Map.Entry<String, Double> m : hp.metrics().entrySet()) {
            out.add(Summary.Value.newBuilder().setTag(m.getKey()).setSimpleValue(m.getValue().floatValue()).build());
        }
        return out;
    }

    private static Summary.Value value(String tag, byte[] content) {
        return Summary.Value.newBuilder()
                .setTag(tag)
                .setMetadata(SummaryMetadata.newBuilder().setPluginData(SummaryMetadata.PluginData.newBuilder()
                        .setPluginName(HParamsContent.PLUGIN_NAME)
                        .setContent(ByteString.copyFrom(content))))
                .setTensor(NULL_TENSOR)
                .build();
    }
}
