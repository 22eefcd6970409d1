package dev.tblog.image;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ImageProperties {

    @Property(tries = 200)
    void shouldRoundTripAnyShapeAndValues(@ForAll @IntRange(min = 1, max = 20) int count,
                                          @ForAll @IntRange(min = 1, max = 9) int height,
                                          @ForAll @IntRange(min = 1, max = 9) int width,
                                          @ForAll @IntRange(min = 0, max = 2) int channelChoice,
                                          @ForAll boolean equalize,
                                          @ForAll @Size(min = 1, max = 64)
                                          java.util.List<@FloatRange(min = -2, max = 3) Float> seeds) {
        int channels = new int[] {1, 3, 4}[channelChoice];
        ImageShape shape = ImageShape.validate(count * height * width * channels, count, height, width,
                channels, 1 << 20);
        float[] values = new float[shape.values()];
        for (int i = 0; i < values.length; i++) {
            values[i] = seeds.get(i % seeds.size()) * (1 + i % 3);
        }
        byte[] bytes = new byte[values.length];
        if (equalize) {
            Quantize.equalize(values, 0, bytes, 0, values.length);
        } else {
            Quantize.clip(values, 0, bytes, 0, values.length);
        }
        byte[] grid = new byte[shape.gridValues()];
        Tile.tile(bytes, 0, shape, grid, 0);
        try (PngEncoder png = new PngEncoder(1 + count % 9, PngFilter.values()[count % 4])) {
            int length = png.encode(grid, 0, shape.gridWidth(), shape.gridHeight(), channels);
            Reference.Decoded decoded = Reference.decode(png.buffer(), length);
            assertThat(decoded.samples()).containsExactly(
                    Reference.tile(Reference.pixels(values, values.length, equalize), count, height, width, channels));
        }
    }
}
