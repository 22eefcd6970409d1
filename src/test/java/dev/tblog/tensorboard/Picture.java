package dev.tblog.tensorboard;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * A picture as a viewer sees it: width, height and one ARGB value per pixel, rows top to bottom.
 * Shown pictures are decoded from the PNG TensorBoard serves; expected ones are built in the tests
 * from the Python writers' rules ({@link PixelRules}), whatever PNG colour type carried them (a gray
 * PNG pixel {@code v} is {@code (v, v, v)}, opaque).
 *
 * <p>Thread contract: immutable once built (do not change {@code argb}); any thread.
 */
record Picture(int width, int height, int[] argb) {

    /** Decodes a PNG by its raster samples (not {@code getRGB}, which would colour-convert gray). */
    static Picture decode(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable image", e);
        }
        if (image == null) {
            throw new AssertionError("ImageIO cannot read the " + png.length + " bytes served as an image");
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int[] argb = new int[image.getWidth() * image.getHeight()];
        int[] sample = new int[bands];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                raster.getPixel(x, y, sample);
                argb[y * image.getWidth() + x] = switch (bands) {
                    case 1 -> pack(255, sample[0], sample[0], sample[0]);
                    case 2 -> pack(sample[1], sample[0], sample[0], sample[0]);
                    case 3 -> pack(255, sample[0], sample[1], sample[2]);
                    case 4 -> pack(sample[3], sample[0], sample[1], sample[2]);
                    default -> throw new AssertionError(bands + " bands in a served PNG");
                };
            }
        }
        return new Picture(image.getWidth(), image.getHeight(), argb);
    }

    /** A picture from 8-bit samples laid out {@code (y, x, c)}, {@code channels} 1 (gray), 3 (RGB) or 4 (RGBA). */
    static Picture ofSamples(int height, int width, int channels, int[] samples) {
        int[] argb = new int[height * width];
        for (int p = 0; p < argb.length; p++) {
            int s = p * channels;
            argb[p] = switch (channels) {
                case 1 -> pack(255, samples[s], samples[s], samples[s]);
                case 3 -> pack(255, samples[s], samples[s + 1], samples[s + 2]);
                case 4 -> pack(samples[s + 3], samples[s], samples[s + 1], samples[s + 2]);
                default -> throw new IllegalArgumentException("channels " + channels);
            };
        }
        return new Picture(width, height, argb);
    }

    /** A {@link BufferedImage}'s pixels as its colour model gives them. */
    static Picture of(BufferedImage image) {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new Picture(image.getWidth(), image.getHeight(), argb);
    }

    /**
     * The Python writers' tiling of a batch of same-size pictures: {@code min(n, 8)} columns,
     * {@code ceil(n / 8)} rows, filled row by row, no padding, opaque black where no picture is.
     */
    static Picture tiled(List<Picture> cells) {
        int n = cells.size();
        int cellW = cells.get(0).width();
        int cellH = cells.get(0).height();
        int columns = Math.min(n, 8);
        int rows = (n + 7) / 8;
        int width = columns * cellW;
        int[] argb = new int[rows * cellH * width];
        Arrays.fill(argb, pack(255, 0, 0, 0));
        for (int k = 0; k < n; k++) {
            int top = (k / columns) * cellH;
            int left = (k % columns) * cellW;
            for (int y = 0; y < cellH; y++) {
                for (int x = 0; x < cellW; x++) {
                    argb[(top + y) * width + left + x] = cells.get(k).argb()[y * cellW + x];
                }
            }
        }
        return new Picture(width, rows * cellH, argb);
    }

    /**
     * The projector's sprite of same-size thumbnails: {@code k x k} cells, {@code k = ceil(sqrt(n))},
     * filled row by row, opaque black where no thumbnail is.
     */
    static Picture sprite(List<Picture> cells) {
        int n = cells.size();
        int k = (int) Math.ceil(Math.sqrt(n));
        int cellW = cells.get(0).width();
        int cellH = cells.get(0).height();
        int width = k * cellW;
        int[] argb = new int[k * cellH * width];
        Arrays.fill(argb, pack(255, 0, 0, 0));
        for (int i = 0; i < n; i++) {
            int top = (i / k) * cellH;
            int left = (i % k) * cellW;
            for (int y = 0; y < cellH; y++) {
                for (int x = 0; x < cellW; x++) {
                    argb[(top + y) * width + left + x] = cells.get(i).argb()[y * cellW + x];
                }
            }
        }
        return new Picture(width, k * cellH, argb);
    }

    static int pack(int alpha, int red, int green, int blue) {
        return alpha << 24 | red << 16 | green << 8 | blue;
    }

    /** Where this picture first differs from {@code other}, or null when they are equal. */
    String firstDifference(Picture other) {
        if (width != other.width || height != other.height) {
            return "size " + width + "x" + height + " vs " + other.width + "x" + other.height;
        }
        for (int p = 0; p < argb.length; p++) {
            if (argb[p] != other.argb[p]) {
                return String.format("pixel (x=%d, y=%d): %08x vs %08x", p % width, p / width, argb[p], other.argb[p]);
            }
        }
        return null;
    }
}
