package dev.tblog.record;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

class RecordDescriptorTest {
    @Test
    void shouldGiveTheStandardCheckValueAsCrc32cOfTheCheckString() {
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat((int) crc.getValue()).isEqualTo(0xE3069283);
    }

    @Test
    void shouldMatchTheFormatNotesCheckValueInTheMaskedCrc() {
        byte[] text = "CRC test, one two".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[2 + text.length];
        bytes[0] = 0x1a;
        bytes[1] = 0x11;
        System.arraycopy(text, 0, bytes, 2, text.length);
        assertThat(RecordDescriptor.maskedCrc(new CRC32C(), bytes, 0, bytes.length)).isEqualTo(0x5794d08a);
    }

    @Test
    void shouldRotateRightBy15AndAddTheDeltaInTheMask() {
        // mask(0) is the delta alone; mask(1) rotates the bit to position 17.
        assertThat(RecordDescriptor.mask(0)).isEqualTo(0xa282ead8);
        assertThat(RecordDescriptor.mask(1)).isEqualTo((1 << 17) + 0xa282ead8);
    }
}
