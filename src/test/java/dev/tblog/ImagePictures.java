package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test side of images: the expected pixels computed the plain way (loops, no tblog code), and
 * the logged pictures decoded with the generated protobuf classes and ImageIO.
 */
final class ImagePictures {
    private ImagePictures() {
    }

    /** numpy's {@code uint8(clip(x * 255, 0, 255))} for a float32 value: product in float, truncated; NaN 0. */
    static int pixel(float x) {
        float s = x * 255f;
        if (Float.isNaN(s) || s <= 0f) {
            return 0;
        }
        return s >= 255f ? 255 : (int) Math.floor(s);
    }

    static int pixel(double x) {
        double s = x * 255d;
        if (Double.isNaN(s) || s <= 0d) {
            return 0;
        }
        return s >= 255d ? 255 : (int) Math.floor(s);
    }

    /** Expected pixels of floats, {@code equalize} over [from, to) by their finite min/max. */
    static int[] expected(float[] v, int from, int to, boolean equalize) {
        int[] out = new int[to - from];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (!Float.isNaN(v[i]) && !Float.isInfinite(v[i])) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
        }
        for (int i = from; i < to; i++) {
            if (!equalize) {
                out[i - from] = pixel(v[i]);
            } else if (!(max > min)) {
                out[i - from] = 0;
            } else {
                float e = (v[i] - min) / (max - min);
                out[i - from] = pixel(e);
            }
        }
        return out;
    }

    static int[] expected(double[] v, int from, int to, boolean equalize) {
        int[] out = new int[to - from];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(v[i])) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
        }
        for (int i = from; i < to; i++) {
            out[i - from] = !equalize ? pixel(v[i]) : !(max > min) ? 0 : pixel((v[i] - min) / (max - min));
        }
        return out;
    }

    static int[] expected(byte[] v, int from, int to, boolean equalize) {
        int[] out = new int[to - from];
        int min = 255;
        int max = 0;
        for (int i = from; i < to; i++) {
            min = Math.min(min, v[i] & 0xFF);
            max = Math.max(max, v[i] & 0xFF);
        }
        for (int i = from; i < to; i++) {
            int u = v[i] & 0xFF;
            out[i - from] = !equalize ? u : max == min ? 0 : (int) Math.floor((u - min) * 255.0 / (max - min));
        }
        return out;
    }

    /**
     * The expected picture of a batch: {@code perImage[i]} holds image i's H*W*C pixels, laid out in
     * min(n, 8) columns, ceil(n / 8) rows, black where no image is. Returns (rows*H, cols*W, C) flat.
     */
    static int[] tiled(int[][] perImage, int h, int w, int c) {
        int n = perImage.length;
        int cols = Math.min(n, 8);
        int rows = (n + 7) / 8;
        int gw = cols * w;
        int[] out = new int[rows * h * gw * c];
        for (int gy = 0; gy < rows * h; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                int image = (gy / h) * cols + gx / w;
                for (int ch = 0; ch < c; ch++) {
                    out[(gy * gw + gx) * c + ch] = image < n ? perImage[image][((gy % h) * w + gx % w) * c + ch] : 0;
                }
            }
        }
        return out;
    }

    /** The Summary.Image of an event. */
    static Summary.Image image(Event e) {
        Summary.Value v = e.getSummary().getValue(0);
        assertThat(v.hasImage()).as("value of %s is an image", v.getTag()).isTrue();
        return v.getImage();
    }

    /** Decodes the PNG with ImageIO and returns its samples (H, W, C) flat, checking size and channels. */
    static int[] samples(Summary.Image image) {
        BufferedImage png;
        try {
            png = ImageIO.read(new ByteArrayInputStream(image.getEncodedImageString().toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(png).as("ImageIO decodes the PNG").isNotNull();
        assertThat(png.getWidth()).isEqualTo(image.getWidth());
        assertThat(png.getHeight()).isEqualTo(image.getHeight());
        Raster r = png.getRaster();
        int c = r.getNumBands();
        assertThat(c).as("PNG channels = colorspace").isEqualTo(image.getColorspace());
        int[] out = new int[png.getWidth() * png.getHeight() * c];
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                for (int ch = 0; ch < c; ch++) {
                    out[(y * png.getWidth() + x) * c + ch] = r.getSample(x, y, ch);
                }
            }
        }
        return out;
    }
}
