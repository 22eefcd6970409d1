package dev.tblog.encode;

import dev.tblog.proto.Event;
import dev.tblog.record.RecordDescriptor;
import io.netty.buffer.ByteBuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Scalar events, one framed record each, holding one or more scalar values of one wall time and
 * step: each value the tag's constant bytes ({@link ScalarTag}) with the float patched in. A record
 * is put together in a reusable array (an {@code arraycopy} per value, byte-array views for the
 * numbers), both masked CRC32Cs are computed over it (intrinsified), and it is copied into the
 * {@link ByteBuf} whole: one bounds and reference-count check per record, none per byte or value. The
 * first version wrote each value straight into the buffer's direct memory; a bulk put of a tag's
 * 10-20 bytes into direct memory costs more than the whole record's one copy (ConsumerPathBenchmark,
 * 8-12 % less consumer CPU per scalar this way, measured both ways on the dev VM). An event whose
 * tags recur step after step is written from a {@link SummaryTemplate}: its Summary's bytes in one
 * copy, the floats patched in (8 tags per step: the consumer alone 28-33 ns per scalar against
 * 38-45 value by value, 3 interleaved pairs on the dev VM).
 * <pre>
 *   u64 n | u32 mask(crc(n)) | 09 wall_time (f64) | [10 varint(step)] | 2a varint(S) | value... | u32 mask(crc(data))
 *                            |&lt;------------------------------ data: n bytes ------------------------&gt;|
 *   value = ScalarTag prefix + f32; S = sum of the values' sizes; step omitted when 0 (proto3)
 * </pre>
 * Several values in one record are one Event whose Summary holds several values (the field is
 * repeated): what TensorBoard reads as the same points at the same step and wall time.
 *
 * <p>Thread contract: not thread-safe; one per consumer thread (it owns a reusable CRC and array).
 */
public final class ScalarEventEncoder {
    private static final int WALL_TIME_KEY = Varints.fixed64Key(Event.WALL_TIME_FIELD_NUMBER);
    private static final int STEP_KEY = Varints.varintKey(Event.STEP_FIELD_NUMBER);
    private static final int SUMMARY_KEY = Varints.lengthDelimitedKey(Event.SUMMARY_FIELD_NUMBER);
    /** Data lengths whose length CRC is cached: every scalar event of up to ~100 values of short tags. */
    private static final int CACHED_LENGTHS = 2048;
    private static final long KNOWN = 1L << 32;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final CRC32C crc = new CRC32C();
    /** Each record is put together here, then copied into the buffer whole. */
    private byte[] scratch = new byte[1024];
    /** Masked CRC of each data length's 8 bytes, or'ed with KNOWN once computed; 0 while unknown. */
    private final long[] lengthCrcs = new long[CACHED_LENGTHS];

    /** Appends a record of one scalar. */
    public void write(ByteBuf buf, double wallTime, long step, ScalarTag tag, float value) {
        int summarySize = tag.fieldSize();
        int dataLength = headSize(step, summarySize) + summarySize;
        byte[] r = record(dataLength);
        int at = putHead(r, RecordDescriptor.HEADER_BYTES, wallTime, step, summarySize);
        at = tag.put(r, at, value);
        end(buf, r, dataLength);
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
        int summarySize = summarySize(tags, count);
        int dataLength = headSize(step, summarySize) + summarySize;
        byte[] r = record(dataLength);
        int at = putHead(r, RecordDescriptor.HEADER_BYTES, wallTime, step, summarySize);
        for (int i = 0; i < count; i++) {
            at = tags.tag(i).put(r, at, values[i]);
        }
        end(buf, r, dataLength);
    }

    /**
     * Appends a record of {@code template}'s values: one Event, one Summary, the floats in the order
     * of the template's keys.
     */
    public void write(ByteBuf buf, double wallTime, long step, SummaryTemplate template, float[] values) {
        int summarySize = template.size();
        int dataLength = headSize(step, summarySize) + summarySize;
        byte[] r = record(dataLength);
        int at = putHead(r, RecordDescriptor.HEADER_BYTES, wallTime, step, summarySize);
        template.put(r, at, values);
        end(buf, r, dataLength);
    }

    /** Bytes of a Summary of the first {@code count} values of {@code tags}. */
    static int summarySize(Tags tags, int count) {
        int size = 0;
        for (int i = 0; i < count; i++) {
            size += tags.tag(i).fieldSize();
        }
        return size;
    }

    /** The scratch array for a record of {@code dataLength} data bytes, its length and length CRC written. */
    private byte[] record(int dataLength) {
        int recordLength = dataLength + RecordDescriptor.OVERHEAD_BYTES;
        byte[] r = scratch;
        if (r.length < recordLength) {
            r = new byte[Math.max(recordLength, 2 * r.length)];
            scratch = r;
        }
        LONG.set(r, 0, (long) dataLength);
        INT.set(r, RecordDescriptor.LENGTH_BYTES, lengthCrc(r, dataLength));
        return r;
    }

    private static int putHead(byte[] r, int at, double wallTime, long step, int summarySize) {
        r[at] = (byte) WALL_TIME_KEY;
        DOUBLE.set(r, at + 1, wallTime);
        at += 1 + Double.BYTES;
        if (step != 0) {
            r[at] = (byte) STEP_KEY;
            at = Varints.put(r, at + 1, step);
        }
        r[at] = (byte) SUMMARY_KEY;
        return Varints.put(r, at + 1, summarySize);
    }

    /** The data CRC, then the whole record into the buffer with one copy. */
    private void end(ByteBuf buf, byte[] r, int dataLength) {
        crc.reset();
        crc.update(r, RecordDescriptor.HEADER_BYTES, dataLength);
        INT.set(r, RecordDescriptor.HEADER_BYTES + dataLength, RecordDescriptor.mask((int) crc.getValue()));
        buf.writeBytes(r, 0, dataLength + RecordDescriptor.OVERHEAD_BYTES);
    }

    /** The masked CRC of the length field just written; cached for short records. */
    private int lengthCrc(byte[] r, int dataLength) {
        if (dataLength < CACHED_LENGTHS) {
            long cached = lengthCrcs[dataLength];
            if (cached != 0) {
                return (int) cached;
            }
        }
        crc.reset();
        crc.update(r, 0, RecordDescriptor.LENGTH_BYTES);
        int masked = RecordDescriptor.mask((int) crc.getValue());
        if (dataLength < CACHED_LENGTHS) {
            lengthCrcs[dataLength] = KNOWN | (masked & 0xffffffffL);
        }
        return masked;
    }

    /** Data bytes before the summary's values: wall time, step, the summary's key and length. */
    private static int headSize(long step, int summarySize) {
        return 1 + Double.BYTES + (step == 0 ? 0 : 1 + Varints.size(step)) + 1 + Varints.size(summarySize);
    }
}
