package dev.tblog.sink;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;

/**
 * An event file written through Hadoop's {@code FileSystem}, created exclusively (two writers never
 * share one). On storage whose streams can {@code hflush} (HDFS), {@link #flush()} is
 * {@code hflush} and {@link #force()} {@code hsync}; elsewhere (object stores) the file shows only
 * once closed, whole: {@link #visibleBeforeClose()} is false, and the logger closes it to publish.
 *
 * <p>Every failure is an {@link IOException}: Hadoop's unchecked ones are wrapped, so that the
 * logger's failure model (the storage failed: counted, reported, never a dead consumer) applies.
 *
 * <p>Thread contract: consumer thread only.
 */
final class HadoopSink implements EventSink {
    /** Bytes copied out of a direct buffer at a time (the stream takes arrays only). */
    private static final int CHUNK_BYTES = 64 * 1024;

    private final String uri;
    private final FSDataOutputStream out;
    private final boolean hflush;
    private final boolean hsync;
    private byte[] chunk;
    private long size;

    private HadoopSink(String uri, FSDataOutputStream out) {
        this.uri = uri;
        this.out = out;
        this.hflush = out.hasCapability("hflush");
        this.hsync = out.hasCapability("hsync");
    }

    /**
     * Creates a file that must not exist (and its folders).
     *
     * @throws FileAlreadyExistsException the file exists
     */
    static HadoopSink create(FileSystem fs, org.apache.hadoop.fs.Path file) throws IOException {
        String uri = fs.makeQualified(file).toString();
        try {
            return new HadoopSink(uri, fs.create(file, false));
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            FileAlreadyExistsException exists = new FileAlreadyExistsException(uri);
            exists.initCause(e);
            throw exists;
        } catch (RuntimeException e) {
            throw new IOException("cannot create " + uri + ": " + e, e);
        }
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        try {
            if (bytes.hasArray()) {
                out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), length);
                bytes.position(bytes.limit());
            } else {
                if (chunk == null) {
                    chunk = new byte[CHUNK_BYTES];
                }
                while (bytes.hasRemaining()) {
                    int n = Math.min(chunk.length, bytes.remaining());
                    bytes.get(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot write " + uri + ": " + e, e);
        }
        size += length;
    }

    @Override
    public void flush() throws IOException {
        if (hflush) {
            try {
                out.hflush();
            } catch (RuntimeException e) {
                throw new IOException("cannot hflush " + uri + ": " + e, e);
            }
        }
    }

    @Override
    public boolean visibleBeforeClose() {
        return hflush;
    }

    @Override
    public void force() throws IOException {
        try {
            if (hsync) {
                out.hsync();
            } else if (hflush) {
                out.hflush();
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot hsync " + uri + ": " + e, e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String describe() {
        return uri;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (RuntimeException e) {
            throw new IOException("cannot close " + uri + ": " + e, e);
        }
    }
}
