package dev.tblog.projector;

import com.google.protobuf.TextFormat;
import dev.tblog.encode.RunAssets;
import dev.tblog.proto.projector.EmbeddingInfo;
import dev.tblog.proto.projector.ProjectorConfig;
import dev.tblog.record.RunNames;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's {@code projector_config.pbtxt}, shared by every logger and process writing the run: each
 * {@code addEmbedding} call writes its own entry ({@code entries/<id>.pbtxt}, one
 * {@code EmbeddingInfo} in text form, never rewritten), then rebuilds the config from all the
 * entries it finds and replaces it atomically.
 *
 * <p>Why no entry is lost when writers race: a writer lists the entries, writes the config from
 * them, and lists again; while the second list differs from the first, it rebuilds. Take the last
 * config written; its writer listed again after writing it and saw nothing new. Any entry was
 * written before its own writer listed and wrote the config; had it been written before the last
 * writer's second listing, that listing would have seen it, and had it been written after, its
 * writer's config would have come later. So the last config holds every entry. No lock is needed:
 * only atomic replacement (a rename) and a listing of a folder, which local files and HDFS both
 * give. Entries are immutable, so each is read once and kept.
 *
 * <p>The config lists the entries in name order (by step, then writer, then call). Two entries of one
 * name (one tag logged twice at a step) are told apart as {@code name (2)}, {@code name (3)}.
 * An entry that cannot be read as an {@code EmbeddingInfo} (not tblog's) is left out.
 *
 * <p>Thread contract: not thread-safe; one per logger, on its consumer thread.
 */
final class ProjectorConfigFile {
    /** Rebuilds before giving up on a folder whose entries keep changing (their writers rebuild too). */
    static final int MAX_REBUILDS = 1000;
    private static final String ENTRIES = RunNames.PROJECTOR_FOLDER + "/" + RunNames.PROJECTOR_ENTRIES;
    private static final String CONFIG = RunNames.PROJECTOR_FOLDER + "/" + RunNames.PROJECTOR_CONFIG;

    private final Map<String, EmbeddingInfo> read = new HashMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private int rebuilds;

    /** Writes the entry of one call, then rebuilds the config. */
    void add(RunAssets assets, String id, EmbeddingInfo entry) throws IOException {
        String name = id + RunNames.ENTRY_SUFFIX;
        assets.write(ENTRIES + "/" + name, utf8(TextFormat.printer().printToString(entry)));
        read.put(name, entry);
        rebuild(assets);
    }

    /** Rebuilds the config from every entry until a listing after the write shows no new one. */
    void rebuild(RunAssets assets) throws IOException {
        List<String> names = entries(assets);
        for (int i = 0; i < MAX_REBUILDS; i++) {
            rebuilds++;
            assets.write(CONFIG, utf8(TextFormat.printer().printToString(merge(assets, names))));
            List<String> after = entries(assets);
            if (after.equals(names)) {
                return;
            }
            names = after;
        }
    }

    /** Config writes so far (one per call when no other writer races). */
    int rebuilds() {
        return rebuilds;
    }

    private ProjectorConfig merge(RunAssets assets, List<String> names) throws IOException {
        ProjectorConfig.Builder config = ProjectorConfig.newBuilder();
        Map<String, Integer> seen = new HashMap<>();
        for (String name : names) {
            EmbeddingInfo entry = entry(assets, name);
            if (entry == null) {
                continue;
            }
            int k = seen.merge(entry.getTensorName(), 1, Integer::sum);
            config.addEmbeddings(k == 1 ? entry : entry.toBuilder().setTensorName(entry.getTensorName() + " (" + k + ")").build());
        }
        return config.build();
    }

    private EmbeddingInfo entry(RunAssets assets, String name) throws IOException {
        EmbeddingInfo entry = read.get(name);
        if (entry != null || unreadable.contains(name)) {
            return entry;
        }
        EmbeddingInfo.Builder parsed = EmbeddingInfo.newBuilder();
        try {
            TextFormat.merge(new String(assets.read(ENTRIES + "/" + name), StandardCharsets.UTF_8), parsed);
        } catch (TextFormat.ParseException notOurs) {
            unreadable.add(name);
            return null;
        }
        entry = parsed.build();
        read.put(name, entry);
        return entry;
    }

    /** The entry files, sorted; temporary files of writes in progress (".name...") left out. */
    private static List<String> entries(RunAssets assets) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : assets.list(ENTRIES)) {
            if (name.endsWith(RunNames.ENTRY_SUFFIX) && !name.startsWith(".")) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
