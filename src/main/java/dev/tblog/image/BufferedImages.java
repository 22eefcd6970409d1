package dev.tblog.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Objects;

/**
 * {@link BufferedImage} to a flat 8-bit raster (rows top to bottom, channels R, G, B[, A]).
 *
 * <p>What comes out ({@link #channels}):
 * <ul>
 *   <li>{@code TYPE_BYTE_GRAY}: 1 channel, the stored samples as they are (no colour conversion;
 *       {@code getRGB} would pass them through a linear-gray to sRGB curve and change them);</li>
 *   <li>{@code TYPE_USHORT_GRAY}: 1 channel, the high byte of each 16-bit sample (a gray drawn as
 *       128 is stored as 0x8080 and logged as 128, as the 8-bit type logs it);</li>
 *   <li>any image with alpha: 4 channels, RGBA, not premultiplied;</li>
 *   <li>anything else: 3 channels, RGB.</li>
 * </ul>
 * Fast paths read the data buffer directly for {@code TYPE_3BYTE_BGR}, {@code TYPE_INT_RGB},
 * {@code TYPE_INT_ARGB}, {@code TYPE_BYTE_GRAY} and {@code TYPE_USHORT_GRAY}, sub-images included;
 * they allocate nothing.
 * Every other type goes through {@link BufferedImage#getRGB(int, int)} per pixel, which is slow and
 * may allocate inside the JDK. Reading the buffer directly makes Java2D stop caching the image in
 * video memory, which does not matter for an image that is logged.
 *
 * <p>Thread contract: stateless, any thread, as long as nobody draws into the image meanwhile.
 */
final class BufferedImages {

    private BufferedImages() {
    }

    /** @return the channels {@link #toRaster} writes for this image: 1, 3 or 4 */
    public static int channels(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            return 1;
        }
        return image.getColorModel().hasAlpha() ? 4 : 3;
    }

    /**
     * Writes {@code height * width * channels(image)} bytes to {@code dst} from {@code dstOff}.
     *
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException when the range does not lie in {@code dst}
     */
    public static int toRaster(BufferedImage image, byte[] dst, int dstOff) {
        int width = image.getWidth();
        int height = image.getHeight();
        int channels = channels(image);
        int length = width * height * channels;
        Objects.checkFromIndexSize(dstOff, length, dst.length);
        WritableRaster raster = image.getRaster();
        SampleModel model = raster.getSampleModel();
        DataBuffer buffer = raster.getDataBuffer();
        // A raster's pixel (x, y) is the sample model's pixel (x - tx, y - ty): non-zero for sub-images.
        int tx = raster.getSampleModelTranslateX();
        int ty = raster.getSampleModelTranslateY();
        switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY -> {
                if (model instanceof ComponentSampleModel csm && buffer instanceof DataBufferByte bytes) {
                    copyInterleaved(bytes, csm, -tx, -ty, width, height, channels, dst, dstOff);
                    return length;
                }
            }
            case BufferedImage.TYPE_USHORT_GRAY -> {
                if (model instanceof ComponentSampleModel csm && buffer instanceof DataBufferUShort shorts) {
                    copyHighBytes(shorts, csm, -tx, -ty, width, height, dst, dstOff);
                    return length;
                }
                copyGraySamples(raster, width, height, dst, dstOff);
                return length;
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                if (model instanceof SinglePixelPackedSampleModel sppm && buffer instanceof DataBufferInt ints) {
                    copyPacked(ints, sppm, -tx, -ty, width, height, channels, dst, dstOff);
                    return length;
                }
            }
            default -> {
                // generic path below
            }
        }
        copyGeneric(image, width, height, channels, dst, dstOff);
        return length;
    }

    /** Byte-interleaved: sample (x, y, band) at bank offset + y * scanline + x * pixelStride + bandOffset. */
    private static void copyInterleaved(DataBufferByte buffer, ComponentSampleModel model, int x0, int y0,
                                        int width, int height, int channels, byte[] dst, int dstOff) {
        byte[] data = buffer.getData();
        int base = buffer.getOffset();
        int pixelStride = model.getPixelStride();
        int scanline = model.getScanlineStride();
        int o = dstOff;
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < channels; c++) {
                // getOffset(x, y, band) = y * scanline + x * pixelStride + bandOffsets[band]; no array copy.
                int i = base + model.getOffset(x0, y0 + y, c);
                for (int x = 0, d = o + c; x < width; x++, i += pixelStride, d += channels) {
                    dst[d] = data[i];
                }
            }
            o += width * channels;
        }
    }

    /** One 16-bit gray band: the high byte of sample (x, y) at bank offset + y * scanline + x * pixelStride. */
    private static void copyHighBytes(DataBufferUShort buffer, ComponentSampleModel model, int x0, int y0,
                                      int width, int height, byte[] dst, int dstOff) {
        short[] data = buffer.getData();
        int base = buffer.getOffset();
        int pixelStride = model.getPixelStride();
        int o = dstOff;
        for (int y = 0; y < height; y++) {
            int i = base + model.getOffset(x0, y0 + y, 0);
            for (int x = 0; x < width; x++, i += pixelStride) {
                dst[o++] = (byte) (data[i] >>> 8);
            }
        }
    }

    /** 16-bit gray of another layout: the raster's samples, high byte. */
    private static void copyGraySamples(WritableRaster raster, int width, int height, byte[] dst, int dstOff) {
        int o = dstOff;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                dst[o++] = (byte) (raster.getSample(raster.getMinX() + x, raster.getMinY() + y, 0) >>> 8);
            }
        }
    }

    /** Int-packed 0xAARRGGBB (alpha ignored for TYPE_INT_RGB): pixel (x, y) at offset + y * scanline + x. */
    private static void copyPacked(DataBufferInt buffer, SinglePixelPackedSampleModel model, int x0, int y0,
                                   int width, int height, int channels, byte[] dst, int dstOff) {
        int[] data = buffer.getData();
        int o = dstOff;
        for (int y = 0; y < height; y++) {
            int i = buffer.getOffset() + model.getOffset(x0, y0 + y);
            for (int x = 0; x < width; x++, o += channels) {
                putArgb(data[i + x], channels, dst, o);
            }
        }
    }

    private static void copyGeneric(BufferedImage image, int width, int height, int channels,
                                    byte[] dst, int dstOff) {
        int o = dstOff;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++, o += channels) {
                int argb = image.getRGB(x, y); // default sRGB, not premultiplied
                if (channels == 1) {
                    dst[o] = (byte) argb; // unreachable today: the 1-channel types return above
                } else {
                    putArgb(argb, channels, dst, o);
                }
            }
        }
    }

    private static void putArgb(int argb, int channels, byte[] dst, int o) {
        dst[o] = (byte) (argb >>> 16);
        dst[o + 1] = (byte) (argb >>> 8);
        dst[o + 2] = (byte) argb;
        if (channels == 4) {
            dst[o + 3] = (byte) (argb >>> 24);
        }
    }
}
