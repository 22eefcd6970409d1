package dev.tblog.pipeline;

import dev.tblog.sink.EventSink;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One open event file of a run: its sink, the pooled buffer that records are encoded into until
 * they are written, and the tags seen in it.
 *
 * <p>Thread contract: consumer thread only.
 */
final class RunFile {
    private final Path runDir;
    private EventSink sink;
    private final TagCache tags = new TagCache();
    private final int initialCapacity;
    private ByteBuf pending;
    private boolean closed;
    /** Bytes written to the sink since its last flush (hflush): whether one is due. */
    private boolean unflushed;
    /** When the current file was opened, and where its records past the first begin. */
    private long openedAtMillis;
    private long firstRecordEnd;

    RunFile(Path runDir, EventSink sink, int initialCapacity) {
        this.runDir = runDir;
        this.sink = sink;
        this.initialCapacity = initialCapacity;
        this.pending = Buffers.ALLOCATOR.directBuffer(initialCapacity);
    }

    Path runDir() {
        return runDir;
    }

    TagCache tags() {
        return tags;
    }

    /** The buffer to encode the next record into. */
    ByteBuf pending() {
        return pending;
    }

    long pendingBytes() {
        return pending.readableBytes();
    }

    /**
     * Writes the pending bytes to the sink and empties the buffer. A buffer that one large record
     * grew past four times its usual size is given back, so it does not pin memory.
     *
     * @return bytes written
     */
    long writePending() throws IOException {
        int length = pending.readableBytes();
        if (length == 0) {
            return 0;
        }
        sink.write(pending.internalNioBuffer(pending.readerIndex(), length));
        unflushed = true;
        pending.clear();
        if (pending.capacity() > 4 * initialCapacity) {
            pending.release();
            pending = Buffers.ALLOCATOR.directBuffer(initialCapacity);
        }
        return length;
    }

    /** Bytes in the current file so far. */
    long fileBytes() {
        return sink.size();
    }

    /**
     * Rotation: later records go to {@code next}; the caller closes the returned old sink. Call only
     * with nothing pending, so that no record is split between two files.
     */
    EventSink replaceSink(EventSink next) {
        if (pending.readableBytes() != 0) {
            throw new IllegalStateException("rotating " + sink.describe() + " with " + pending.readableBytes()
                + " bytes pending");
        }
        EventSink old = sink;
        sink = next;
        unflushed = false;
        return old;
    }

    /** Marks the current file as opened now, its first record (the file version) just written. */
    void startFile(long nowMillis) {
        openedAtMillis = nowMillis;
        firstRecordEnd = sink.size();
    }

    long openedAtMillis() {
        return openedAtMillis;
    }

    /** Whether the current file holds records past its first. */
    boolean holdsRecords() {
        return sink.size() > firstRecordEnd;
    }

    /** Whether readers see the current file's records before it is closed (see {@link EventSink#visibleBeforeClose()}). */
    boolean visibleBeforeClose() {
        return sink.visibleBeforeClose();
    }

    /** Makes what was written since the last call visible to readers ({@link EventSink#flush()}). */
    void flushWritten() throws IOException {
        if (unflushed) {
            unflushed = false;
            sink.flush();
        }
    }

    void force() throws IOException {
        sink.force();
    }

    /** Closes the sink and gives the buffer back; pending bytes must have been written first. */
    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        pending.release();
        sink.close();
    }
}
