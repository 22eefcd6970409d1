package dev.tblog.hparams;

import dev.tblog.proto.hparams.Experiment;
import dev.tblog.proto.hparams.HParamInfo;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.hparams.MetricInfo;
import dev.tblog.proto.hparams.MetricName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a declared sweep says: its hyperparameters (name, domain, display name, description) and its
 * metrics (tag, display name, description), and the one encoding of it that goes to disk, the
 * content of the {@code _hparams_/experiment} summary.
 *
 * <h2>The same declaration</h2>
 * Two declarations are the same when their {@link #content()} bytes are equal: a serialized
 * {@code HParamsPluginData{version 0, experiment}} with the hparams sorted by name (TensorBoard sorts
 * them by name anyway, so the order they were declared in shows nowhere) and the metrics in the
 * order declared (the order of the metric columns), no creation time, no user, nothing else. The
 * bytes are a function of the declaration alone, so every process that declares the same sweep
 * writes, and compares, exactly the same bytes.
 *
 * <p>Example: hparams {@code solver} discrete {"EULER", "RK4"} and {@code learning_rate} interval
 * [1.0E-4, 1.0], metric {@code accuracy} "Accuracy (test)": the experiment holds
 * {@code hparam_infos [learning_rate FLOAT64 interval, solver STRING discrete]},
 * {@code metric_infos [{name {tag "accuracy"}, display_name "Accuracy (test)"}]}.
 *
 * <p>Thread contract: immutable, any thread; the {@link Builder} is confined to the thread that builds.
 */
public final class SweepDeclaration {
    private final SortedMap<String, HParamDomain> domains;
    private final List<String> metricTags;
    private final Experiment experiment;
    private final byte[] content;

    private SweepDeclaration(Builder b) {
        this.domains = Collections.unmodifiableSortedMap(new TreeMap<>(b.domains));
        this.metricTags = List.copyOf(b.metrics.keySet());
        Experiment.Builder e = Experiment.newBuilder();
        b.hparams.values().forEach(e::addHparamInfos); // a TreeMap: sorted by name
        b.metrics.values().forEach(e::addMetricInfos);
        this.experiment = e.build();
        this.content = HParamsPluginData.newBuilder().setVersion(HParamsContent.PLUGIN_DATA_VERSION)
            .setExperiment(experiment).build().toByteArray();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The declared hyperparameters' names, sorted. */
    public List<String> hparamNames() {
        return List.copyOf(domains.keySet());
    }

    /** The declared metrics' tags, in the order declared. */
    public List<String> metricTags() {
        return metricTags;
    }

    /** The experiment as TensorBoard reads it. */
    public Experiment experiment() {
        return experiment;
    }

    /** The canonical bytes: the content of the {@code _hparams_/experiment} summary (a copy). */
    public byte[] content() {
        return content.clone();
    }

    /**
     * Checks one {@code addParameters} call against this declaration: every parameter declared and
     * inside its domain, every metric declared. A declared parameter the call leaves out is fine
     * (its cell stays empty).
     *
     * @param sweepDir the folder the sweep was declared in, for the messages
     * @throws IllegalArgumentException naming the key, the value and the domain (or what is declared)
     */
    void check(HParams call, Path sweepDir) {
        check(call, sweepDir.toString());
    }

    /** {@link #check(HParams, Path)} with the folder named as messages should name it (a path or a URI). */
    void check(HParams call, String sweepDir) {
        for (Map.Entry<String, HParamValue> p : call.params().entrySet()) {
            HParamDomain domain = domains.get(p.getKey());
            if (domain == null) {
                throw new IllegalArgumentException("hparam '" + p.getKey() + "' is not declared by the sweep of "
                    + sweepDir + " (declared: " + domains.keySet() + "): TensorBoard would not show it; declare it "
                    + "or leave it out");
            }
            if (!domain.contains(p.getValue())) {
                throw new IllegalArgumentException("hparam '" + p.getKey() + "' = " + p.getValue().describe()
                    + " is outside its declared domain " + domain + " (sweep of " + sweepDir + ")");
            }
        }
        for (String metric : call.metrics().keySet()) {
            if (!metricTags.contains(metric)) {
                throw new IllegalArgumentException("metric '" + metric + "' is not declared by the sweep of "
                    + sweepDir + " (declared: " + metricTags + "): TensorBoard would not show it as a column; "
                    + "declare it or leave it out");
            }
        }
    }

    @Override
    public String toString() {
        return "SweepDeclaration{hparams=" + domains + ", metrics=" + metricTags + '}';
    }

    /**
     * Collects a declaration. Names must be non-blank and declared once; a metric's tag must not use
     * the hparams plugin's reserved prefix {@value HParamsContent#TAG_PREFIX}.
     *
     * <p>Thread contract: not thread-safe; one thread builds.
     */
    public static final class Builder {
        private final Map<String, HParamInfo> hparams = new TreeMap<>();
        private final Map<String, HParamDomain> domains = new TreeMap<>();
        private final Map<String, MetricInfo> metrics = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares a hyperparameter.
         *
         * @param displayName shown instead of the name; empty for none
         * @param description shown as the column's tooltip; empty for none
         * @throws IllegalArgumentException a null or blank name, a name declared before, a null domain or text
         */
        public Builder hparam(String name, HParamDomain domain, String displayName, String description) {
            checkName("hparam", name);
            if (hparams.containsKey(name)) {
                throw new IllegalArgumentException("hparam '" + name + "' is declared twice");
            }
            if (domain == null) {
                throw new IllegalArgumentException("domain of hparam '" + name + "' must not be null");
            }
            HParamInfo.Builder info = HParamInfo.newBuilder().setName(name)
                .setDisplayName(checkText("display name", name, displayName))
                .setDescription(checkText("description", name, description));
            domain.writeTo(info);
            hparams.put(name, info.build());
            domains.put(name, domain);
            return this;
        }

        /**
         * Declares a metric: the last value of the scalar {@code tag} in each session's run, which is
         * where {@code addParameters} writes its metrics (and where a training curve of that tag is).
         *
         * @throws IllegalArgumentException a null or blank tag, a tag declared before, a reserved
         *     tag, a null text
         */
        public Builder metric(String tag, String displayName, String description) {
            checkName("metric", tag);
            if (tag.startsWith(HParamsContent.TAG_PREFIX)) {
                throw new IllegalArgumentException("metric '" + tag + "' must not start with the reserved prefix "
                    + HParamsContent.TAG_PREFIX);
            }
            if (metrics.containsKey(tag)) {
                throw new IllegalArgumentException("metric '" + tag + "' is declared twice");
            }
            metrics.put(tag, MetricInfo.newBuilder().setName(MetricName.newBuilder().setTag(tag))
                .setDisplayName(checkText("display name", tag, displayName))
                .setDescription(checkText("description", tag, description)).build());
            return this;
        }

        /**
         * @throws IllegalArgumentException no hparam declared (HPARAMS would have no column to filter on)
         */
        public SweepDeclaration build() {
            if (hparams.isEmpty()) {
                throw new IllegalArgumentException("a sweep declares at least one hparam; metrics: "
                    + new ArrayList<>(metrics.keySet()));
            }
            return new SweepDeclaration(this);
        }

        private static void checkName(String what, String name) {
            if (name == null) {
                throw new IllegalArgumentException(what + " name must not be null");
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " name must not be empty or blank, got '" + name + "'");
            }
        }

        private static String checkText(String what, String name, String text) {
            if (text == null) {
                throw new IllegalArgumentException(what + " of '" + name + "' must not be null (empty for none)");
            }
            return text;
        }
    }
}
