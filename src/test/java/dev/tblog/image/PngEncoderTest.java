package dev.tblog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PngEncoderTest {

    static Stream<Arguments> levelsAndFilters() {
        List<Arguments> cases = new ArrayList<>();
        for (int level = 0; level <= 9; level++) {
            for (PngFilter filter : PngFilter.values()) {
                cases.add(Arguments.of(level, filter));
            }
        }
        return cases.stream();
    }

    /** Gradients, noise and flat areas, so each filter wins on some rows. */
    private static byte[] mixedContent(int width, int height, int channels, long seed) {
        Random random = new Random(seed);
        byte[] raster = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    int v = switch (y % 3) {
                        case 0 -> x * 7 + c * 50;           // horizontal gradient: Sub
                        case 1 -> random.nextInt(256);      // noise: None
                        default -> 100 + c;                 // flat: anything
                    };
                    raster[(y * width + x) * channels + c] = (byte) v;
                }
            }
        }
        return raster;
    }

    @ParameterizedTest(name = "level {0} {1}")
    @MethodSource("levelsAndFilters")
    void shouldRoundTripEveryLevelAndFilter(int level, PngFilter filter) {
        try (PngEncoder png = new PngEncoder(level, filter)) {
            for (int channels : new int[] {1, 3, 4}) {
                byte[] raster = mixedContent(37, 23, channels, level * 10L + channels);
                int length = png.encode(raster, 0, 37, 23, channels);
                Reference.Decoded d = Reference.decode(png.buffer(), length);
                assertThat(d.channels()).isEqualTo(channels);
                int[] expected = new int[raster.length];
                for (int i = 0; i < raster.length; i++) {
                    expected[i] = raster[i] & 0xFF;
                }
                assertThat(d.samples()).containsExactly(expected);
            }
        }
    }

    @Test
    void shouldWriteTheChunkLayoutWithValidCrcs() {
        try (PngEncoder png = new PngEncoder()) {
            int length = png.encode(new byte[] {1, 2, 3, 4, 5, 6}, 0, 2, 1, 3);
            byte[] b = png.buffer();
            assertThat(new String(b, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
            assertThat(new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            assertThat(b[25]).isEqualTo((byte) 2); // RGB
            int pos = 8;
            List<String> chunks = new ArrayList<>();
            while (pos < length) {
                int len = readInt(b, pos);
                String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
                CRC32 crc = new CRC32();
                crc.update(b, pos + 4, len + 4);
                assertThat(readInt(b, pos + 8 + len)).as("CRC of " + type).isEqualTo((int) crc.getValue());
                chunks.add(type);
                pos += 12 + len;
            }
            assertThat(pos).isEqualTo(length);
            assertThat(chunks).containsExactly("IHDR", "IDAT", "IEND");
        }
    }

    @Test
    void shouldReuseBuffersAcrossSizesAndOffsets() {
        try (PngEncoder png = new PngEncoder(6, PngFilter.ADAPTIVE)) {
            for (int size : new int[] {300, 1, 64, 2, 300}) {
                byte[] raster = mixedContent(size, size, 1, size);
                byte[] shifted = new byte[raster.length + 5];
                System.arraycopy(raster, 0, shifted, 5, raster.length);
                int length = png.encode(shifted, 5, size, size, 1);
                Reference.Decoded d = Reference.decode(png.buffer(), length); // buffer() after encode: it may grow
                assertThat(d.width()).isEqualTo(size);
                assertThat(d.samples()[d.samples().length - 1]).isEqualTo(raster[raster.length - 1] & 0xFF);
            }
        }
    }

    @Test
    void shouldRejectBadArguments() {
        assertThatThrownBy(() -> new PngEncoder(10, PngFilter.NONE)).hasMessageContaining("was 10");
        assertThatThrownBy(() -> new PngEncoder(-1, PngFilter.NONE)).hasMessageContaining("was -1");
        try (PngEncoder png = new PngEncoder()) {
            assertThatThrownBy(() -> png.encode(new byte[4], 0, 2, 1, 2)).hasMessageContaining("was 2");
            assertThatThrownBy(() -> png.encode(new byte[4], 0, 0, 1, 1)).hasMessageContaining("width=0");
            assertThatThrownBy(() -> png.encode(new byte[4], 1, 2, 2, 1))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void shouldStoreGrayInAThirdOfTheRawBytesOfRgb() {
        // Level 0 stores: the IDAT size is the raw scanline size, so gray is about a third of RGB.
        byte[] gray = mixedContent(100, 100, 1, 1);
        byte[] rgb = new byte[3 * gray.length];
        Channels.grayToRgb(gray, 0, rgb, 0, gray.length);
        try (PngEncoder png = new PngEncoder(0, PngFilter.NONE)) {
            int grayLength = png.encode(gray, 0, 100, 100, 1);
            int rgbLength = png.encode(rgb, 0, 100, 100, 3);
            assertThat(grayLength).isBetween(100 * 101, 100 * 101 + 200);
            assertThat(rgbLength).isBetween(100 * 301, 100 * 301 + 200);
            int[] decoded = Reference.decode(png.buffer(), rgbLength).samples();
            assertThat(decoded[3 * 150 + 2]).isEqualTo(gray[150] & 0xFF);
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
