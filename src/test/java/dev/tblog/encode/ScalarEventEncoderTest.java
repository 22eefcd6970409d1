package dev.tblog.encode;

import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import dev.tblog.record.RecordDescriptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scalar records written straight into direct memory: the golden record of the format notes byte
 * for byte, and for any tags, steps, values and number of values, exactly the bytes protobuf's
 * generated classes serialize for the same Event, framed with both CRCs.
 */
class ScalarEventEncoderTest {
    private static final String SCALAR_RECORD =
        "1700000000000000 e7cef81e 0900004040fc54d94110032a0a0a080a0161150000803f 4fc2f68a";

    private final ScalarEventEncoder encoder = new ScalarEventEncoder();

    @Test
    void shouldWriteTheGoldenScalarRecord() {
        ByteBuf buf = Unpooled.directBuffer();
        encoder.write(buf, 1700000001.0, 3, tag("a"), 1.0f);
        assertThat(ByteBufUtil.hexDump(buf)).isEqualTo(SCALAR_RECORD.replace(" ", ""));
        buf.release();
    }

    @Test
    void shouldWriteOneEventWithEveryValueOfAStepInOrder() throws Exception {
        ByteBuf buf = Unpooled.directBuffer();
        ScalarTag[] tags = {tag("loss"), tag("accuracy"), tag("loss/train ü")};
        encoder.write(buf, 1234.5, 42, i -> tags[i], new float[] {0.5f, 0.25f, Float.NaN}, 3);
        Event event = Event.parseFrom(data(buf, 0));
        assertThat(event.getWallTime()).isEqualTo(1234.5);
        assertThat(event.getStep()).isEqualTo(42);
        assertThat(event.getSummary().getValueList()).extracting(Summary.Value::getTag)
            .containsExactly("loss", "accuracy", "loss/train ü");
        assertThat(event.getSummary().getValue(2).getSimpleValue()).isNaN();
        buf.release();
    }

    @Test
    void shouldAppendRecordsBehindEachOtherInAPooledBufferThatGrows() throws Exception {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        ScalarTag tag = tag("x".repeat(300)); // lengths of two varint bytes
        for (int i = 0; i < 100; i++) {
            encoder.write(buf, i, i - 50, tag, i);
        }
        int offset = 0;
        for (int i = 0; i < 100; i++) {
            Event e = Event.parseFrom(data(buf, offset));
            assertThat(e.getStep()).isEqualTo(i - 50);
            assertThat(e.getSummary().getValue(0).getSimpleValue()).isEqualTo(i);
            offset += recordLength(buf, offset);
        }
        assertThat(offset).isEqualTo(buf.writerIndex());
        buf.release();
    }

    @Property(tries = 300)
    void shouldWriteTheBytesTheGeneratedClassesSerialize(
        @ForAll @Size(min = 1, max = 20) List<@StringLength(min = 1, max = 200) String> tags,
        @ForAll long step, @ForAll double wallTime, @ForAll float value,
        @ForAll @IntRange(min = 0, max = 7) int skip) {
        // tblog always writes the wall time; proto3 leaves out a (never logged) +0.0.
        Assume.that(Double.doubleToRawLongBits(wallTime) != 0);
        ScalarTag[] scalarTags = new ScalarTag[tags.size() + skip];
        float[] values = new float[scalarTags.length];
        Summary.Builder summary = Summary.newBuilder();
        for (int i = 0; i < tags.size(); i++) {
            scalarTags[i] = tag(tags.get(i));
            values[i] = value * i;
            summary.addValue(Summary.Value.newBuilder().setTag(tags.get(i)).setSimpleValue(values[i]));
        }
        byte[] expected = Event.newBuilder().setWallTime(wallTime).setStep(step).setSummary(summary).build()
            .toByteArray();

        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(8);
        ByteBuf single = Unpooled.directBuffer();
        try {
            buf.writeByte(7); // records start anywhere in a buffer
            encoder.write(buf, wallTime, step, i -> scalarTags[i], values, tags.size());
            assertThat(data(buf, 1)).isEqualTo(expected);
            assertThat(buf.writerIndex()).isEqualTo(1 + expected.length + RecordDescriptor.OVERHEAD_BYTES);
            if (tags.size() == 1) {
                encoder.write(single, wallTime, step, scalarTags[0], values[0]);
                assertThat(data(single, 0)).isEqualTo(expected);
            }
        } finally {
            buf.release();
            single.release();
        }
    }

    private static ScalarTag tag(String tag) {
        return new ScalarTag(tag.getBytes(StandardCharsets.UTF_8));
    }

    private static int recordLength(ByteBuf buf, int offset) {
        return (int) buf.getLongLE(offset) + RecordDescriptor.OVERHEAD_BYTES;
    }

    /** The data of the record at {@code offset}, checking both CRCs with an independent computation. */
    private static byte[] data(ByteBuf buf, int offset) {
        byte[] header = new byte[RecordDescriptor.LENGTH_BYTES];
        buf.getBytes(offset, header);
        assertThat(buf.getIntLE(offset + RecordDescriptor.LENGTH_BYTES))
            .as("length CRC").isEqualTo(RecordDescriptor.maskedCrc(new CRC32C(), header, 0, header.length));
        int length = (int) buf.getLongLE(offset);
        byte[] data = new byte[length];
        buf.getBytes(offset + RecordDescriptor.HEADER_BYTES, data);
        assertThat(buf.getIntLE(offset + RecordDescriptor.HEADER_BYTES + length))
            .as("data CRC").isEqualTo(RecordDescriptor.maskedCrc(new CRC32C(), data, 0, length));
        return data;
    }
}
