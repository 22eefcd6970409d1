package dev.tblog.jmhruns;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tblog.TestEvents;
import dev.tblog.proto.Event;
import dev.tblog.proto.HistogramProto;
import dev.tblog.proto.Summary;
import dev.tblog.proto.hparams.Experiment;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.hparams.SessionStartInfo;
import dev.tblog.record.RunNames;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A JMH run folder read back with the generated protobuf classes (the independent path). */
public final class JmhRunFiles {
    private JmhRunFiles() {
    }

    /** The experiment of the sweep declared in {@code logdir}. */
    public static Experiment experiment(Path logdir) {
        Event e = TestEvents.withTag(TestEvents.readFile(logdir.resolve(RunNames.SWEEP_FILE)), "_hparams_/experiment")
            .get(0);
        return plugin(e.getSummary().getValue(0)).getExperiment();
    }

    /** The session of a run. */
    public static SessionStartInfo session(Path runDir) {
        Event e = TestEvents.withTag(TestEvents.read(runDir), "_hparams_/session_start_info").get(0);
        return plugin(e.getSummary().getValue(0)).getSessionStartInfo();
    }

    private static HParamsPluginData plugin(Summary.Value value) {
        try {
            return HParamsPluginData.parseFrom(value.getMetadata().getPluginData().getContent());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** Step to value of a scalar tag. */
    public static Map<Long, Float> scalars(Path runDir, String tag) {
        Map<Long, Float> points = new TreeMap<>();
        for (Event e : TestEvents.withTag(TestEvents.read(runDir), tag)) {
            points.put(e.getStep(), e.getSummary().getValue(0).getSimpleValue());
        }
        return points;
    }

    /** Step to histogram of a histogram tag. */
    public static Map<Long, HistogramProto> histograms(Path runDir, String tag) {
        Map<Long, HistogramProto> points = new TreeMap<>();
        for (Event e : TestEvents.withTag(TestEvents.read(runDir), tag)) {
            points.put(e.getStep(), e.getSummary().getValue(0).getHisto());
        }
        return points;
    }

    /** The texts of a text tag, in order. */
    public static List<String> texts(Path runDir, String tag) {
        return TestEvents.withTag(TestEvents.read(runDir), tag + "/text_summary").stream()
            .map(e -> e.getSummary().getValue(0).getTensor().getStringVal(0).toString(StandardCharsets.UTF_8)).toList();
    }

    /** The tags of a run, in the order first logged. */
    public static List<String> tags(Path runDir) {
        return TestEvents.read(runDir).stream().filter(Event::hasSummary)
            .flatMap(e -> e.getSummary().getValueList().stream()).map(Summary.Value::getTag).distinct().toList();
    }
}
