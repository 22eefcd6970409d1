package dev.tblog.video;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GIF encoder against the JDK's GIF reader: frame count, size, delay and looping; gray frames
 * exact, whatever their content (noise that fills the LZW table and clears it many times, flat
 * frames that make long strings, a 1x1 frame); RGB frames exact up to 256 colours, and within a
 * small error above (median cut), with one table for all frames.
 */
class GifEncoderTest {
    private final GifEncoder gif = new GifEncoder();

    private GifFrames encode(byte[] pixels, int frames, int width, int height, int channels, int delay) {
        int length = gif.encode(pixels, frames, width, height, channels, delay);
        return GifFrames.decode(Arrays.copyOf(gif.buffer(), length));
    }

    private static void assertGrayExact(GifFrames decoded, byte[] pixels, int frames, int width, int height) {
        assertThat(decoded.rgb()).hasSize(frames);
        for (int f = 0; f < frames; f++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    assertThat(decoded.gray(f, x, y)).as("frame %d (%d, %d)", f, x, y)
                        .isEqualTo(pixels[(f * height + y) * width + x] & 0xFF);
                }
            }
        }
    }

    @Test
    void shouldDecodeNoiseFramesExactlyThroughManyTableClears() {
        int w = 97;
        int h = 61;
        int frames = 5;
        byte[] pixels = new byte[frames * w * h];
        new Random(1).nextBytes(pixels);
        GifFrames decoded = encode(pixels, frames, w, h, 1, 7);
        assertThat(decoded.width()).isEqualTo(w);
        assertThat(decoded.height()).isEqualTo(h);
        assertThat(decoded.delays()).containsOnly(7);
        assertThat(decoded.loops()).isTrue();
        assertGrayExact(decoded, pixels, frames, w, h);
    }

    @Test
    void shouldDecodeFlatGradientAndTinyFramesExactly() {
        int w = 300;
        int h = 200;
        byte[] pixels = new byte[3 * w * h];
        Arrays.fill(pixels, 0, w * h, (byte) 200);                   // flat: the longest strings
        for (int i = 0; i < w * h; i++) {
            pixels[w * h + i] = (byte) (i / 7);                        // runs and steps
            pixels[2 * w * h + i] = (byte) ((i % w) ^ (i / w));          // a pattern
        }
        assertGrayExact(encode(pixels, 3, w, h, 1, 25), pixels, 3, w, h);
        byte[] one = {(byte) 255, 0};
        GifFrames tiny = encode(one, 2, 1, 1, 1, 2);
        assertGrayExact(tiny, one, 2, 1, 1);
    }

    @Test
    void shouldKeepUpTo256ColoursExactly() {
        int w = 40;
        int h = 30;
        int frames = 4;
        byte[] rgb = new byte[frames * w * h * 3];
        Random random = new Random(2);
        int[] colours = new int[256];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = random.nextInt(1 << 24);
        }
        for (int p = 0; p < frames * w * h; p++) {
            int c = colours[(p * 31 + p / 7) % 256];
            rgb[3 * p] = (byte) (c >> 16);
            rgb[3 * p + 1] = (byte) (c >> 8);
            rgb[3 * p + 2] = (byte) c;
        }
        GifFrames decoded = encode(rgb, frames, w, h, 3, 10);
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < w * h; i++) {
                int p = f * w * h + i;
                int expected = (rgb[3 * p] & 0xFF) << 16 | (rgb[3 * p + 1] & 0xFF) << 8 | (rgb[3 * p + 2] & 0xFF);
                assertThat(decoded.rgb().get(f)[i] & 0xFFFFFF).as("frame %d pixel %d", f, i).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldApproximateManyColoursWithOneTableForAllFrames() {
        int w = 64;
        int h = 64;
        int frames = 16;
        byte[] rgb = new byte[frames * w * h * 3];
        for (int f = 0; f < frames; f++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = (f * h + y) * w + x;
                    double v = 0.5 + 0.5 * Math.sin(x / 6.0 + f / 3.0) * Math.cos(y / 7.0);
                    rgb[3 * p] = (byte) (v * 255);
                    rgb[3 * p + 1] = (byte) (255 - v * 255);
                    rgb[3 * p + 2] = (byte) (x * 4);
                }
            }
        }
        GifFrames decoded = encode(rgb, frames, w, h, 3, 4);
        int worst = 0;
        long squares = 0;
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < w * h; i++) {
                int p = f * w * h + i;
                int got = decoded.rgb().get(f)[i];
                used.add(got & 0xFFFFFF);
                for (int c = 0; c < 3; c++) {
                    int e = Math.abs(((got >> (16 - 8 * c)) & 0xFF) - (rgb[3 * p + c] & 0xFF));
                    worst = Math.max(worst, e);
                    squares += (long) e * e;
                }
            }
        }
        assertThat(used.size()).as("one table of at most 256 colours").isLessThanOrEqualTo(256);
        assertThat(worst).as("largest error of a channel").isLessThanOrEqualTo(24);
        assertThat(Math.sqrt(squares / (3.0 * frames * w * h))).as("rms error").isLessThan(6);
    }
}
