package dev.tblog.read;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;
import dev.tblog.proto.Event;
import dev.tblog.proto.GraphDef;
import dev.tblog.proto.HistogramProto;
import dev.tblog.proto.Layout;
import dev.tblog.proto.Summary;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.proto.projector.EmbeddingInfo;
import dev.tblog.proto.projector.ProjectorConfig;
import dev.tblog.read.CorruptRecordException;
import dev.tblog.record.RunNames;
import dev.tblog.read.RecordReader;
import dev.tblog.sink.LogStorage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a log folder (or one event file) as TensorBoard would: a run is every folder that directly
 * holds a file whose name contains "tfevents", its files read in name order. Checks every record's
 * CRCs and decodes every event with the generated protobuf classes. Beside the events: a run graph
 * ({@code Event.graph_def}) is the tag {@value #RUN_GRAPH_TAG} of kind "graph"; the embeddings of
 * the run's projector config (where TensorBoard looks for it) are kind "embedding", by tag, and
 * a config naming a file that is missing is an error.
 *
 * <p>Thread contract: stateless; each call is confined to its thread.
 */
public final class LogInspector {
    /** The tag TensorBoard gives a run's graph. */
    public static final String RUN_GRAPH_TAG = "__run_graph__";
    private static final String PROJECTOR_FOLDER = "plugins/org_tensorflow_tensorboard_projector";
    private static final String PROJECTOR_CONFIG = "projector_config.pbtxt";
    /** {@code <tag>:<step>}, optionally {@code " (k)"} for a name logged twice. */
    private static final Pattern EMBEDDING_NAME = Pattern.compile("(.*):(-?\\d+)(?: \\(\\d+\\))?");

    private LogInspector() {
    }

    /**
     * Inspects a local log folder or a single event file.
     *
     * @param path a log folder (every folder below it holding event files is a run) or one event file
     * @return one report per run, in folder name order
     * @throws IOException the folder or a file cannot be read (corrupt records are reported, not thrown)
     */
    public static List<RunReport> inspect(Path path) throws IOException {
        return inspect(LogStorage.LOCAL, path);
    }

    /**
     * Inspects a log folder or a single event file named by a URI ({@code hdfs://nn:8020/runs},
     * {@code s3a://bucket/runs}, {@code file:///...}) on the storage {@link LogStorage#of(URI)} picks.
     *
     * @param uri a log folder or one event file
     * @return one report per run, in folder name order
     * @throws IOException the folder or a file cannot be read (corrupt records are reported, not thrown)
     * @throws IllegalArgumentException a scheme whose storage is not on the class path
     */
    public static List<RunReport> inspect(URI uri) throws IOException {
        LogStorage storage = LogStorage.of(uri);
        return inspect(storage, storage.path(uri));
    }

    /**
     * Inspects a log folder or a single event file of {@code storage}.
     *
     * @param storage where the folder is
     * @param path a path within {@code storage}
     * @return one report per run, in folder name order
     * @throws IOException the folder or a file cannot be read (corrupt records are reported, not thrown)
     */
    public static List<RunReport> inspect(LogStorage storage, Path path) throws IOException {
        if (storage.isFile(path)) {
            RunReport run = new RunReport(path.getFileName().toString());
            readFile(storage, run, path);
            return List.of(run);
        }
        if (!storage.isDirectory(path)) {
            throw new IOException("no such file or folder: "
                + (storage == LogStorage.LOCAL ? path.toString() : storage.uri(path).toString()));
        }
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        for (Path file : storage.files(path)) {
            if (RunNames.isEventFile(file.getFileName().toString())) {
                byFolder.computeIfAbsent(file.getParent(), f -> new ArrayList<>()).add(file);
            }
        }
        List<RunReport> runs = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
            String name = path.relativize(e.getKey()).toString();
            RunReport run = new RunReport(name.isEmpty() ? "." : name);
            List<Path> files = e.getValue();
            files.sort(null);
            for (Path file : files) {
                readFile(storage, run, file);
            }
            if (storage == LogStorage.LOCAL) {
                readProjector(run, e.getKey()); // the projector's files: local storage only, as addEmbedding
            }
            runs.add(run);
        }
        return runs;
    }

    /**
     * Whether every record of every run was sound (torn tails are not errors).
     *
     * @param runs what {@link #inspect} found
     * @return true when no run has an error
     */
    public static boolean sound(List<RunReport> runs) {
        return runs.stream().allMatch(r -> r.errors().isEmpty());
    }

    private static void readFile(LogStorage storage, RunReport run, Path file) throws IOException {
        run.addFile(file);
        Map<String, SummaryMetadataView> metadataOfTag = new HashMap<>();
        try (RecordReader reader = RecordReader.open(storage, file)) {
            while (true) {
                RecordReader.Record record;
                try {
                    record = reader.next();
                } catch (CorruptRecordException e) {
                    run.addError(e.getMessage());
                    if (!e.readable()) {
                        break;
                    }
                    continue;
                }
                if (record == null) {
                    break;
                }
                run.countRecord();
                try {
                    describe(run, Event.parseFrom(record.data()), metadataOfTag);
                } catch (InvalidProtocolBufferException e) {
                    run.addError(file + " at offset " + record.offset() + ": not an Event: " + e.getMessage());
                }
            }
            if (reader.tornTailOffset() >= 0) {
                run.addTornTail(file + " at offset " + reader.tornTailOffset());
            }
        }
    }

    /** What inspect keeps of a tag's first metadata: its plugin and description. */
    private record SummaryMetadataView(String plugin, String description) {
    }

    private static void describe(RunReport run, Event event, Map<String, SummaryMetadataView> metadataOfTag) {
        if (event.hasGraphDef()) {
            run.tag(RUN_GRAPH_TAG, "graph").add(event.getStep(), "graph", graph(event.getGraphDef()));
            return;
        }
        if (!event.hasSummary()) {
            return;
        }
        for (Summary.Value value : event.getSummary().getValueList()) {
            if (value.hasMetadata()) {
                metadataOfTag.putIfAbsent(value.getTag(), new SummaryMetadataView(
                    value.getMetadata().getPluginData().getPluginName(), value.getMetadata().getSummaryDescription()));
            }
            SummaryMetadataView metadata = metadataOfTag.getOrDefault(value.getTag(), new SummaryMetadataView("", ""));
            String plugin = metadata.plugin();
            String kind;
            String detail = null;
            switch (value.getValueCase()) {
                case SIMPLE_VALUE:
                    kind = "scalar";
                    break;
                case IMAGE:
                    kind = isGif(value.getImage().getEncodedImageString()) ? "video"
                        : metadata.description().equals(IMAGE_WITH_BOXES) ? "image_boxes" : "image";
                    detail = value.getImage().getWidth() + "x" + value.getImage().getHeight() + " "
                        + colorspace(value.getImage().getColorspace()) + (kind.equals("video") ? " GIF" : "");
                    break;
                case HISTO:
                    kind = "histogram";
                    detail = histogram(value.getHisto());
                    break;
                case AUDIO:
                    kind = "audio";
                    detail = audio(value.getAudio());
                    break;
                case TENSOR:
                    kind = plugin.isEmpty() ? "tensor" : plugin.equals("pr_curves") ? "pr_curve" : plugin;
                    detail = tensor(plugin, value.getTensor());
                    break;
                default:
                    kind = plugin.isEmpty() ? "empty" : plugin;
                    break;
            }
            if (plugin.equals("hparams")) {
                kind = "hparams";
                if (value.hasMetadata()) {
                    detail = hparams(value.getMetadata().getPluginData().getContent());
                }
            }
            run.tag(value.getTag(), kind).add(event.getStep(), kind, detail);
        }
    }

    /** A session's hparams as {@code k=v, ...}; the experiment's column count; else null. */
    private static String hparams(ByteString content) {
        try {
            HParamsPluginData data = HParamsPluginData.parseFrom(content);
            if (data.hasSessionStartInfo()) {
                return "session: " + new TreeMap<>(data.getSessionStartInfo().getHparamsMap()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + hparamValue(e.getValue()))
                    .collect(Collectors.joining(", "));
            }
            if (data.hasExperiment()) {
                return "experiment: " + data.getExperiment().getHparamInfosCount() + " hparams, "
                    + data.getExperiment().getMetricInfosCount() + " metrics";
            }
            if (data.hasSessionEndInfo()) {
                return "status " + data.getSessionEndInfo().getStatus();
            }
        } catch (InvalidProtocolBufferException e) {
            return "undecodable hparams content";
        }
        return null;
    }

    private static String hparamValue(com.google.protobuf.Value v) {
        switch (v.getKindCase()) {
            case BOOL_VALUE:
                return Boolean.toString(v.getBoolValue());
            case NUMBER_VALUE:
                return Double.toString(v.getNumberValue());
            case STRING_VALUE:
                return v.getStringValue();
            default:
                return v.toString().trim();
        }
    }

    /**
     * The number of hparams sessions (runs holding a session_start_info) in a report.
     *
     * @param runs what {@link #inspect} found
     * @return the sessions
     */
    public static long sessions(List<RunReport> runs) {
        return runs.stream().filter(r -> r.tags().containsKey("_hparams_/session_start_info")).count();
    }

    private static String colorspace(int colorspace) {
        switch (colorspace) {
            case 1:
                return "gray";
            case 2:
                return "gray+alpha";
            case 3:
                return "RGB";
            case 4:
                return "RGBA";
            default:
                return "colorspace " + colorspace;
        }
    }

    private static String histogram(HistogramProto h) {
        return h.getBucketCount() + " buckets, num " + (long) h.getNum() + ", range [" + h.getMin() + ", "
            + h.getMax() + "]";
    }

    private static String tensor(String plugin, TensorProto t) {
        if (plugin.equals("text") && t.getStringValCount() > 0) {
            return t.getStringVal(0).size() + " bytes of text";
        }
        if (plugin.equals("pr_curves") && t.getTensorShape().getDimCount() == 2) {
            return t.getTensorShape().getDim(1).getSize() + " thresholds";
        }
        if (plugin.equals("custom_scalars") && t.getStringValCount() > 0) {
            try {
                Layout layout = Layout.parseFrom(t.getStringVal(0));
                int charts = layout.getCategoryList().stream().mapToInt(c -> c.getChartCount()).sum();
                return "layout: " + layout.getCategoryCount() + " categories, " + charts + " charts";
            } catch (InvalidProtocolBufferException e) {
                return "undecodable layout";
            }
        }
        if (plugin.equals("mesh")) {
            return t.getDtype() + " " + t.getTensorShape().getDimList().stream().map(d -> Long.toString(d.getSize()))
                .collect(Collectors.joining("x"));
        }
        return null;
    }

    /** The description tblog's image-with-boxes kind gives its tags (TensorBoard shows it too). */
    private static final String IMAGE_WITH_BOXES = "An image with boxes (addImageWithBoxes).";

    private static boolean isGif(ByteString encoded) {
        return encoded.size() >= 6 && encoded.byteAt(0) == 'G' && encoded.byteAt(1) == 'I' && encoded.byteAt(2) == 'F'
            && encoded.byteAt(3) == '8';
    }

    private static String audio(Summary.Audio a) {
        return a.getNumChannels() + " ch, " + (long) a.getSampleRate() + " Hz, " + a.getLengthFrames() + " frames";
    }

    private static String graph(ByteString graphDef) {
        try {
            GraphDef graph = GraphDef.parseFrom(graphDef);
            int edges = graph.getNodeList().stream().mapToInt(n -> n.getInputCount()).sum();
            return graph.getNodeCount() + " nodes, " + edges + " edges";
        } catch (InvalidProtocolBufferException e) {
            return "undecodable GraphDef";
        }
    }

    /**
     * The run's embeddings, from the config TensorBoard reads: the projector folder's, else the run
     * folder's own; each embedding counted under its tag, with its shape and what it has.
     */
    private static void readProjector(RunReport run, Path runDir) throws IOException {
        Path folder = runDir.resolve(PROJECTOR_FOLDER);
        Path config = folder.resolve(PROJECTOR_CONFIG);
        if (!Files.isRegularFile(config)) {
            folder = runDir;
            config = runDir.resolve(PROJECTOR_CONFIG);
            if (!Files.isRegularFile(config)) {
                return;
            }
        }
        ProjectorConfig.Builder parsed = ProjectorConfig.newBuilder();
        try {
            TextFormat.merge(new String(Files.readAllBytes(config), StandardCharsets.UTF_8), parsed);
        } catch (TextFormat.ParseException e) {
            run.addError(config + ": not a projector config: " + e.getMessage());
            return;
        }
        for (EmbeddingInfo e : parsed.getEmbeddingsList()) {
            Matcher m = EMBEDDING_NAME.matcher(e.getTensorName());
            String tag = m.matches() ? m.group(1) : e.getTensorName();
            long step = m.matches() ? Long.parseLong(m.group(2)) : 0;
            run.tag(tag, "embedding").add(step, "embedding", embedding(e));
            for (String file : List.of(e.getTensorPath(), e.getMetadataPath(), e.getSprite().getImagePath())) {
                if (!file.isEmpty() && !Files.isRegularFile(folder.resolve(file))) {
                    run.addError(config + ": embedding '" + e.getTensorName() + "' names " + file + ", which is missing");
                }
            }
        }
    }

    private static String embedding(EmbeddingInfo e) {
        StringBuilder sb = new StringBuilder(e.getTensorShapeList().stream().map(String::valueOf)
            .collect(Collectors.joining("x")));
        if (!e.getMetadataPath().isEmpty()) {
            sb.append(", metadata");
        }
        if (e.hasSprite()) {
            sb.append(", sprite ").append(e.getSprite().getSingleImageDimList().stream().map(String::valueOf)
                .collect(Collectors.joining("x")));
        }
        return sb.toString();
    }
}
