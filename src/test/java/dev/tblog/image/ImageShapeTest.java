package dev.tblog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageShapeTest {

    @Test
    void shouldNameBothCountsWhenArrayLengthDoesNotMatch() {
        assertThatThrownBy(() -> ImageShape.validate(299, 3, 10, 10, 1, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image shape 3x10x10x1 needs 300 values, array has 299");
    }

    @ParameterizedTest
    @CsvSource({"2", "0", "5", "-1"})
    void shouldRejectChannelsOtherThanOneThreeFour(int channels) {
        assertThatThrownBy(() -> ImageShape.of(1, 4, 4, channels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x4x4x" + channels)
                .hasMessageContaining("was " + channels);
    }

    @ParameterizedTest
    @CsvSource({"0,4,4", "1,0,4", "1,4,0", "-2,4,4", "1,-4,4"})
    void shouldRejectZeroOrNegativeDimensions(int n, int h, int w) {
        assertThatThrownBy(() -> ImageShape.of(n, h, w, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(n + "x" + h + "x" + w + "x1")
                .hasMessageContaining(">= 1");
    }

    @Test
    void shouldRejectPicturesOverMaxPixels() {
        assertThatThrownBy(() -> ImageShape.validate(100 * 100, 1, 100, 100, 1, 9_999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10000 pixels")
                .hasMessageContaining("maxPixels=9999");
        assertThat(ImageShape.validate(100 * 100, 1, 100, 100, 1, 10_000).gridPixels()).isEqualTo(10_000);
    }

    @Test
    void shouldCountTheBlackCellsAgainstMaxPixels() {
        // 9 images of 10x10 hold 900 pixels but tile to 2 rows of 8 cells: 1600 pixels.
        assertThatThrownBy(() -> ImageShape.validate(900, 9, 10, 10, 1, 1_599))
                .hasMessageContaining("20x80 = 1600 pixels");
    }

    @Test
    void shouldRejectShapesWhoseProductOverflowsInt() {
        // 65536 * 65536 * 1 * 1 wraps to 0 in int arithmetic; it must not look like a match for length 0.
        assertThatThrownBy(() -> ImageShape.validate(0, 1, 65_536, 65_536, 1, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> ImageShape.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 4))
                .hasMessageContaining("too large");
        // 2^30 values fit, but wrapping 4 * 2^30 * ... : 1 x 32768 x 32768 x 4 = 2^32 wraps to 0.
        assertThatThrownBy(() -> ImageShape.validate(0, 1, 32_768, 32_768, 4, Long.MAX_VALUE))
                .hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({
            "1,   1, 1, 10, 10",
            "7,   7, 1, 10, 70",
            "8,   8, 1, 10, 80",
            "9,   8, 2, 20, 80",
            "100, 8, 13, 130, 80",
            "6,   6, 1, 5, 30"})
    void shouldLayOutTheGridLikeThePythonWriters(int n, int cols, int rows, int gridHeight, int gridWidth) {
        int side = n == 6 ? 5 : 10;
        ImageShape shape = ImageShape.of(n, side, side, 1);
        assertThat(shape.gridColumns()).isEqualTo(cols);
        assertThat(shape.gridRows()).isEqualTo(rows);
        assertThat(shape.gridHeight()).isEqualTo(gridHeight);
        assertThat(shape.gridWidth()).isEqualTo(gridWidth);
    }
}
