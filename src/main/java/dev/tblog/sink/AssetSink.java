package dev.tblog.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Where whole files beside the event files go: the projector's config, tensors, metadata and
 * sprites. Unlike an {@link EventSink}, which appends records, an asset is written in one piece
 * and replaces the file of that name atomically: a reader sees the old file or the new one, never
 * a part.
 *
 * <p>The local file system is one implementation ({@link #LOCAL_FILES}: a temporary name in the
 * same folder, then a rename); distributed storage (HDFS through Hadoop's FileSystem, whose rename
 * is atomic too) is another behind the same three calls, supplied by
 * {@link EventSinkFactory#assetSink()}.
 *
 * <p>Thread contract: implementations must be safe to call from any thread; tblog calls them from
 * each logger's consumer thread, and several loggers (or processes) may write to one folder at once.
 */
public interface AssetSink {
    /**
     * Local files: written to a hidden temporary name in the target's folder (created if missing),
     * fsynced when asked, then renamed over the target; the folder is fsynced after the rename when
     * asked. A failed write leaves the target as it was and removes the temporary file.
     */
    AssetSink LOCAL_FILES = new LocalAssetSink();

    /**
     * Writes {@code content} (from its position to its limit) as the whole of {@code file},
     * replacing it atomically if it exists.
     *
     * @param file the file to write; its folder is created if missing
     * @param content the bytes to write, from its position to its limit
     * @param force whether the file (and its folder entry) reaches durable storage before the call returns
     * @throws IOException the folder or the file cannot be created or written, or the rename fails; the
     *     target is left as it was
     */
    void writeAtomically(Path file, ByteBuffer content, boolean force) throws IOException;

    /**
     * The names of the regular files directly in {@code folder}, in no particular order; empty if it does not exist.
     *
     * @param folder the folder to list
     * @return the file names (without the folder), not those of subfolders
     * @throws IOException the folder exists but cannot be listed
     */
    List<String> list(Path folder) throws IOException;

    /**
     * The whole content of {@code file}.
     *
     * @param file the file to read
     * @return every byte of the file
     * @throws IOException the file does not exist or cannot be read
     */
    byte[] read(Path file) throws IOException;
}
