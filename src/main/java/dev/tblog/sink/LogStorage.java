package dev.tblog.sink;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A file system that log folders live on: the local one ({@link #LOCAL}) or one of Hadoop's
 * ({@link HadoopStorage}: {@code hdfs://}, {@code s3a://}, {@code gs://}, {@code abfs://}, ...). It
 * creates event files (it is the {@link EventSinkFactory} of its loggers) and reads them back (the
 * reader, {@code inspect}, the declared sweep).
 *
 * <p>Paths are paths within the storage: for the local one, ordinary paths; for a Hadoop file
 * system, the path part of its URIs ({@code /runs/exp} of {@code hdfs://nn:8020/runs/exp}), as a
 * Hadoop {@code Path} without scheme means a path in its file system. {@link #path(URI)} and
 * {@link #uri(Path)} go from one to the other.
 *
 * <p>Thread contract: implementations are safe to use from any thread; the sinks they create are
 * used by one thread (see {@link EventSink}).
 */
public interface LogStorage extends EventSinkFactory {
    /** The local file system, through {@link java.nio.channels.FileChannel}; needs no Hadoop. */
    LogStorage LOCAL = LocalStorage.INSTANCE;

    /**
     * The storage of a log folder's URI: {@link #LOCAL} for a URI without scheme or with
     * {@code file}, else Hadoop's {@code FileSystem} for the URI's scheme and authority, configured
     * as Hadoop configures itself (a new {@code Configuration}: {@code core-site.xml},
     * {@code hdfs-site.xml} from the class path), one per file system and process (see
     * {@link HadoopStorage#of(URI)}).
     *
     * @param uri the log folder's URI, e.g. {@code runs/exp}, {@code file:///data/runs} or
     *     {@code hdfs://nn:8020/runs}
     * @return the storage the folder lives on
     * @throws IllegalArgumentException a URI of another scheme while Hadoop's client is not on the
     *     class path (the message names what to add), or a file system Hadoop cannot open
     */
    static LogStorage of(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || scheme.equals("file")) {
            return LOCAL;
        }
        if (!HadoopPresence.onClassPath()) {
            throw new IllegalArgumentException("the log folder " + uri + " needs Hadoop's FileSystem, which is not on "
                + "the class path: add org.apache.hadoop:hadoop-client-api and hadoop-client-runtime (3.3 or later)"
                + " and the connector of the '" + scheme + "' scheme, or use a local folder");
        }
        return HadoopStorage.of(uri);
    }

    /**
     * The path within this storage that {@code uri} names.
     *
     * @param uri a URI of this storage
     * @return the path part, a path within this storage
     * @throws IllegalArgumentException a URI of another storage
     */
    Path path(URI uri);

    /**
     * The URI of a path of this storage (absolute: {@code file:///...}, {@code hdfs://nn:8020/...}).
     *
     * @param path a path within this storage; a relative one is taken in the working directory
     * @return the absolute URI of the path
     */
    URI uri(Path path);

    /**
     * Whether a file is there.
     *
     * @param path a path within this storage
     * @return whether {@code path} is a regular file; {@code false} if nothing is there
     * @throws IOException the file system cannot be asked
     */
    boolean isFile(Path path) throws IOException;

    /**
     * Whether a folder is there.
     *
     * @param path a path within this storage
     * @return whether {@code path} is a folder; {@code false} if nothing is there
     * @throws IOException the file system cannot be asked
     */
    boolean isDirectory(Path path) throws IOException;

    /**
     * Every file below {@code folder}, at any depth, in no particular order.
     *
     * @param folder a folder within this storage
     * @return the paths of the regular files below it, within this storage
     * @throws IOException the folder does not exist or cannot be listed
     */
    List<Path> files(Path folder) throws IOException;

    /**
     * Opens a file for reading from its start (what readers of a file being written see of it).
     *
     * @param file a file within this storage
     * @return a new stream of the file's bytes; the caller closes it
     * @throws IOException the file does not exist or cannot be opened
     */
    InputStream open(Path file) throws IOException;
}
