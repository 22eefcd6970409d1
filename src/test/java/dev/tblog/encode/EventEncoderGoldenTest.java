package dev.tblog.encode;

import dev.tblog.proto.Event;
import dev.tblog.record.RecordDescriptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden file_version record of the format notes, byte for byte; summary values decoded by the generated classes. */
class EventEncoderGoldenTest {
    private static final String FILE_VERSION_RECORD =
        "1800000000000000 a37f4b22 0900000040fc54d941 1a0d627261696e2e4576656e743a32 eced8f9d";

    private final EventEncoder encoder = new EventEncoder();

    /** simple_value 1.0 as a body. */
    private static final SummaryBody SIMPLE_ONE = new SummaryBody() {
        @Override
        public int serializedSize() {
            return com.google.protobuf.CodedOutputStream.computeFloatSize(2, 1f);
        }

        @Override
        public void writeTo(com.google.protobuf.CodedOutputStream out) throws java.io.IOException {
            out.writeFloat(2, 1f);
        }
    };

    @Test
    void shouldWriteTheGoldenFileVersionRecord() throws Exception {
        ByteBuf buf = Unpooled.directBuffer();
        encoder.fileVersion(buf, 1700000000.0, null);
        assertThat(ByteBufUtil.hexDump(buf)).isEqualTo(FILE_VERSION_RECORD.replace(" ", ""));
        buf.release();
    }

    @Test
    void shouldCarrySourceMetadataInAFileVersionWithAWriter() throws Exception {
        ByteBuf buf = Unpooled.directBuffer();
        encoder.fileVersion(buf, 5.0, "tblog");
        Event event = Event.parseFrom(data(buf));
        assertThat(event.getFileVersion()).isEqualTo("brain.Event:2");
        assertThat(event.getSourceMetadata().getWriter()).isEqualTo("tblog");
        buf.release();
    }

    @Test
    void shouldLeaveNoPartialRecordWhenABodyFails() throws Exception {
        ByteBuf buf = Unpooled.directBuffer();
        encoder.summaryValue(buf, 1.0, 1, new byte[] {'x'}, null, SIMPLE_ONE);
        int sound = buf.writerIndex();
        SummaryBody liar = new SummaryBody() {
            @Override
            public int serializedSize() {
                return 3;
            }

            @Override
            public void writeTo(com.google.protobuf.CodedOutputStream out) throws java.io.IOException {
                out.writeBytes(4, com.google.protobuf.ByteString.copyFromUtf8("much longer than three"));
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> encoder.summaryValue(buf, 2.0, 2, new byte[] {'y'}, null, liar))
            .isInstanceOf(IllegalStateException.class);
        assertThat(buf.writerIndex()).isEqualTo(sound);
        encoder.summaryValue(buf, 3.0, 3, new byte[] {'z'}, null, SIMPLE_ONE);
        buf.skipBytes(sound);
        Event next = Event.parseFrom(data(buf));
        assertThat(next.getSummary().getValue(0).getTag()).isEqualTo("z");
        buf.release();
    }

    @Test
    void shouldLeaveNoPartialRecordWhenABodyWritesLessThanItDeclared() throws Exception {
        ByteBuf buf = Unpooled.directBuffer();
        SummaryBody shortBody = new SummaryBody() {
            @Override
            public int serializedSize() {
                return 30;
            }

            @Override
            public void writeTo(com.google.protobuf.CodedOutputStream out) throws java.io.IOException {
                out.writeFloat(2, 1f);
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> encoder.summaryValue(buf, 2.0, 2, new byte[] {'y'}, null, shortBody))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("length mismatch");
        assertThat(buf.writerIndex()).isZero();
        encoder.summaryValue(buf, 3.0, 3, new byte[] {'z'}, null, SIMPLE_ONE);
        assertThat(Event.parseFrom(data(buf)).getSummary().getValue(0).getTag()).isEqualTo("z");
        buf.release();
    }

    /** The data of the first record in the buffer, checking its framing. */
    private static byte[] data(ByteBuf buf) {
        ByteBuf view = buf.duplicate();
        long length = view.readLongLE();
        view.skipBytes(RecordDescriptor.CRC_BYTES);
        byte[] data = new byte[(int) length];
        view.readBytes(data);
        assertThat(view.readIntLE())
            .isEqualTo(RecordDescriptor.maskedCrc(new java.util.zip.CRC32C(), data, 0, data.length));
        return data;
    }
}
