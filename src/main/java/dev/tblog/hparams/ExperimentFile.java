package dev.tblog.hparams;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tblog.encode.EventEncoder;
import dev.tblog.proto.Event;
import dev.tblog.proto.SourceMetadata;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;
import dev.tblog.proto.hparams.Experiment;
import dev.tblog.proto.hparams.HParamsPluginData;
import dev.tblog.read.RecordReader;
import dev.tblog.record.RecordFramer;
import dev.tblog.record.RunNames;
import dev.tblog.sink.EventSink;
import dev.tblog.sink.LogStorage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one event file of a log folder's root run that holds its declared sweep:
 * {@code <logdir>/}{@value RunNames#SWEEP_FILE}, two records, a file version and the
 * {@code _hparams_/experiment} summary (plugin "hparams", value the null tensor, step 0).
 *
 * <h2>Written once, atomically, by whichever process comes first</h2>
 * The file's bytes are written and fsynced under a temporary name that TensorBoard never reads
 * (no "tfevents" in it), then hard-linked to the fixed name: {@code link(2)} either creates the name
 * with the complete file behind it or fails because the name exists, atomically, on local and
 * network file systems alike. Of several processes declaring at once, exactly one link succeeds;
 * every other process reads the file that won and compares its experiment with its own, byte for
 * byte ({@link SweepDeclaration#content()}): equal, the declaration is done; different, an
 * {@link IllegalStateException} says what differs. Wall times are not compared, so the processes
 * need not agree on the time.
 *
 * <p>Where the file system has no hard links ({@link UnsupportedOperationException} or a
 * {@link FileSystemException} from {@code createLink}: FAT, some FUSE mounts of object stores), the
 * file is created under its fixed name with {@code CREATE_NEW} (which fails if it exists) and written
 * there. A reader may then find it before it is complete: it waits for the experiment record up to
 * {@link #COMPLETE_WITHIN_MILLIS} (10 s) before it gives up on the file as torn.
 *
 * <p>On storage other than the local one (HDFS, object stores: a {@link LogStorage}), the file is
 * created through the storage's event-file seam, exclusively ({@code create} without overwrite,
 * which fails if the name exists: atomic on HDFS), written, synced and closed; an object store shows
 * it only then, whole, and an HDFS reader that finds it incomplete waits as above.
 *
 * <p>Why a fixed name sorting first ({@code ...tfevents.0000000000.sweep}): a second file in the
 * root could hold a second experiment, and TensorBoard keeps the first metadata it reads for a tag
 * in a run, reading files in name order; this name comes before any writer's timestamped file.
 *
 * <p>Thread contract: stateless, any thread; concurrent calls from threads and processes are safe
 * (that is the point).
 */
final class ExperimentFile {
    /** How long a reader waits, by default, for a file being written (no hard links) to hold its experiment. */
    static final long COMPLETE_WITHIN_MILLIS = 10_000;

    /** The writer named in the first record, as in every event file tblog writes. */
    private static final String WRITER = "tblog";

    private ExperimentFile() {
    }

    /** Whether this call wrote the file or found the same declaration there. */
    enum Outcome { WRITTEN, FOUND }

    /**
     * Makes {@code logdir}'s root run hold this declaration, or confirms that it does.
     *
     * @param hardLinks false to use the no-hard-links way even where links work (for tests)
     * @param completeWithinMillis how long to wait for a file being written by another process to
     *     hold its experiment ({@link #COMPLETE_WITHIN_MILLIS} but in tests)
     * @throws IllegalStateException the folder holds a different declaration (the message lists the
     *     differences), or a file under the name that holds no experiment
     * @throws IOException the folder cannot be created, written or read
     */
    static Outcome publish(Path logdir, SweepDeclaration declaration, boolean hardLinks, long completeWithinMillis)
        throws IOException {
        return publish(LogStorage.LOCAL, logdir, declaration, hardLinks, completeWithinMillis);
    }

    /** As {@link #publish(Path, SweepDeclaration, boolean, long)}, in a folder of {@code storage}. */
    static Outcome publish(LogStorage storage, Path logdir, SweepDeclaration declaration, boolean hardLinks,
                           long completeWithinMillis) throws IOException {
        if (storage != LogStorage.LOCAL) {
            Path target = logdir.resolve(RunNames.SWEEP_FILE);
            if (!storage.isFile(target) && createThrough(storage, logdir,
                fileBytes(declaration.content(), System.currentTimeMillis()))) {
                return Outcome.WRITTEN;
            }
            verify(storage, target, declaration, completeWithinMillis);
            return Outcome.FOUND;
        }
        Files.createDirectories(logdir);
        Path target = logdir.resolve(RunNames.SWEEP_FILE);
        byte[] content = declaration.content();
        if (!Files.exists(target)) {
            byte[] file = fileBytes(content, System.currentTimeMillis());
            if (hardLinks ? linkInPlace(logdir, target, file) : createInPlace(target, file)) {
                return Outcome.WRITTEN;
            }
        }
        verify(storage, target, declaration, completeWithinMillis);
        return Outcome.FOUND;
    }

    /** Creates the file through the storage (exclusively), writes, syncs and closes it; false when it exists. */
    private static boolean createThrough(LogStorage storage, Path logdir, byte[] file) throws IOException {
        EventSink sink;
        try {
            sink = storage.create(logdir, RunNames.SWEEP_FILE);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        try (sink) {
            sink.write(ByteBuffer.wrap(file));
            sink.force();
        }
        return true;
    }

    /** Writes a temporary file and links it to the target; false when the target exists. */
    private static boolean linkInPlace(Path logdir, Path target, byte[] file) throws IOException {
        Path temp = writeTemporary(logdir, file);
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            return createInPlace(target, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes the bytes to a new file of a fresh hidden name in the folder. Not
     * {@code Files.createTempFile}: its files are private to the owner (0600), and the link shares
     * them, so a TensorBoard run by another user of a shared folder could not read the sweep; a
     * file opened with {@code CREATE_NEW} gets the permissions every event file gets (the umask's).
     */
    private static Path writeTemporary(Path logdir, byte[] file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = logdir.resolve(".sweep-" + ProcessHandle.current().pid() + '-'
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                writeNew(temp, file);
                return temp;
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 100) {
                    throw taken;
                }
            }
        }
    }

    /**
     * Creates the target with CREATE_NEW and writes it; false when the target exists. A write that
     * fails removes the file it created, so that the next declaration can write it whole.
     */
    private static boolean createInPlace(Path target, byte[] file) throws IOException {
        try {
            writeNew(target, file);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
    }

    /**
     * Creates the file ({@code CREATE_NEW}: {@link FileAlreadyExistsException} if it exists), writes
     * the bytes and fsyncs them; a failed write deletes the file.
     */
    private static void writeNew(Path path, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        }
    }

    /** Reads the experiment in the target (waiting for one being written) and compares it with ours. */
    private static void verify(LogStorage storage, Path target, SweepDeclaration declaration,
                               long completeWithinMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(completeWithinMillis);
        Optional<byte[]> found = experimentContent(storage, target);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            found = experimentContent(storage, target);
        }
        String named = storage == LogStorage.LOCAL ? target.toString() : storage.uri(target).toString();
        if (found.isEmpty()) {
            throw new IllegalStateException(named + " holds no complete experiment after "
                + completeWithinMillis + " ms (a declaration that died while writing it?): delete it and declare "
                + "the sweep again");
        }
        byte[] theirs = found.get();
        if (Arrays.equals(theirs, declaration.content())) {
            return;
        }
        Experiment folder;
        try {
            folder = HParamsPluginData.parseFrom(theirs).getExperiment();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(named + " holds an experiment that is not a valid HParamsPluginData: " + e, e);
        }
        List<String> differences = ExperimentDiff.between(declaration.experiment(), folder);
        throw new IllegalStateException("the sweep declared here differs from the one declared before in "
            + named.substring(0, named.length() - target.getFileName().toString().length() - 1)
            + " (" + target.getFileName() + "): "
            + (differences.isEmpty() ? "their encodings differ" : String.join("; ", differences))
            + ". A log folder holds one sweep: declare the same one, or use another folder");
    }

    /**
     * The content of the first {@code _hparams_/experiment} summary in the file, or empty while the
     * file holds none yet (being written, or torn).
     */
    static Optional<byte[]> experimentContent(Path file) throws IOException {
        return experimentContent(LogStorage.LOCAL, file);
    }

    private static Optional<byte[]> experimentContent(LogStorage storage, Path file) throws IOException {
        try (RecordReader reader = RecordReader.open(storage, file)) {
            for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
                Event event = Event.parseFrom(r.data());
                for (Summary.Value v : event.getSummary().getValueList()) {
                    if (v.getTag().equals(HParamsContent.EXPERIMENT_TAG)
                        && v.getMetadata().getPluginData().getPluginName().equals(HParamsContent.PLUGIN_NAME)) {
                        return Optional.of(v.getMetadata().getPluginData().getContent().toByteArray());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The whole file: the file-version record, then the experiment record, both at this wall time. */
    static byte[] fileBytes(byte[] content, long wallTimeMillis) {
        double seconds = wallTimeMillis / 1000.0;
        Event version = Event.newBuilder().setWallTime(seconds).setFileVersion(EventEncoder.FILE_VERSION)
            .setSourceMetadata(SourceMetadata.newBuilder().setWriter(WRITER)).build();
        Event experiment = Event.newBuilder().setWallTime(seconds).setStep(0).setSummary(Summary.newBuilder()
            .addValue(Summary.Value.newBuilder()
                .setTag(HParamsContent.EXPERIMENT_TAG)
                .setMetadata(SummaryMetadata.newBuilder().setPluginData(SummaryMetadata.PluginData.newBuilder()
                    .setPluginName(HParamsContent.PLUGIN_NAME)
                    .setContent(ByteString.copyFrom(content))))
                .setTensor(NullTensorBody.NULL_TENSOR)))
            .build();
        ByteBuf buf = Unpooled.buffer();
        try {
            RecordFramer framer = new RecordFramer();
            for (Event e : List.of(version, experiment)) {
                byte[] data = e.toByteArray();
                int start = framer.writeHeader(buf, data.length);
                buf.writeBytes(data);
                framer.writeFooter(buf, start, data.length);
            }
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }
}
