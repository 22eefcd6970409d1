package dev.tblog.hparams;

import dev.tblog.proto.hparams.Experiment;
import dev.tblog.proto.hparams.HParamInfo;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.hparams.MetricInfo;
import dev.tblog.proto.hparams.MetricName;
import dev.tblog.proto.hparams.SessionEndInfo;
import dev.tblog.proto.hparams.SessionStartInfo;
import dev.tblog.proto.hparams.Status;
import java.util.Map;

/**
 * The {@code SummaryMetadata.plugin_data.content} bytes of the three hparams summaries: a
 * serialized {@code HParamsPluginData} (version 0) holding an experiment, a session start or a
 * session end.
 *
 * <p>Worked example (the golden bytes of the format notes), hparams {@code {lr: 0.1}}, metrics
 * {@code {accuracy}}:
 * <pre>
 * experiment:       12 16                      HParamsPluginData.experiment, 22 bytes
 *                     22 06 0a 02 "lr" 20 03     hparam_infos {name "lr", type FLOAT64}
 *                     2a 0c 0a 0a 12 08 "accuracy"  metric_infos {name {tag "accuracy"}}
 * session_end_info: 22 02 08 01                 session_end_info {status SUCCESS}
 * </pre>
 * Version 0 is the proto3 default, so it never appears on the wire.
 *
 * <p>Uses the generated protobuf classes: called once per session, never on a hot path.
 * Thread contract: static and stateless, any thread.
 */
final class HParamsContent {

    /** Plugin name in {@code SummaryMetadata.plugin_data.plugin_name}. */
    public static final String PLUGIN_NAME = "hparams";
    /** The only {@code HParamsPluginData.version} TensorBoard accepts. */
    public static final int PLUGIN_DATA_VERSION = 0;
    /** Prefix of the plugin's reserved tags. */
    public static final String TAG_PREFIX = "_hparams_/";
    /** Tag of the experiment summary. */
    public static final String EXPERIMENT_TAG = TAG_PREFIX + "experiment";
    /** Tag of the session start summary; a run holding it is a session. */
    public static final String SESSION_START_INFO_TAG = TAG_PREFIX + "session_start_info";
    /** Tag of the session end summary. */
    public static final String SESSION_END_INFO_TAG = TAG_PREFIX + "session_end_info";

    private HParamsContent() {
    }

    /**
     * The experiment: one {@code HParamInfo{name, type}} per hparam and one
     * {@code MetricInfo{name{tag}}} per metric, both in key order, no domains, no times.
     */
    public static byte[] experiment(HParams hp) {
        Experiment.Builder e = Experiment.newBuilder();
        for (Map.Entry<String, HParamValue> p : hp.params().entrySet()) {
            e.addHparamInfos(HParamInfo.newBuilder().setName(p.getKey()).setType(p.getValue().type()));
        }
        for (String metric : hp.metrics().keySet()) {
            e.addMetricInfos(MetricInfo.newBuilder().setName(MetricName.newBuilder().setTag(metric)));
        }
        return HParamsPluginData.newBuilder().setVersion(PLUGIN_DATA_VERSION).setExperiment(e).build().toByteArray();
    }

    /** The session start with the hparams only: no start time, no group name (each session its own group). */
    public static byte[] sessionStart(HParams hp) {
        return sessionStart(hp, Double.NaN, null);
    }

    /**
     * The session start.
     *
     * @param startTimeSecs seconds since the epoch, finite and &ge; 0; {@code NaN} leaves it unset
     * @param groupName     sessions with the same non-empty group name are shown as one row whose
     *                      metrics are aggregated; {@code null} or empty leaves it unset
     */
    public static byte[] sessionStart(HParams hp, double startTimeSecs, String groupName) {
        SessionStartInfo.Builder s = SessionStartInfo.newBuilder();
        for (Map.Entry<String, HParamValue> p : hp.params().entrySet()) {
            s.putHparams(p.getKey(), p.getValue().toProto());
        }
        if (!Double.isNaN(startTimeSecs)) {
            s.setStartTimeSecs(checkTime("startTimeSecs", startTimeSecs));
        }
        if (groupName != null && !groupName.isEmpty()) {
            s.setGroupName(groupName);
        }
        return HParamsPluginData.newBuilder().setVersion(PLUGIN_DATA_VERSION).setSessionStartInfo(s).build()
                .toByteArray();
    }

    /** The session end with status SUCCESS and no end time: {@code 22 02 08 01}. */
    public static byte[] sessionEnd() {
        return sessionEnd(Status.STATUS_SUCCESS, Double.NaN);
    }

    /**
     * The session end.
     *
     * @param status     the session's final status, not {@code UNRECOGNIZED}
     * @param endTimeSecs seconds since the epoch, finite and &ge; 0; {@code NaN} leaves it unset
     */
    public static byte[] sessionEnd(Status status, double endTimeSecs) {
        if (status == null || status == Status.UNRECOGNIZED) {
            throw new IllegalArgumentException("session end status must be a known Status, got " + status);
        }
        SessionEndInfo.Builder s = SessionEndInfo.newBuilder().setStatus(status);
        if (!Double.isNaN(endTimeSecs)) {
            s.setEndTimeSecs(checkTime("endTimeSecs", endTimeSecs));
        }
        return HParamsPluginData.newBuilder().setVersion(PLUGIN_DATA_VERSION).setSessionEndInfo(s).build()
                .toByteArray();
    }

    private static double checkTime(String name, double secs) {
        if (!Double.isFinite(secs) || secs < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 (or NaN for unset), got " + secs);
        }
        return secs;
    }
}
