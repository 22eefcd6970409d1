package dev.tblog.pipeline;

import dev.tblog.encode.EventEncoder;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.ScalarEventEncoder;
import dev.tblog.encode.RunAssets;
import dev.tblog.encode.SummaryBody;
import dev.tblog.record.RunNames;
import dev.tblog.ring.TagIds;
import dev.tblog.sink.EventSink;
import dev.tblog.sink.EventSinkFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event files of one logger: the main run's, one per sub-run (the keys of
 * {@code addScalars}, hparams trials), and the self-metrics run beside the main run, opened on
 * first use. Encodes records into each file's
 * pending buffer and writes a file's buffer once it passes the byte threshold, and every file's at
 * the end of a batch.
 *
 * <p>Thread contract: consumer thread only (the constructor, which opens the main file so that a
 * bad folder fails the caller, runs on the thread that builds the logger, before the consumer
 * starts; the consumer thread's start gives the happens-before edge).
 */
public final class RunFiles implements EventWriter {
    /** The name written in each file's first record. */
    public static final String WRITER_NAME = "tblog";
    /**
     * The initial direct buffer of a sub-run's file: small, so that many sub-runs pin little memory
     * (a buffer grown past four times this by a busy batch is given back once written).
     */
    static final int SUB_RUN_BUFFER_BYTES = 4096;

    private final Path runDir;
    private final EventSinkFactory sinkFactory;
    private final int writeThresholdBytes;
    private final EventEncoder encoder = new EventEncoder();
    private final ScalarEventEncoder scalars = new ScalarEventEncoder();
    /** The coalesced scalar events being gathered; null when steps are not coalesced. */
    private final ScalarGroups groups;
    private final RunFile main;
    private final Map<String, RunFile> subRuns = new HashMap<>();
    /** Sub-runs whose file could not be opened: their events are lost, the rest of the run goes on. */
    private final Map<String, SubRunLostException> lostSubRuns = new HashMap<>();
    /** mainTag, then key: the sub-run of an addScalars member, found without building its name. */
    private final Map<String, Map<String, RunFile>> scalarsRuns = new HashMap<>();
    private final List<RunFile> all = new ArrayList<>();
    /** The self-metrics run beside the main run ({@link RunNames#selfMetricsRun}); null until the first point. */
    private RunFile selfMetrics;
    private final long maxFileBytes;
    private final long maxFileAgeMillis;
    private final boolean forceOnRotate;
    private final RunAssets assets;
    private long bytesWritten;
    /** Run before every write to a sink and every file opened (see {@link #beforeIo}). */
    private Runnable beforeIo = () -> {
    };

    /**
     * Opens the main run's file (creating the folder) and writes its first record.
     *
     * @param writeThresholdBytes a file's pending bytes are written once past this
     * @param maxFileBytes a file that reached this many bytes is closed and continued in a new one; 0 never
     * @param forceOnRotate whether a file is fsynced before it is closed by rotation, and an asset
     *     file (the projector's) before it replaces the old one
     * @param coalesceSteps whether scalars of a file with the same step and wall-time millisecond are
     *     written as one event (see {@link ScalarGroups})
     */
    public RunFiles(Path runDir, EventSinkFactory sinkFactory, int writeThresholdBytes, long maxFileBytes,
                    boolean forceOnRotate, boolean coalesceSteps) throws IOException {
        this(runDir, sinkFactory, writeThresholdBytes, maxFileBytes, 0, forceOnRotate, coalesceSteps);
    }

    /**
     * As {@link #RunFiles(Path, EventSinkFactory, int, long, boolean, boolean)}, with files also
     * rotated by age.
     *
     * @param maxFileAgeMillis a file open this long that holds records is closed and continued in a
     *     new one at the next {@link #writeAll()}; 0 never
     */
    public RunFiles(Path runDir, EventSinkFactory sinkFactory, int writeThresholdBytes, long maxFileBytes,
                    long maxFileAgeMillis, boolean forceOnRotate, boolean coalesceSteps) throws IOException {
        this.groups = coalesceSteps ? new ScalarGroups(scalars) : null;
        this.maxFileBytes = maxFileBytes;
        this.maxFileAgeMillis = maxFileAgeMillis;
        this.forceOnRotate = forceOnRotate;
        this.runDir = runDir;
        this.sinkFactory = sinkFactory;
        this.writeThresholdBytes = writeThresholdBytes;
        this.assets = new RunAssets(runDir, sinkFactory.assetSink(), forceOnRotate);
        this.main = open(runDir, writeThresholdBytes + writeThresholdBytes / 4);
    }

    /**
     * Sets what runs before every write to a sink and every file opened or rotated: the consumer
     * marks the producers' clock stale there, since storage can take long.
     */
    public void beforeIo(Runnable hook) {
        this.beforeIo = hook;
    }

    /** The main run's folder. */
    public Path runDir() {
        return runDir;
    }

    /** Total bytes written to all sinks. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Encodes one scalar of the main run. */
    public void scalar(String tag, long step, long wallTimeMillis, double value) throws IOException {
        scalar(main, main.tags().get(tag), step, wallTimeMillis, value);
    }

    /** Encodes one scalar of the main run whose tag has the logger's id {@code tagId} in {@code ids}. */
    public void scalar(int tagId, TagIds ids, long step, long wallTimeMillis, double value) throws IOException {
        scalar(main, main.tags().get(tagId, ids), step, wallTimeMillis, value);
    }

    /**
     * Encodes one self-metric point into the self-metrics run beside the main run
     * ({@link RunNames#selfMetricsRun}: {@code <parent>/tblog/<run>}), opened on first use.
     */
    public void selfMetric(String tag, long step, long wallTimeMillis, double value) throws IOException {
        if (selfMetrics == null) {
            selfMetrics = open(RunNames.selfMetricsRun(runDir), SUB_RUN_BUFFER_BYTES);
        }
        scalar(selfMetrics, selfMetrics.tags().get(tag), step, wallTimeMillis, value);
    }

    /** Encodes one member of an addScalars call into its sub-run. */
    public void scalarsMember(String mainTag, String key, long step, long wallTimeMillis, double value)
        throws IOException {
        Map<String, RunFile> byKey = scalarsRuns.get(mainTag);
        RunFile file = byKey == null ? null : byKey.get(key);
        if (file == null) {
            file = subRun(RunNames.scalarsMember(mainTag, key));
            scalarsRuns.computeIfAbsent(mainTag, t -> new HashMap<>()).put(key, file);
        }
        scalar(file, file.tags().get(mainTag), step, wallTimeMillis, value);
    }

    @Override
    public void writeScalar(String subRun, String tag, long step, long wallTimeMillis, double value)
        throws IOException {
        RunFile file = file(subRun);
        scalar(file, file.tags().get(tag), step, wallTimeMillis, value);
    }

    @Override
    public void writeValue(String subRun, String tag, long step, long wallTimeMillis, byte[] metadata,
                           SummaryBody body) throws IOException {
        closeGroups();
        RunFile file = file(subRun);
        TagEntry entry = file.tags().get(tag);
        byte[] firstMetadata = entry.metadataWritten() ? null : metadata;
        encoder.summaryValue(file.pending(), seconds(wallTimeMillis), step, entry.utf8(), firstMetadata, body);
        if (firstMetadata != null) {
            entry.markMetadataWritten();
        }
        entry.recordStep(step);
        writeIfPastThreshold(file);
    }

    @Override
    public void writeEventBytes(String subRun, long step, long wallTimeMillis, int field, byte[] value)
        throws IOException {
        RunFile file = file(subRun);
        encoder.eventBytes(file.pending(), seconds(wallTimeMillis), step, field, value);
        writeIfPastThreshold(file);
    }

    /** Asset files are made durable before they replace the old ones unless {@code fsync.policy=never}. */
    @Override
    public RunAssets assets() {
        return assets;
    }

    @Override
    public long lastStep(String subRun, String tag) {
        RunFile file = subRun == null ? main : subRuns.get(subRun);
        TagEntry entry = file == null ? null : file.tags().find(tag);
        return entry == null ? Long.MIN_VALUE : entry.lastStep();
    }

    @Override
    public long maxStep(String subRun) {
        RunFile file = subRun == null ? main : subRuns.get(subRun);
        return file == null ? Long.MIN_VALUE : file.tags().maxStep();
    }

    /**
     * Writes every file's pending bytes to its sink, rotates the files past {@code file.maxAgeMillis},
     * and makes what was written visible to readers ({@link EventSink#flush()}: HDFS's
     * {@code hflush}; nothing for local files, whose writes are visible already). Called at the end
     * of every batch.
     */
    public void writeAll() throws IOException {
        closeGroups();
        long now = maxFileAgeMillis > 0 ? System.currentTimeMillis() : 0;
        for (int i = 0; i < all.size(); i++) {
            RunFile file = all.get(i);
            bytesWritten += writePending(file);
            if (FileRotation.aged(now, file.openedAtMillis(), maxFileAgeMillis, file.holdsRecords())) {
                bytesWritten += rotate(file);
            }
            file.flushWritten();
        }
    }

    /**
     * What {@code flush()} does: {@link #writeAll()}, then every file whose storage shows it only
     * once closed (an object store) and that holds records is closed, complete, and continued in a
     * new file, so that readers see every record written so far.
     */
    public void publishAll() throws IOException {
        writeAll();
        for (int i = 0; i < all.size(); i++) {
            RunFile file = all.get(i);
            if (!file.visibleBeforeClose() && file.holdsRecords()) {
                bytesWritten += rotate(file);
                file.flushWritten();
            }
        }
    }

    /** fsyncs every file. */
    public void forceAll() throws IOException {
        for (int i = 0; i < all.size(); i++) {
            all.get(i).force();
        }
    }

    /** Closes every file, trying all of them; pending bytes are not written (call writeAll first). */
    public void closeAll() throws IOException {
        if (groups != null) {
            groups.discardAll();
        }
        IOException first = null;
        for (RunFile file : all) {
            try {
                file.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void scalar(RunFile file, TagEntry entry, long step, long wallTimeMillis, double value) throws IOException {
        float v = (float) value;
        if (groups == null || entry.index() < 0) {
            closeGroups(); // a tag the file's cache does not keep is written alone, in order
            scalars.write(file.pending(), seconds(wallTimeMillis), step, entry.scalarTag(), v);
            writeIfPastThreshold(file);
        } else {
            RunFile written = groups.add(file, entry, step, wallTimeMillis, v);
            if (written != null) {
                writeIfPastThreshold(written);
            }
        }
        entry.recordStep(step);
    }

    /** Encodes the coalesced events being gathered, if any, so that nothing is written before them. */
    private void closeGroups() throws IOException {
        if (groups != null) {
            for (RunFile written = groups.closeOldest(); written != null; written = groups.closeOldest()) {
                writeIfPastThreshold(written);
            }
        }
    }

    private void writeIfPastThreshold(RunFile file) throws IOException {
        if (file.pendingBytes() >= writeThresholdBytes) {
            bytesWritten += writePending(file);
        }
    }

    private RunFile file(String subRun) {
        return subRun == null ? main : subRun(subRun);
    }

    /**
     * The open file of a sub-run, opened on first use.
     *
     * @throws SubRunLostException the sub-run's file cannot be opened (now or before): its event is lost
     */
    private RunFile subRun(String folderName) {
        RunFile file = subRuns.get(folderName);
        if (file == null) {
            SubRunLostException lost = lostSubRuns.get(folderName);
            if (lost != null) {
                throw lost;
            }
            try {
                file = open(runDir.resolve(folderName), SUB_RUN_BUFFER_BYTES);
            } catch (IOException | RuntimeException e) {
                lost = new SubRunLostException(folderName, e);
                lostSubRuns.put(folderName, lost);
                throw lost;
            }
            subRuns.put(folderName, file);
        }
        return file;
    }

    /** Writes a file's pending records, then rotates it if it reached the size limit (see {@link FileRotation}). */
    private long writePending(RunFile file) throws IOException {
        beforeIo.run();
        long n = file.writePending();
        if (FileRotation.due(file.fileBytes(), maxFileBytes)) {
            n += rotate(file);
        }
        return n;
    }

    private long rotate(RunFile file) throws IOException {
        beforeIo.run();
        long now = System.currentTimeMillis();
        EventSink next = newSink(file.runDir(), now);
        EventSink old = file.replaceSink(next);
        encoder.fileVersion(file.pending(), seconds(now), WRITER_NAME);
        long n = file.writePending();
        file.startFile(now);
        FileRotation.retire(old, forceOnRotate);
        return n;
    }

    /**
     * Opens a new event file in {@code dir} and writes its first record. When that fails, the file
     * is closed again (a local file that received no byte is removed) and nothing stays open.
     *
     * @param bufferBytes the initial capacity of its pooled direct buffer
     */
    private RunFile open(Path dir, int bufferBytes) throws IOException {
        beforeIo.run();
        long now = System.currentTimeMillis();
        EventSink sink = newSink(dir, now);
        RunFile file = null;
        try {
            file = new RunFile(dir, sink, bufferBytes);
            encoder.fileVersion(file.pending(), seconds(now), WRITER_NAME);
            bytesWritten += file.writePending();
        } catch (Throwable t) {
            try {
                if (file != null) {
                    file.close();
                } else {
                    sink.close();
                }
            } catch (IOException | RuntimeException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        all.add(file);
        file.startFile(now);
        return file;
    }

    private EventSink newSink(Path dir, long now) throws IOException {
        EventSink sink = null;
        for (int attempt = 0; sink == null; attempt++) {
            try {
                sink = sinkFactory.create(dir, RunNames.nextEventFile(now / 1000));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
        return sink;
    }

    /** A wall time in milliseconds as the seconds of {@code Event.wall_time}. */
    static double seconds(long millis) {
        return millis / 1000.0;
    }
}
