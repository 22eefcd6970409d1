package dev.tblog.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Independent, deliberately naive expectations for the kernels, and a PNG decoder (ImageIO). */
final class Reference {

    private Reference() {
    }

    /** The peer's rule written plainly: NaN -> 0, clip x*255 to [0, 255], floor. */
    static int pixel(float x) {
        if (Float.isNaN(x)) {
            return 0;
        }
        float s = x * 255f;
        if (s <= 0f) {
            return 0;
        }
        if (s >= 255f) {
            return 255;
        }
        return (int) Math.floor(s);
    }

    static int pixel(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        double s = x * 255d;
        if (s <= 0d) {
            return 0;
        }
        if (s >= 255d) {
            return 255;
        }
        return (int) Math.floor(s);
    }

    /** Expected bytes (as ints) of a float range: optional global or per-image equalize, then pixel(). */
    static int[] pixels(float[] v, int perImage, boolean equalize) {
        int[] out = new int[v.length];
        for (int start = 0; start < v.length; start += perImage) {
            float min = Float.NaN;
            float max = Float.NaN;
            for (int i = start; i < start + perImage; i++) {
                if (Float.isFinite(v[i])) {
                    min = Float.isNaN(min) ? v[i] : Math.min(min, v[i]);
                    max = Float.isNaN(max) ? v[i] : Math.max(max, v[i]);
                }
            }
            for (int i = start; i < start + perImage; i++) {
                if (!equalize) {
                    out[i] = pixel(v[i]);
                } else if (Float.isNaN(min) || min == max) {
                    out[i] = 0;
                } else {
                    out[i] = pixel((v[i] - min) / (max - min));
                }
            }
        }
        return out;
    }

    static int[] pixels(double[] v, int perImage, boolean equalize) {
        int[] out = new int[v.length];
        for (int start = 0; start < v.length; start += perImage) {
            double min = Double.NaN;
            double max = Double.NaN;
            for (int i = start; i < start + perImage; i++) {
                if (Double.isFinite(v[i])) {
                    min = Double.isNaN(min) ? v[i] : Math.min(min, v[i]);
                    max = Double.isNaN(max) ? v[i] : Math.max(max, v[i]);
                }
            }
            for (int i = start; i < start + perImage; i++) {
                if (!equalize) {
                    out[i] = pixel(v[i]);
                } else if (Double.isNaN(min) || min == max) {
                    out[i] = 0;
                } else {
                    out[i] = pixel((v[i] - min) / (max - min));
                }
            }
        }
        return out;
    }

    static int[] pixels(byte[] v, int perImage, boolean equalize) {
        int[] out = new int[v.length];
        for (int start = 0; start < v.length; start += perImage) {
            int min = 255;
            int max = 0;
            for (int i = start; i < start + perImage; i++) {
                min = Math.min(min, v[i] & 0xFF);
                max = Math.max(max, v[i] & 0xFF);
            }
            for (int i = start; i < start + perImage; i++) {
                int u = v[i] & 0xFF;
                if (!equalize) {
                    out[i] = u;
                } else if (min == max) {
                    out[i] = 0;
                } else {
                    out[i] = (int) Math.floor((u - min) * 255.0 / (max - min));
                }
            }
        }
        return out;
    }

    /** The tiled picture, pixel by pixel: which image, which row, which column feeds each output value. */
    static int[] tile(int[] batch, int n, int h, int w, int c) {
        int cols = Math.min(n, 8);
        int rows = (n + 7) / 8;
        int gw = cols * w;
        int gh = rows * h;
        int[] out = new int[gh * gw * c];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                int image = (gy / h) * cols + gx / w;
                for (int k = 0; k < c; k++) {
                    out[(gy * gw + gx) * c + k] = image < n
                            ? batch[((image * h + gy % h) * w + gx % w) * c + k]
                            : 0;
                }
            }
        }
        return out;
    }

    /** A decoded PNG: its size, bands, and samples in (y, x, band) order. */
    record Decoded(int width, int height, int channels, int[] samples) {
    }

    static Decoded decode(byte[] png, int length) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png, 0, length));
            if (image == null) {
                throw new AssertionError("ImageIO could not read the PNG");
            }
            Raster raster = image.getRaster();
            int bands = raster.getNumBands();
            int[] samples = new int[image.getWidth() * image.getHeight() * bands];
            raster.getPixels(0, 0, image.getWidth(), image.getHeight(), samples);
            return new Decoded(image.getWidth(), image.getHeight(), bands, samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
