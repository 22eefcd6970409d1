package dev.tblog.bench.hdfs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A NameNode and one DataNode (replication 1) in this JVM, on loopback, in a temporary folder: the
 * HDFS the benchmarks log to. One DataNode because the machine has two cores, which the NameNode,
 * the DataNode, the logger's consumer and the producer already share.
 *
 * <p>Thread contract: start and stop on one thread; {@link #uri()} from any.
 */
final class MiniHdfs implements AutoCloseable {
    private final MiniDFSCluster cluster;

    private MiniHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    static MiniHdfs start(Path base) {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        conf.setInt("dfs.replication", 1);
        try {
            MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
            cluster.waitActive();
            return new MiniHdfs(cluster);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file system's URI, {@code hdfs://localhost:<port>}. */
    URI uri() {
        return cluster.getURI();
    }

    @Override
    public void close() {
        cluster.shutdown();
    }
}
