package dev.tblog.sink;

import org.apache.hadoop.conf.Configuration;

import java.util.Map;

/**
 * Hadoop client settings that tblog bounds, so that a NameNode or DataNode that is gone fails a
 * call within seconds rather than minutes (Hadoop's defaults retry a connection that times out 45
 * times, 20 s each, and wait 8 minutes on a DataNode that takes no data). Applied only to keys the
 * user's configuration does not set: a value from {@code core-site.xml}, {@code hdfs-site.xml} or
 * {@code Configuration.set} is left as it is. The README's table lists them with the resulting
 * bounds.
 *
 * <p>Thread contract: stateless, any thread; {@link #apply} changes the configuration it is given.
 */
final class HadoopClientBounds {
    /** Key, value: each documented in the README ("Logging to HDFS and object stores"). */
    static final Map<String, String> BOUNDS = Map.of(
        // A NameNode that does not answer a connection: 3 tries of 10 s, not 45 of 20 s (15 minutes).
        "ipc.client.connect.timeout", "10000",
        "ipc.client.connect.max.retries.on.timeouts", "3",
        // A NameNode that accepts but does not answer a call: 30 s, not 120 s.
        "ipc.client.rpc-timeout.ms", "30000",
        // A DataNode of the write pipeline that stops reading or acknowledging: 20 s, not 8 minutes
        // and 60 s; the pipeline then goes on without it.
        "dfs.datanode.socket.write.timeout", "20000",
        "dfs.client.socket-timeout", "20000",
        // A lost DataNode is replaced when a spare exists; when none does (a small cluster), the
        // write goes on with the DataNodes left instead of failing the file.
        "dfs.client.block.write.replace-datanode-on-failure.best-effort", "true",
        // Object stores: fewer retries of a failing request (each backs off up to seconds).
        "fs.s3a.retry.limit", "3",
        "fs.s3a.attempts.maximum", "3");

    private HadoopClientBounds() {
    }

    /** Sets each bound whose key the configuration leaves at Hadoop's default. */
    static void apply(Configuration conf) {
        for (Map.Entry<String, String> bound : BOUNDS.entrySet()) {
            if (!setByUser(conf, bound.getKey())) {
                conf.set(bound.getKey(), bound.getValue(), "tblog");
            }
        }
    }

    /** Whether a key's value comes from somewhere other than Hadoop's {@code *-default.xml} files. */
    static boolean setByUser(Configuration conf, String key) {
        String[] sources = conf.getPropertySources(key);
        if (sources == null) {
            return false;
        }
        for (String source : sources) {
            if (!source.endsWith("-default.xml")) {
                return true;
            }
        }
        return false;
    }
}
