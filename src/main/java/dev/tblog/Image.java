package dev.tblog;

import dev.tblog.image.ImageScaling;
import dev.tblog.image.Picture;

import java.awt.image.BufferedImage;

/**
 * One picture for {@link Logger#addImage(String, Image, long)}: the pixels, their shape, and whether
 * to equalize them.
 * <pre>{@code
 * log.addImage("Population/Firing rate", Image.gray(rate, h, w).equalized(), step);
 * log.addImage("Population/RGB", Image.rgb(rgb, h, w), step);
 * }</pre>
 *
 * <p>Data: flat, row-major, value {@code (y, x, c)} at {@code (y * width + x) * channels + c}; gray
 * {@code (H, W)} has 1 channel, {@link #rgb rgb} {@code (H, W, 3)} 3, {@link #rgba rgba}
 * {@code (H, W, 4)} 4. {@code float[]} and {@code double[]} values are meant in [0, 1]: each becomes
 * {@code (int) clip(x * 255, 0, 255)} (truncated, as numpy's cast; -0.5 gives 0, 0.5 gives 127, 1.7
 * gives 255), NaN gives 0. {@code byte[]} values are pixels 0..255 (unsigned). A
 * {@link BufferedImage} is logged as it is ({@link #of}).
 *
 * <p>An {@code Image} refers to your array until the call that logs it returns, and copies nothing
 * itself; the call copies the pixels into pooled memory, so you may overwrite the array as soon as
 * it returns.
 *
 * <p>Validated here: a null array, a dimension below 1, or {@code height * width * channels} not the
 * array's length throws {@link IllegalArgumentException} naming the values (e.g. {@code image shape
 * 1x10x10x1 needs 100 values, array has 99}). The configured picture size ({@code image.maxPixels})
 * is checked by the call.
 *
 * <p>Thread contract: immutable, any thread; the array must not change while a call logs it.
 */
public final class Image {
    private final Picture picture;

    private Image(Picture picture) {
        this.picture = picture;
    }

    /**
     * A gray picture {@code (height, width)} of floats in [0, 1].
     *
     * @param data {@code height * width} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image gray(float[] data, int height, int width) {
        return new Image(Picture.floats(data, 1, height, width, 1));
    }

    /**
     * A gray picture {@code (height, width)} of doubles in [0, 1], converted in double precision.
     *
     * @param data {@code height * width} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image gray(double[] data, int height, int width) {
        return new Image(Picture.doubles(data, 1, height, width, 1));
    }

    /**
     * A gray picture {@code (height, width)} of unsigned pixels 0..255.
     *
     * @param data {@code height * width} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image gray(byte[] data, int height, int width) {
        return new Image(Picture.bytes(data, 1, height, width, 1));
    }

    /**
     * An RGB picture {@code (height, width, 3)}: r, g, b of each pixel in turn.
     *
     * @param data {@code height * width * 3} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image rgb(float[] data, int height, int width) {
        return new Image(Picture.floats(data, 1, height, width, 3));
    }

    /**
     * As {@link #rgb(float[], int, int)}, for doubles.
     *
     * @param data {@code height * width * 3} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image rgb(double[] data, int height, int width) {
        return new Image(Picture.doubles(data, 1, height, width, 3));
    }

    /**
     * As {@link #rgb(float[], int, int)}, for unsigned bytes.
     *
     * @param data {@code height * width * 3} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image rgb(byte[] data, int height, int width) {
        return new Image(Picture.bytes(data, 1, height, width, 3));
    }

    /**
     * An RGBA picture {@code (height, width, 4)}: r, g, b, alpha of each pixel in turn.
     *
     * @param data {@code height * width * 4} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image rgba(float[] data, int height, int width) {
        return new Image(Picture.floats(data, 1, height, width, 4));
    }

    /**
     * As {@link #rgba(float[], int, int)}, for doubles.
     *
     * @param data {@code height * width * 4} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image rgba(double[] data, int height, int width) {
        return new Image(Picture.doubles(data, 1, height, width, 4));
    }

    /**
     * As {@link #rgba(float[], int, int)}, for unsigned bytes.
     *
     * @param data {@code height * width * 4} values, row by row
     * @param height rows, at least 1
     * @param width columns, at least 1
     * @return the picture; it refers to {@code data}
     */
    public static Image rgba(byte[] data, int height, int width) {
        return new Image(Picture.bytes(data, 1, height, width, 4));
    }

    /**
     * A {@link BufferedImage} as it is: {@code TYPE_BYTE_GRAY} as gray, {@code TYPE_USHORT_GRAY} as
     * gray from the high byte of each sample, an image with alpha as RGBA, any other as RGB. Its pixels are read on the caller's thread during the call that logs it
     * (fast for the common types); do not draw into it meanwhile from another thread.
     *
     * @param image the picture
     * @return the picture; it refers to {@code image}
     * @throws IllegalArgumentException a null image
     */
    public static Image of(BufferedImage image) {
        return new Image(Picture.of(image));
    }

    /**
     * This picture, first rescaled by its own min and max: {@code (x - min) / (max - min)} (NaN and
     * infinities are left out of min and max); when {@code max == min} every pixel is 0 (black), not
     * NaN. For bytes: {@code floor((v - min) * 255 / (max - min))}.
     *
     * @return an equalized copy of this image (the same array)
     */
    public Image equalized() {
        return new Image(picture.scaled(ImageScaling.EQUALIZE));
    }

    /** {@return the rows (the height in pixels)} */
    public int height() {
        return picture.shape().height();
    }

    /** {@return the columns (the width in pixels)} */
    public int width() {
        return picture.shape().width();
    }

    /** {@return the channels: 1 (gray), 3 (RGB) or 4 (RGBA)} */
    public int channels() {
        return picture.shape().channels();
    }

    /** {@return whether it is rescaled by its min and max} */
    public boolean isEqualized() {
        return picture.scaling() != ImageScaling.CLIP;
    }

    Picture picture() {
        return picture;
    }

    @Override
    public String toString() {
        return "Image[" + height() + "x" + width() + "x" + channels() + (isEqualized() ? ", equalized" : "") + "]";
    }
}
