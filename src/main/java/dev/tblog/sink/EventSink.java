package dev.tblog.sink;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the framed records of one event file go: an append-only byte sink.
 *
 * <p>The local file is one implementation; Hadoop's FileSystem ({@link HadoopStorage}: HDFS, object
 * stores) is another behind the same calls. Writes are whole records or batches of them, so a sink
 * never splits a record between two files.
 *
 * <p>Two kinds of storage: where a file shows readers what was written before it is closed
 * ({@link #visibleBeforeClose()}: a local file after {@code write}, HDFS after {@link #flush()}),
 * and where a file appears only once closed, whole (object stores). The logger closes a file of
 * the second kind at each {@code flush()} and once it is {@code file.maxAgeMillis} old, and goes on
 * in a new one whose name sorts after it.
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
     * Makes what was written visible to readers of the file where the storage can do so in place
     * (HDFS: {@code hflush}, the data on every DataNode of the pipeline). The consumer calls it at
     * the end of each batch that wrote to this file, and at {@code flush()}. A local file's
     * {@code write} already did (the default does nothing); a file that is not
     * {@link #visibleBeforeClose()} does nothing either.
     *
     * @throws IOException the storage failed
     */
    default void flush() throws IOException {
    }

    /**
     * {@return whether readers see what was written before the file is closed (after
     * {@link #flush()})} The default, true, is right for local files and HDFS; false for object
     * stores, where a file becomes visible only when closed, and where {@link #flush()} and
     * {@link #force()} cannot help.
     */
    default boolean visibleBeforeClose() {
        return true;
    }

    /**
     * Forces what was written to durable storage (fsync; HDFS: {@code hsync}).
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
