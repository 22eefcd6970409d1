package dev.tblog.encode;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.tblog.proto.Event;
import dev.tblog.proto.SourceMetadata;
import dev.tblog.proto.Summary;
import dev.tblog.record.RecordDescriptor;
import dev.tblog.record.RecordFramer;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes Events as framed TFRecords straight into a {@link ByteBuf}, with protobuf's
 * {@link CodedOutputStream} over the buffer's own direct memory ({@code newInstance(ByteBuffer)},
 * protobuf's encoder for direct buffers: no heap stage, no adapter stream). Sizes are computed first
 * (protobuf nests length prefixes, and the stream gets exactly the record's data bytes), then the
 * record header, the Event's fields in field-number order, and the data CRC.
 *
 * <pre>
 * Event   { wall_time=1 double, step=2 int64 (omitted when 0), summary=5 Summary | file_version=3 | graph_def=4 bytes,
 *           source_metadata=10 { writer=1 } }
 * Summary { value=1 Value { tag=1, simple_value=2 float | image=4 | histo=5 | tensor=8, metadata=9 } }
 * </pre>
 * The field numbers are the generated classes' {@code *_FIELD_NUMBER} constants, as in every body.
 *
 * <p>Scalars do not come here: {@link ScalarEventEncoder} writes them into the buffer's
 * memory. This encoder serves the first record of a file and the values of the other kinds.
 *
 * <p>Thread contract: not thread-safe; one encoder per consumer thread.
 */
public final class EventEncoder {
    private static final int WALL_TIME_FIELD = Event.WALL_TIME_FIELD_NUMBER;
    private static final int STEP_FIELD = Event.STEP_FIELD_NUMBER;
    private static final int FILE_VERSION_FIELD = Event.FILE_VERSION_FIELD_NUMBER;
    private static final int SUMMARY_FIELD = Event.SUMMARY_FIELD_NUMBER;
    private static final int SOURCE_METADATA_FIELD = Event.SOURCE_METADATA_FIELD_NUMBER;
    private static final int WRITER_FIELD = SourceMetadata.WRITER_FIELD_NUMBER;
    private static final int SUMMARY_VALUE_FIELD = Summary.VALUE_FIELD_NUMBER;
    private static final int TAG_FIELD = Summary.Value.TAG_FIELD_NUMBER;
    private static final int METADATA_FIELD = Summary.Value.METADATA_FIELD_NUMBER;

    /** TensorBoard's version string for the first record of a file. */
    public static final String FILE_VERSION = "brain.Event:2";

    private final RecordFramer framer = new RecordFramer();
    /** The stream over the record being written: over the buffer's own memory, one per record. */
    private CodedOutputStream out;

    /**
     * The first record of a file: wall time and file version, and the writer's name when not null.
     */
    public void fileVersion(ByteBuf buf, double wallTime, String writer) throws IOException {
        byte[] writerUtf8 = writer == null ? null : writer.getBytes(StandardCharsets.UTF_8);
        int size = CodedOutputStream.computeDoubleSize(WALL_TIME_FIELD, wallTime)
            + CodedOutputStream.computeStringSize(FILE_VERSION_FIELD, FILE_VERSION);
        int sourceSize = writerUtf8 == null ? 0 : CodedOutputStream.computeByteArraySize(WRITER_FIELD, writerUtf8);
        if (writerUtf8 != null) {
            size += CodedOutputStream.computeTagSize(SOURCE_METADATA_FIELD)
                + CodedOutputStream.computeUInt32SizeNoTag(sourceSize) + sourceSize;
        }
        int recordStart = buf.writerIndex();
        int start = begin(buf, size);
        try {
            out.writeDouble(WALL_TIME_FIELD, wallTime);
            out.writeString(FILE_VERSION_FIELD, FILE_VERSION);
            if (writerUtf8 != null) {
                out.writeTag(SOURCE_METADATA_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(sourceSize);
                out.writeByteArray(WRITER_FIELD, writerUtf8);
            }
            end(buf, start, size);
        } catch (CodedOutputStream.OutOfSpaceException e) {
            abandon(buf, recordStart);
            throw new IllegalStateException("record data length mismatch: more than the " + size
                + " bytes declared were written", e);
        } catch (IOException | RuntimeException e) {
            abandon(buf, recordStart);
            throw e;
        }
    }

    /**
     * One event holding one summary value with the given body.
     *
     * @param metadata serialized {@code SummaryMetadata}, or {@code null}
     */
    public void summaryValue(ByteBuf buf, double wallTime, long step, byte[] tagUtf8, byte[] metadata,
                             SummaryBody body) throws IOException {
        int valueSize = CodedOutputStream.computeByteArraySize(TAG_FIELD, tagUtf8) + body.serializedSize()
            + (metadata == null ? 0 : CodedOutputStream.computeByteArraySize(METADATA_FIELD, metadata));
        int summarySize = nestedSize(SUMMARY_VALUE_FIELD, valueSize);
        int size = headSize(wallTime, step) + nestedSize(SUMMARY_FIELD, summarySize);
        int recordStart = buf.writerIndex();
        int start = begin(buf, size);
        try {
            writeHead(wallTime, step);
            openNested(SUMMARY_FIELD, summarySize);
            openNested(SUMMARY_VALUE_FIELD, valueSize);
            out.writeByteArray(TAG_FIELD, tagUtf8);
            body.writeTo(out);
            if (metadata != null) {
                out.writeByteArray(METADATA_FIELD, metadata);
            }
            end(buf, start, size);
        } catch (CodedOutputStream.OutOfSpaceException e) {
            abandon(buf, recordStart);
            throw new IllegalStateException("record data length mismatch: more than the " + size
                + " bytes declared were written", e);
        } catch (IOException | RuntimeException e) {
            abandon(buf, recordStart);
            throw e;
        }
    }

    /**
     * One event holding a length-delimited top-level field other than the summary, e.g. the run
     * graph: {@code Event { wall_time, step, graph_def=4 bytes }}.
     *
     * @param field the Event's field number, e.g. {@code Event.GRAPH_DEF_FIELD_NUMBER}
     * @param value the field's bytes, written as they are
     */
    public void eventBytes(ByteBuf buf, double wallTime, long step, int field, byte[] value) throws IOException {
        int size = headSize(wallTime, step) + CodedOutputStream.computeByteArraySize(field, value);
        int recordStart = buf.writerIndex();
        int start = begin(buf, size);
        try {
            writeHead(wallTime, step);
            out.writeByteArray(field, value);
            end(buf, start, size);
        } catch (IOException | RuntimeException e) {
            abandon(buf, recordStart);
            throw e;
        }
    }

    /**
     * A body that failed or lied about its size: drops the partial record, so the next one starts
     * clean. Writing past the record's space is the body's fault, not the storage's: the callers turn
     * it into an {@link IllegalStateException}, which skips the event instead of failing the logger.
     */
    private void abandon(ByteBuf buf, int recordStart) {
        buf.writerIndex(recordStart);
        out = null;
    }

    private static int headSize(double wallTime, long step) {
        return CodedOutputStream.computeDoubleSize(WALL_TIME_FIELD, wallTime)
            + (step == 0 ? 0 : CodedOutputStream.computeInt64Size(STEP_FIELD, step));
    }

    private void writeHead(double wallTime, long step) throws IOException {
        out.writeDouble(WALL_TIME_FIELD, wallTime);
        if (step != 0) {
            out.writeInt64(STEP_FIELD, step);
        }
    }

    /** Size of a length-delimited field holding {@code contentSize} bytes. */
    public static int nestedSize(int field, int contentSize) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(contentSize)
            + contentSize;
    }

    private void openNested(int field, int contentSize) throws IOException {
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(contentSize);
    }

    /**
     * Makes room for the whole record, writes its header, and opens the stream over the data's
     * bytes of the buffer's memory: protobuf's encoder for direct buffers writes there without a
     * heap stage in between.
     */
    private int begin(ByteBuf buf, int dataLength) {
        buf.ensureWritable(dataLength + RecordDescriptor.OVERHEAD_BYTES);
        int dataStart = framer.writeHeader(buf, dataLength);
        out = CodedOutputStream.newInstance(buf.internalNioBuffer(dataStart, dataLength));
        return dataStart;
    }

    private void end(ByteBuf buf, int dataStart, int dataLength) throws IOException {
        out.flush();
        int written = dataLength - out.spaceLeft();
        out = null;
        buf.writerIndex(dataStart + written);
        framer.writeFooter(buf, dataStart, dataLength);
    }
}
