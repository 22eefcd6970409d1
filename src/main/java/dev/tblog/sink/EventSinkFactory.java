package dev.tblog.sink;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a new event file in a run folder; the seam where other storage plugs in.
 *
 * <p>Thread contract: implementations must be safe to call from any thread (the logger opens its
 * first file on the constructing thread, later ones on the consumer).
 */
@FunctionalInterface
public interface EventSinkFactory {
    /**
     * Local files through a {@link java.nio.channels.FileChannel}, each opened with {@code CREATE_NEW}:
     * a name that exists already fails with {@link java.nio.file.FileAlreadyExistsException} rather
     * than truncating it. A file closed before any byte reached it (its first record failed: a full
     * disk) is removed again. The default of {@code Logger.builder()}.
     */
    EventSinkFactory LOCAL_FILES = FileChannelSink::create;

    /**
     * Creates the run folder if missing and a new file in it; never truncates an existing file.
     *
     * @param runDir the run folder
     * @param fileName a fresh event file name, {@code events.out.tfevents.<seconds>.<host>.<pid>.<counter>}
     * @return the new file's sink, empty
     * @throws IOException the folder or the file cannot be created, or the file exists
     */
    EventSink create(Path runDir, String fileName) throws IOException;

    /**
     * Where this storage puts whole files beside the event files (the projector's): local files
     * ({@link AssetSink#LOCAL_FILES}) unless a factory for other storage says otherwise.
     *
     * @return the asset sink of this storage
     */
    default AssetSink assetSink() {
        return AssetSink.LOCAL_FILES;
    }
}
