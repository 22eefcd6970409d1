package dev.tblog.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole consumer path, values to PNG, decoded by ImageIO and compared pixel by pixel with
 * {@link Reference}'s naive loops.
 */
class ImageRoundTripTest {

    enum Input { BYTE, FLOAT, DOUBLE }

    enum Mode { RAW, EQUALIZE, EQUALIZE_PER_IMAGE }

    private final PngEncoder png = new PngEncoder();

    @AfterEach
    void closeEncoder() {
        png.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Input input : Input.values()) {
            for (int channels : new int[] {1, 3, 4}) {
                for (int count : new int[] {1, 7, 8, 9, 100}) {
                    for (Mode mode : Mode.values()) {
                        cases.add(Arguments.of(input, channels, count, mode));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} C={1} N={2} {3}")
    @MethodSource("cases")
    void shouldDecodeToTheExpectedTiledPixels(Input input, int channels, int count, Mode mode) {
        int h = 3;
        int w = 5;
        ImageShape shape = ImageShape.validate(count * h * w * channels, count, h, w, channels, 1_000_000);
        Random random = new Random(31L * count + channels);
        int values = shape.values();
        int perImage = mode == Mode.EQUALIZE_PER_IMAGE ? shape.valuesPerImage() : values;
        boolean equalize = mode != Mode.RAW;
        byte[] bytes = new byte[values];
        int[] expected;
        switch (input) {
            case BYTE -> {
                byte[] v = new byte[values];
                random.nextBytes(v);
                expected = Reference.pixels(v, perImage, equalize);
                if (mode == Mode.RAW) {
                    System.arraycopy(v, 0, bytes, 0, values);
                } else if (mode == Mode.EQUALIZE) {
                    EqualizeReference.equalize(v, 0, bytes, 0, values);
                } else {
                    EqualizeReference.equalizePerImage(v, 0, bytes, 0, count, shape.valuesPerImage());
                }
            }
            case FLOAT -> {
                float[] v = new float[values];
                for (int i = 0; i < values; i++) {
                    v[i] = random.nextFloat() * 1.4f - 0.2f; // some out of [0, 1] on purpose
                }
                v[values / 2] = Float.NaN;
                expected = Reference.pixels(v, perImage, equalize);
                if (mode == Mode.RAW) {
                    Quantize.clip(v, 0, bytes, 0, values);
                } else if (mode == Mode.EQUALIZE) {
                    Quantize.equalize(v, 0, bytes, 0, values);
                } else {
                    Quantize.equalizePerImage(v, 0, bytes, 0, count, shape.valuesPerImage());
                }
            }
            default -> {
                double[] v = new double[values];
                for (int i = 0; i < values; i++) {
                    v[i] = random.nextDouble() * 3 - 1;
                }
                v[0] = Double.NaN;
                expected = Reference.pixels(v, perImage, equalize);
                if (mode == Mode.RAW) {
                    Quantize.clip(v, 0, bytes, 0, values);
                } else if (mode == Mode.EQUALIZE) {
                    Quantize.equalize(v, 0, bytes, 0, values);
                } else {
                    Quantize.equalizePerImage(v, 0, bytes, 0, count, shape.valuesPerImage());
                }
            }
        }
        byte[] grid = new byte[shape.gridValues()];
        Tile.tile(bytes, 0, shape, grid, 0);
        int length = png.encode(grid, 0, shape.gridWidth(), shape.gridHeight(), channels);

        Reference.Decoded decoded = Reference.decode(png.buffer(), length);
        assertThat(decoded.width()).isEqualTo(Math.min(count, 8) * w);
        assertThat(decoded.height()).isEqualTo((count + 7) / 8 * h);
        assertThat(decoded.channels()).isEqualTo(channels);
        assertThat(decoded.samples()).containsExactly(Reference.tile(expected, count, h, w, channels));
    }

    @Test
    void shouldLeaveSevenBlackCellsWhenTilingNineImages() {
        ImageShape shape = ImageShape.of(9, 2, 2, 1);
        byte[] batch = new byte[shape.values()];
        java.util.Arrays.fill(batch, (byte) 200);
        byte[] grid = new byte[shape.gridValues()];
        java.util.Arrays.fill(grid, (byte) 1); // stale scratch content must be overwritten
        Tile.tile(batch, 0, shape, grid, 0);
        int length = png.encode(grid, 0, shape.gridWidth(), shape.gridHeight(), 1);
        int[] s = Reference.decode(png.buffer(), length).samples();
        int black = 0;
        for (int v : s) {
            black += v == 0 ? 1 : 0;
        }
        assertThat(s).hasSize(2 * 2 * 16);
        assertThat(black).isEqualTo(7 * 4);
        assertThat(s[32]).isEqualTo(200);            // pixel row 2 = second row of cells, first cell
        assertThat(s[32 + 2]).isZero();              // pixel row 2, second cell: black
    }

    @Test
    void shouldGiveTheInteropShapes() {
        // Population/Firing rate: one 10x10 gray float image -> 10x10.
        float[] field = new float[100];
        for (int i = 0; i < 100; i++) {
            field[i] = i / 100f;
        }
        ImageShape single = ImageShape.validate(field.length, 1, 10, 10, 1, 1 << 20);
        byte[] bytes = new byte[single.values()];
        Quantize.clip(field, 0, bytes, 0, field.length);
        int length = png.encode(bytes, 0, 10, 10, 1);
        Reference.Decoded d = Reference.decode(png.buffer(), length);
        assertThat(d.width()).isEqualTo(10);
        assertThat(d.height()).isEqualTo(10);
        assertThat(d.samples()[99]).isEqualTo(252); // 0.99 * 255 = 252.45

        // Projection/Receptive fields: six 5x5 gray images -> 5 high, 30 wide.
        ImageShape fields = ImageShape.validate(150, 6, 5, 5, 1, 1 << 20);
        byte[] grid = new byte[fields.gridValues()];
        Tile.tile(new byte[150], 0, fields, grid, 0);
        length = png.encode(grid, 0, fields.gridWidth(), fields.gridHeight(), 1);
        Reference.Decoded t = Reference.decode(png.buffer(), length);
        assertThat(t.width()).isEqualTo(30);
        assertThat(t.height()).isEqualTo(5);
    }
}
