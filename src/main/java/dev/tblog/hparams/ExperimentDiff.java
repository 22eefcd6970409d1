package dev.tblog.hparams;

import dev.tblog.proto.hparams.Experiment;
import dev.tblog.proto.hparams.HParamInfo;
import dev.tblog.proto.hparams.MetricInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between the experiment a process declares ("here") and the one a log folder already
 * holds ("in the folder"), in words a user can act on.
 *
 * <p>Example: declaring {@code learning_rate} interval [1.0E-4, 1.0] and metric {@code loss} where the
 * folder holds {@code learning_rate} interval [0.001, 1.0] and no {@code loss} gives
 * <pre>
 * hparam 'learning_rate': interval [1.0E-4, 1.0] here, interval [0.001, 1.0] in the folder
 * metric 'loss' only here
 * </pre>
 *
 * <p>Thread contract: stateless, any thread.
 */
final class ExperimentDiff {
    private ExperimentDiff() {
    }

    /** The differences, one line each; empty when the two experiments say the same. */
    static List<String> between(Experiment here, Experiment folder) {
        List<String> lines = new ArrayList<>();
        hparams(byName(here), byName(folder), lines);
        metrics(here, folder, lines);
        if (!here.getDescription().equals(folder.getDescription()) || !here.getName().equals(folder.getName())
            || !here.getUser().equals(folder.getUser()) || here.getTimeCreatedSecs() != folder.getTimeCreatedSecs()) {
            lines.add("the folder's experiment also sets a name, description, user or creation time "
                + "(written by another tool?)");
        }
        return lines;
    }

    private static void hparams(Map<String, HParamInfo> here, Map<String, HParamInfo> folder, List<String> lines) {
        TreeSet<String> names = new TreeSet<>(here.keySet());
        names.addAll(folder.keySet());
        for (String name : names) {
            HParamInfo a = here.get(name);
            HParamInfo b = folder.get(name);
            String what = "hparam '" + name + "'";
            if (b == null) {
                lines.add(what + " only here");
            } else if (a == null) {
                lines.add(what + " only in the folder");
            } else {
                String domainA = HParamDomain.describe(a);
                String domainB = HParamDomain.describe(b);
                if (!domainA.equals(domainB) || a.getType() != b.getType()) {
                    lines.add(what + ": " + a.getType().name().replace("DATA_TYPE_", "") + " " + domainA + " here, "
                        + b.getType().name().replace("DATA_TYPE_", "") + " " + domainB + " in the folder");
                }
                texts(what, "display name", a.getDisplayName(), b.getDisplayName(), lines);
                texts(what, "description", a.getDescription(), b.getDescription(), lines);
                if (a.getDiffers() != b.getDiffers()) {
                    lines.add(what + ": 'differs' " + a.getDiffers() + " here, " + b.getDiffers() + " in the folder");
                }
            }
        }
    }

    private static void metrics(Experiment here, Experiment folder, List<String> lines) {
        Map<String, MetricInfo> a = byMetric(here);
        Map<String, MetricInfo> b = byMetric(folder);
        for (Map.Entry<String, MetricInfo> m : a.entrySet()) {
            MetricInfo other = b.get(m.getKey());
            String what = "metric " + m.getKey();
            if (other == null) {
                lines.add(what + " only here");
            } else {
                texts(what, "display name", m.getValue().getDisplayName(), other.getDisplayName(), lines);
                texts(what, "description", m.getValue().getDescription(), other.getDescription(), lines);
                if (m.getValue().getDatasetType() != other.getDatasetType()) {
                    lines.add(what + ": dataset type " + m.getValue().getDatasetType() + " here, "
                        + other.getDatasetType() + " in the folder");
                }
            }
        }
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(k -> lines.add("metric " + k + " only in the folder"));
        List<String> orderA = new ArrayList<>(a.keySet());
        List<String> orderB = new ArrayList<>(b.keySet());
        orderA.retainAll(b.keySet());
        orderB.retainAll(a.keySet());
        if (!orderA.equals(orderB)) {
            lines.add("metric columns in the order " + orderA + " here, " + orderB + " in the folder");
        }
    }

    private static void texts(String what, String field, String here, String folder, List<String> lines) {
        if (!Objects.equals(here, folder)) {
            lines.add(what + ": " + field + " " + quoted(here) + " here, " + quoted(folder) + " in the folder");
        }
    }

    private static String quoted(String text) {
        return text.isEmpty() ? "none" : '"' + text + '"';
    }

    private static Map<String, HParamInfo> byName(Experiment e) {
        Map<String, HParamInfo> infos = new LinkedHashMap<>();
        e.getHparamInfosList().forEach(info -> infos.put(info.getName(), info));
        return infos;
    }

    /** Metrics by name, {@code 'tag'} or {@code 'tag' in group 'g'}, in the experiment's order. */
    private static Map<String, MetricInfo> byMetric(Experiment e) {
        Map<String, MetricInfo> infos = new LinkedHashMap<>();
        for (MetricInfo info : e.getMetricInfosList()) {
            String group = info.getName().getGroup();
            infos.put("'" + info.getName().getTag() + "'" + (group.isEmpty() ? "" : " in group '" + group + "'"), info);
        }
        return infos;
    }
}
