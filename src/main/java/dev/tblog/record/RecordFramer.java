package dev.tblog.record;

import io.netty.buffer.ByteBuf;

import java.util.zip.CRC32C;

/**
 * Frames records in place in a {@link ByteBuf}, as {@link RecordDescriptor} lays them out: the
 * caller writes the header, then the data, then asks for the footer, and the CRCs are computed over
 * the bytes already in the buffer, so the data are never copied.
 *
 * <p>Thread contract: not thread-safe; one framer per consumer thread (it owns a reusable CRC).
 */
public final class RecordFramer {
    private final CRC32C crc = new CRC32C();

    /**
     * Writes the length and its masked CRC at the buffer's writer index.
     *
     * @param dataLength the exact number of data bytes the caller writes next, at least 0
     * @return the writer index where the data start, to pass to {@link #writeFooter}
     */
    public int writeHeader(ByteBuf buf, int dataLength) {
        int start = buf.writerIndex();
        buf.writeLongLE(dataLength);
        buf.writeIntLE(RecordDescriptor.maskedCrc(crc, buf.internalNioBuffer(start, RecordDescriptor.LENGTH_BYTES)));
        return buf.writerIndex();
    }

    /**
     * Writes the masked CRC of the data written since {@link #writeHeader}.
     *
     * @throws IllegalStateException if the data written differ in length from the header's
     */
    public void writeFooter(ByteBuf buf, int dataStart, int dataLength) {
        int written = buf.writerIndex() - dataStart;
        if (written != dataLength) {
            throw new IllegalStateException("record data length mismatch: header says " + dataLength
                + " bytes, " + written + " were written");
        }
        buf.writeIntLE(RecordDescriptor.maskedCrc(crc, buf.internalNioBuffer(dataStart, dataLength)));
    }
}
