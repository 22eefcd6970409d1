package dev.tblog.projector;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata file: labels a line each, or a header and tab-separated cells; UTF-8 for text that
 * is not ASCII, even when it starts as ASCII; files larger than the kept buffer; the buffer reused.
 */
class MetadataFileTest {
    private static String text(ByteBuffer bytes) {
        return new String(bytes.array(), bytes.position(), bytes.remaining(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteALabelPerLine() {
        assertThat(text(new MetadataFile().encode(null, new String[] {"vertical", "cross", "7"}, 3)))
            .isEqualTo("vertical\ncross\n7\n");
    }

    @Test
    void shouldWriteAHeaderAndCellsSeparatedByTabs() {
        assertThat(text(new MetadataFile().encode(new String[] {"pattern", "unit"}, new String[] {"dot", "1", "frame", "2"}, 2)))
            .isEqualTo("pattern\tunit\ndot\t1\nframe\t2\n");
    }

    @Test
    void shouldWriteTextThatTurnsNonAsciiHalfwayAsUtf8() {
        MetadataFile file = new MetadataFile();
        assertThat(text(file.encode(null, new String[] {"abcé", "温度", "µm x"}, 3))).isEqualTo("abcé\n温度\nµm x\n");
        assertThat(text(file.encode(null, new String[] {"plain"}, 1))).isEqualTo("plain\n");
    }

    @Test
    void shouldGrowPastItsBuffer() {
        String[] labels = new String[20_000];
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = "label-" + i + (i % 1000 == 0 ? "-é" : "");
            expected.append(labels[i]).append('\n');
        }
        assertThat(text(new MetadataFile().encode(null, labels, labels.length))).isEqualTo(expected.toString());
    }
}
