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
    static final Map<String, String> BOUNDS = Map.ofEntries(
        // A NameNode that refuses connections (restarting): 2 tries 1 s apart per attempt; one that
        // does not answer them: 2 tries of 5 s (Hadoop: 11 tries, and 46 of 20 s = 15 minutes).
        Map.entry("ipc.client.connect.max.retries", "1"),
        Map.entry("ipc.client.connect.timeout", "5000"),
        Map.entry("ipc.client.connect.max.retries.on.timeouts", "1"),
        // A NameNode that accepts a call but does not answer it: 30 s, not 120 s.
        Map.entry("ipc.client.rpc-timeout.ms", "30000"),
        // Calls to the NameNode are tried again, 5 times 2 s apart, on a lost connection or while it
        // starts (safe mode): a NameNode restarted within ~10 s costs nothing. Off in Hadoop, where the
        // first call after a restart fails (EOFException on the stale connection).
        Map.entry("dfs.client.retry.policy.enabled", "true"),
        Map.entry("dfs.client.retry.policy.spec", "2000,5"),
        // A DataNode of the write pipeline that stops reading or acknowledging: 20 s, not 8 minutes
        // and 60 s; the pipeline then goes on without it.
        Map.entry("dfs.datanode.socket.write.timeout", "20000"),
        Map.entry("dfs.client.socket-timeout", "20000"),
        // A lost DataNode is replaced when a spare exists; when none does (a small cluster), the
        // write goes on with the DataNodes left instead of failing the file.
        Map.entry("dfs.client.block.write.replace-datanode-on-failure.best-effort", "true"),
        // Object stores: fewer retries of a failing request (each backs off up to seconds).
        Map.entry("fs.s3a.retry.limit", "3"),
        Map.entry("fs.s3a.attempts.maximum", "3"));

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
