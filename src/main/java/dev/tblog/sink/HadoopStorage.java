package dev.tblog.sink;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.hdfs.HdfsConfiguration;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Log folders on one of Hadoop's file systems: HDFS ({@code hdfs://}), object stores through their
 * connectors ({@code s3a://}, {@code gs://}, {@code abfs://}), anything with a Hadoop
 * {@code FileSystem}. Needs Hadoop's client on the class path ({@code hadoop-client-api} and
 * {@code hadoop-client-runtime}); nothing else in tblog does.
 *
 * <pre>{@code
 * Configuration conf = new Configuration();            // core-site.xml, hdfs-site.xml from the class path
 * conf.set("dfs.replication", "2");
 * HadoopStorage hdfs = HadoopStorage.of(URI.create("hdfs://nn:8020"), conf);
 * try (Logger log = Logger.builder().storage(hdfs).logdir(URI.create("hdfs://nn:8020/runs")).experiment("exp").build()) {
 *     log.addScalar("loss", 0.25, 100);
 * }
 * hdfs.close();                                         // once every logger on it is closed
 * }</pre>
 *
 * <p>Event files are created exclusively ({@code create} without overwrite). Where the file
 * system's streams can {@code hflush} (HDFS), readers see each batch the logger wrote once it is
 * {@code hflush}ed (at the end of every batch, and at {@code flush()}), and {@code fsync.policy} is
 * {@code hsync}. Where they cannot (object stores), a file shows only once closed: the logger
 * closes it at each {@code flush()} and once it is {@code file.maxAgeMillis} old, so each file is
 * one complete object, and goes on in a new one whose name sorts after it.
 *
 * <p>The storage owns a {@code FileSystem} instance of its own ({@code FileSystem.newInstance}),
 * which Hadoop does not close at JVM exit ({@code fs.automatic.close=false}), so that the logger's
 * own shutdown hook can still close its files then. Client settings that would let a lost NameNode or
 * DataNode hang a call for minutes are bounded, where the configuration leaves them at Hadoop's
 * defaults (see the README).
 *
 * <p>Thread contract: any thread (Hadoop's {@code FileSystem} is thread-safe); its sinks belong to
 * one consumer thread each.
 */
public final class HadoopStorage implements LogStorage, AutoCloseable {
    private static final ConcurrentMap<URI, HadoopStorage> SHARED = new ConcurrentHashMap<>();

    private final FileSystem fs;
    private final boolean shared;

    private HadoopStorage(FileSystem fs, boolean shared) {
        this.fs = fs;
        this.shared = shared;
    }

    /**
     * A storage on the file system of {@code fileSystem} (its scheme and authority; a path is
     * ignored), configured by a copy of {@code conf}. Close it once no logger uses it.
     *
     * @param fileSystem a URI of the file system, e.g. {@code hdfs://nn:8020}
     * @param conf the Hadoop configuration; it is copied, so later changes to it do not count
     * @return a new storage with a file system instance of its own, which {@link #close()} closes
     * @throws IllegalArgumentException no Hadoop file system serves the URI's scheme
     * @throws UncheckedIOException the file system cannot be opened
     */
    public static HadoopStorage of(URI fileSystem, Configuration conf) {
        return new HadoopStorage(open(fileSystem, conf), false);
    }

    /**
     * The storage of this process for the file system of {@code uri}, configured as Hadoop
     * configures itself (a new {@code Configuration}: {@code core-site.xml} and {@code hdfs-site.xml}
     * from the class path); made once per scheme and authority, shared, and never closed.
     *
     * @param uri a URI of the file system, e.g. {@code hdfs://nn:8020/runs}; only its scheme and authority count
     * @return the shared storage of that file system
     * @throws IllegalArgumentException no Hadoop file system serves the URI's scheme
     * @throws UncheckedIOException the file system cannot be opened
     */
    public static HadoopStorage of(URI uri) {
        URI key = URI.create(uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + "/");
        return SHARED.computeIfAbsent(key, k -> new HadoopStorage(open(k, new Configuration()), true));
    }

    private static FileSystem open(URI uri, Configuration conf) {
        HdfsConfiguration.init(); // hdfs-site.xml among the resources, so that its settings count as the user's
        Configuration own = new Configuration(conf);
        HadoopClientBounds.apply(own);
        own.setBoolean("fs.automatic.close", false);
        try {
            return FileSystem.newInstance(uri, own);
        } catch (UnsupportedFileSystemException e) {
            throw new IllegalArgumentException("no Hadoop FileSystem for the scheme of " + uri + " (" + e.getMessage()
                + "): add its connector to the class path (hadoop-aws for s3a://, gcs-connector for gs://, "
                + "hadoop-azure for abfs://)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Hadoop file system of " + uri + ": " + e, e);
        }
    }

    /** {@return the Hadoop file system behind this storage} */
    public FileSystem fileSystem() {
        return fs;
    }

    @Override
    public EventSink create(Path runDir, String fileName) throws IOException {
        return HadoopSink.create(fs, new org.apache.hadoop.fs.Path(hadoopPath(runDir), fileName));
    }

    /** The projector's files on this file system: renamed into place on HDFS, written whole on object stores. */
    @Override
    public AssetSink assetSink() {
        return new HadoopAssetSink(fs, this::hadoopPath);
    }

    @Override
    public Path path(URI uri) {
        // makeQualified checks the file system: IllegalArgumentException "Wrong FS" for another one.
        String p = fs.makeQualified(new org.apache.hadoop.fs.Path(uri)).toUri().getPath();
        return Path.of(p.isEmpty() ? "/" : p);
    }

    @Override
    public URI uri(Path path) {
        return hadoopPath(path).toUri();
    }

    @Override
    public boolean isFile(Path path) throws IOException {
        FileStatus status = status(path);
        return status != null && status.isFile();
    }

    @Override
    public boolean isDirectory(Path path) throws IOException {
        FileStatus status = status(path);
        return status != null && status.isDirectory();
    }

    @Override
    public List<Path> files(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(hadoopPath(folder), true);
        while (it.hasNext()) {
            files.add(Path.of(it.next().getPath().toUri().getPath()));
        }
        return files;
    }

    @Override
    public InputStream open(Path file) throws IOException {
        return fs.open(hadoopPath(file));
    }

    /** Closes the file system (not for the shared storages of {@link #of(URI)}, which stay open). */
    @Override
    public void close() throws IOException {
        if (!shared) {
            fs.close();
        }
    }

    @Override
    public String toString() {
        return "HadoopStorage[" + fs.getUri() + "]";
    }

    private FileStatus status(Path path) throws IOException {
        try {
            return fs.getFileStatus(hadoopPath(path));
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** A path of this storage as Hadoop's, qualified (a relative one is in the working directory). */
    private org.apache.hadoop.fs.Path hadoopPath(Path path) {
        StringBuilder s = new StringBuilder();
        if (path.getRoot() != null) {
            s.append('/');
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            s.append(i == 0 ? "" : "/").append(path.getName(i));
        }
        return fs.makeQualified(new org.apache.hadoop.fs.Path(s.length() == 0 ? "." : s.toString()));
    }
}
