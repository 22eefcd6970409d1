package dev.tblog.hparams;

import com.google.protobuf.ByteString;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.proto.SummaryMetadata;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * The consumer half of the hparams kind: the records of one {@code addParameters} call, one hparams
 * session in the logger's run folder (call 1) or in its sub-run {@code trial-NNNN} (call k &ge; 2).
 * The layout and why: {@code docs/hparams-design.md}.
 *
 * <p>Written, all at the same wall time, in this order:
 * <ol>
 *   <li>{@code _hparams_/session_start_info}: metadata {plugin "hparams", content
 *       {@link HParamsContent#sessionStart(HParams)}}, value the null tensor;</li>
 *   <li>{@code _hparams_/session_end_info}: content {@link HParamsContent#sessionEnd()} (status
 *       SUCCESS, {@code 22 02 08 01}), value the null tensor;</li>
 *   <li>one {@code simple_value} scalar per metric, tag = the metric key, at the step
 *       {@link MetricStepPolicy} gives from the run's history before this call.</li>
 * </ol>
 * No {@code _hparams_/experiment} is written: TensorBoard then builds the columns from the union
 * of every session's hparams and metrics, so runs with different keys all show. The two hparams
 * summaries go at the run's highest step so far (0 in an empty run); TensorBoard uses only their
 * metadata. No start or end times are set: the contents stay a function of the parameters alone,
 * equal to the Python writer's (bool fixed) and to the golden bytes; the events' wall times say
 * when.
 *
 * <p>Example: a run that logged {@code accuracy} at steps 0..99 and {@code loss} at 0..119, then
 * {@code addParameters(Map.of("lr", 0.1), Map.of("accuracy", 0.93, "error", 0.07))}: the session
 * summaries at step 119, {@code accuracy} = 0.93 at step 100 (after the training curve),
 * {@code error} = 0.07 at step 119.
 *
 * <p>Thread contract: consumer thread only.
 */
final class HParamsEncoder implements PayloadEncoder {
    /** The hparams kind: given-up calls are counted as {@code "hparams"}. */
    public static final PayloadKind<HParamsEncoder> KIND =
        PayloadKind.of("hparams", HParamsEncoder.class, HParamsEncoder::new);

    private static final byte[] SESSION_END_METADATA = metadata(HParamsContent.sessionEnd());

    void write(HParamsPayload session, EventWriter out, long wallTimeMillis) throws IOException {
        String subRun = session.subRun();
        // Every step from the history before this call: the records below must not move the
        // run's highest step under the later metrics.
        OptionalLong highest = highestStep(out, subRun);
        long[] steps = new long[session.metricCount()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = MetricStepPolicy.metricStep(present(out.lastStep(subRun, session.metricTag(i))), highest);
        }
        long sessionStep = highest.orElse(0L);
        out.writeValue(subRun, HParamsContent.SESSION_START_INFO_TAG, sessionStep, wallTimeMillis,
            session.sessionStartMetadata(), NullTensorBody.INSTANCE);
        out.writeValue(subRun, HParamsContent.SESSION_END_INFO_TAG, sessionStep, wallTimeMillis,
            SESSION_END_METADATA, NullTensorBody.INSTANCE);
        for (int i = 0; i < steps.length; i++) {
            out.writeScalar(subRun, session.metricTag(i), steps[i], wallTimeMillis, session.metricValue(i));
        }
    }

    /**
     * The highest step of the session's run: the run's own; for a trial sub-run, the higher of the
     * sub-run's and the logger's run (where the trial's training scalars went).
     */
    private static OptionalLong highestStep(EventWriter out, String subRun) {
        long max = out.maxStep(null);
        if (subRun != null) {
            max = Math.max(max, out.maxStep(subRun));
        }
        return present(max);
    }

    private static OptionalLong present(long stepOrMin) {
        return stepOrMin == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(stepOrMin);
    }

    /** The serialized {@code SummaryMetadata} of an hparams summary with this content. */
    static byte[] metadata(byte[] content) {
        return SummaryMetadata.newBuilder()
            .setPluginData(SummaryMetadata.PluginData.newBuilder()
                .setPluginName(HParamsContent.PLUGIN_NAME)
                .setContent(ByteString.copyFrom(content)))
            .build().toByteArray();
    }
}
