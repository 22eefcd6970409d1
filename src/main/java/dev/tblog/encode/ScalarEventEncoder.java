package dev.tblog.encode;

import dev.tblog.proto.Event;
import dev.tblog.record.RecordDescriptor;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Scalar events written straight into the direct memory of a {@link ByteBuf}: one framed record
 * holding one or more scalar values of one wall time and step, each value the tag's constant bytes
 * ({@link ScalarTag}) with the float patched in, both masked CRC32Cs computed over the buffer's
 * memory ({@link CRC32C#update(ByteBuffer)}, intrinsified for direct buffers). No stream, no staging
 * array, one bounds and reference-count check per record (taking the buffer's memory view), none per
 * byte.
 * <pre>
 *   u64 n | u32 mask(crc(n)) | 09 wall_time (f64) | [10 varint(step)] | 2a varint(S) | value... | u32 mask(crc(data))
 *                            |&lt;------------------------------ data: n bytes ------------------------&gt;|
 *   value = ScalarTag prefix + f32; S = sum of the values' sizes; step omitted when 0 (proto3)
 * </pre>
 * Several values in one record are one Event whose Summary holds several values (the field is
 * repeated): what TensorBoard reads as the same points at the same step and wall time.
 *
 * <p>Thread contract: not thread-safe; one per consumer thread (it owns a reusable CRC).
 */
public final class ScalarEventEncoder {
    private static final int WALL_TIME_KEY = Varints.fixed64Key(Event.WALL_TIME_FIELD_NUMBER);
    private static final int STEP_KEY = Varints.varintKey(Event.STEP_FIELD_NUMBER);
    private static final int SUMMARY_KEY = Varints.lengthDelimitedKey(Event.SUMMARY_FIELD_NUMBER);
    /** Data lengths whose length CRC is cached: every scalar event of up to ~100 values of short tags. */
    private static final int CACHED_LENGTHS = 2048;
    private static final long KNOWN = 1L << 32;

    private final CRC32C crc = new CRC32C();
    /** Masked CRC of each data length's 8 bytes, or'ed with KNOWN once computed; 0 while unknown. */
    private final long[] lengthCrcs = new long[CACHED_LENGTHS];

    /** Appends a record of one scalar. */
    public void write(ByteBuf buf, double wallTime, long step, ScalarTag tag, float value) {
        int dataLength = headSize(step, tag.fieldSize()) + tag.fieldSize();
        ByteBuffer out = begin(buf, dataLength);
        int dataStart = out.position();
        int at = putHead(out, dataStart, wallTime, step, tag.fieldSize());
        at = tag.put(out, at, value);
        end(buf, out, dataStart, at);
    }

    /**
     * The tags of a record's values, by position. A coalesced group keeps its tags as indices rather
     * than references (see the pipeline's {@code ScalarGroup}) and answers through this.
     *
     * <p>Thread contract: as its implementation; the encoder calls it on its own thread only.
     */
    @FunctionalInterface
    public interface Tags {
        /** The tag of value {@code i}. */
        ScalarTag tag(int i);
    }

    /** Appends a record of the first {@code count} values, in order: one Event, one Summary. */
    public void write(ByteBuf buf, double wallTime, long step, Tags tags, float[] values, int count) {
        int summarySize = 0;
        for (int i = 0; i < count; i++) {
            summarySize += tags.tag(i).fieldSize();
        }
        int dataLength = headSize(step, summarySize) + summarySize;
        ByteBuffer out = begin(buf, dataLength);
        int dataStart = out.position();
        int at = putHead(out, dataStart, wallTime, step, summarySize);
        for (int i = 0; i < count; i++) {
            at = tags.tag(i).put(out, at, values[i]);
        }
        end(buf, out, dataStart, at);
    }

    /** Data bytes before the summary's values: wall time, step, the summary's key and length. */
    private static int headSize(long step, int summarySize) {
        return 1 + Double.BYTES + (step == 0 ? 0 : 1 + Varints.size(step)) + 1 + Varints.size(summarySize);
    }

    private static int putHead(ByteBuffer out, int at, double wallTime, long step, int summarySize) {
        out.put(at, (byte) WALL_TIME_KEY);
        out.putDouble(at + 1, wallTime);
        at += 1 + Double.BYTES;
        if (step != 0) {
            out.put(at, (byte) STEP_KEY);
            at = Varints.put(out, at + 1, step);
        }
        out.put(at, (byte) SUMMARY_KEY);
        return Varints.put(out, at + 1, summarySize);
    }

    /**
     * Makes room for the record, writes its header and returns the memory view of the record with
     * its position at the data.
     */
    private ByteBuffer begin(ByteBuf buf, int dataLength) {
        int recordLength = dataLength + RecordDescriptor.OVERHEAD_BYTES;
        buf.ensureWritable(recordLength);
        ByteBuffer out = buf.internalNioBuffer(buf.writerIndex(), recordLength).order(ByteOrder.LITTLE_ENDIAN);
        int start = out.position();
        out.putLong(start, dataLength);
        out.putInt(start + RecordDescriptor.LENGTH_BYTES, lengthCrc(out, start, dataLength));
        out.position(start + RecordDescriptor.HEADER_BYTES);
        return out;
    }

    /** The data CRC over the memory just written, then the record is the buffer's. */
    private void end(ByteBuf buf, ByteBuffer out, int dataStart, int dataEnd) {
        int limit = out.limit();
        out.limit(dataEnd);
        crc.reset();
        crc.update(out); // from dataStart (the position) to dataEnd
        out.limit(limit);
        out.putInt(dataEnd, RecordDescriptor.mask((int) crc.getValue()));
        buf.writerIndex(buf.writerIndex() + (dataEnd - dataStart) + RecordDescriptor.OVERHEAD_BYTES);
    }

    /** The masked CRC of the length field just written at {@code start}; cached for short records. */
    private int lengthCrc(ByteBuffer out, int start, int dataLength) {
        if (dataLength < CACHED_LENGTHS) {
            long cached = lengthCrcs[dataLength];
            if (cached != 0) {
                return (int) cached;
            }
        }
        out.limit(start + RecordDescriptor.LENGTH_BYTES).position(start);
        crc.reset();
        crc.update(out);
        out.limit(start + RecordDescriptor.OVERHEAD_BYTES + dataLength);
        int masked = RecordDescriptor.mask((int) crc.getValue());
        if (dataLength < CACHED_LENGTHS) {
            lengthCrcs[dataLength] = KNOWN | (masked & 0xffffffffL);
        }
        return masked;
    }
}
