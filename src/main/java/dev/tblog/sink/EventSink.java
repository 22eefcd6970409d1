package dev.tblog.sink;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the framed records of one event file go: an append-only byte sink.
 *
 * <p>The local file is one implementation; distributed storage (HDFS, S3 through Hadoop's
 * FileSystem) is another behind the same four calls. Writes are whole records or batches of them,
 * so a sink never splits a record between two files.
 *
 * <p>Thread contract: consumer thread only; implementations need not be thread-safe.
 */
public interface EventSink extends AutoCloseable {
    /**
     * Appends all remaining bytes of {@code bytes}, advancing its position to its limit.
     *
     * @param bytes whole framed records
     * @throws IOException the storage failed; the logger then counts what it could not write as lost
     */
    void write(ByteBuffer bytes) throws IOException;

    /**
     * Forces what was written to durable storage (fsync).
     *
     * @throws IOException the storage failed
     */
    void force() throws IOException;

    /** {@return the bytes written so far} */
    long size();

    /** {@return a name for messages: the file's path or URI} */
    String describe();

    @Override
    void close() throws IOException;
}
