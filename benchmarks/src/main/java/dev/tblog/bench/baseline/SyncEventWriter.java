package dev.tblog.bench.baseline;

import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.record.RecordDescriptor;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The baseline: the design everyone writes first. Each call builds the generated protobuf message
 * on the caller's thread, frames it, and writes it to a (buffered) FileOutputStream under a lock.
 * Buffering makes it a fair baseline: unbuffered, every event would be a system call.
 *
 * <p>Thread contract: any thread; every call takes the lock.
 */
public final class SyncEventWriter implements AutoCloseable {
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer header = ByteBuffer.allocate(RecordDescriptor.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer footer = ByteBuffer.allocate(RecordDescriptor.CRC_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    public SyncEventWriter(Path file) throws IOException {
        this.out = new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 16);
        writeEvent(Event.newBuilder().setWallTime(System.currentTimeMillis() / 1000.0)
            .setFileVersion("brain.Event:2").build());
    }

    public synchronized void addScalar(String tag, double value, long step) throws IOException {
        Event event = Event.newBuilder()
            .setWallTime(System.currentTimeMillis() / 1000.0)
            .setStep(step)
            .setSummary(Summary.newBuilder().addValue(
                Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value)))
            .build();
        writeEvent(event);
    }

    public synchronized void flush() throws IOException {
        out.flush();
    }

    private void writeEvent(Event event) throws IOException {
        byte[] data = event.toByteArray();
        header.clear();
        header.putLong(data.length);
        header.putInt(RecordDescriptor.maskedCrc(crc, header.array(), 0, RecordDescriptor.LENGTH_BYTES));
        out.write(header.array());
        out.write(data);
        footer.clear();
        footer.putInt(RecordDescriptor.maskedCrc(crc, data, 0, data.length));
        out.write(footer.array());
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
