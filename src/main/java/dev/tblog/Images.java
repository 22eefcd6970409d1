package dev.tblog;

import dev.tblog.image.ImageScaling;
import dev.tblog.image.Picture;

/**
 * A batch of pictures of one shape for {@link Logger#addImages(String, Images, long)}, shown as one
 * tiled picture as the Python writers do: {@code min(n, 8)} columns and {@code ceil(n / 8)} rows of
 * cells, filled row by row, no padding, unused cells black. Six 5x5 images give a picture 5 high and
 * 30 wide; nine give 2 rows of 8.
 * <pre>{@code
 * log.addImages("Projection/Receptive fields", Images.gray(fields, n, h, w).equalizedPerImage(), step);
 * }</pre>
 *
 * <p>Data: the images one after the other, layout {@code (n, H, W[, C])}; pixel rules as
 * {@link Image}. An {@code Images} refers to your array until the call that logs it returns.
 *
 * <p>Validated here: a null array, a dimension below 1 ({@code count} included), or
 * {@code count * height * width * channels} not the array's length throws
 * {@link IllegalArgumentException} naming the values. {@code image.maxPixels} limits the tiled
 * picture, checked by the call.
 *
 * <p>Thread contract: immutable, any thread; the array must not change while a call logs it.
 */
public final class Images {
    private final Picture picture;

    private Images(Picture picture) {
        this.picture = picture;
    }

    /**
     * {@code count} gray pictures {@code (height, width)} of floats in [0, 1].
     *
     * @param data {@code count * height * width} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images gray(float[] data, int count, int height, int width) {
        return new Images(Picture.floats(data, count, height, width, 1));
    }

    /**
     * As {@link #gray(float[], int, int, int)}, for doubles.
     *
     * @param data {@code count * height * width} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images gray(double[] data, int count, int height, int width) {
        return new Images(Picture.doubles(data, count, height, width, 1));
    }

    /**
     * As {@link #gray(float[], int, int, int)}, for unsigned bytes.
     *
     * @param data {@code count * height * width} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images gray(byte[] data, int count, int height, int width) {
        return new Images(Picture.bytes(data, count, height, width, 1));
    }

    /**
     * {@code count} RGB pictures {@code (height, width, 3)}.
     *
     * @param data {@code count * height * width * 3} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images rgb(float[] data, int count, int height, int width) {
        return new Images(Picture.floats(data, count, height, width, 3));
    }

    /**
     * As {@link #rgb(float[], int, int, int)}, for doubles.
     *
     * @param data {@code count * height * width * 3} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images rgb(double[] data, int count, int height, int width) {
        return new Images(Picture.doubles(data, count, height, width, 3));
    }

    /**
     * As {@link #rgb(float[], int, int, int)}, for unsigned bytes.
     *
     * @param data {@code count * height * width * 3} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images rgb(byte[] data, int count, int height, int width) {
        return new Images(Picture.bytes(data, count, height, width, 3));
    }

    /**
     * {@code count} RGBA pictures {@code (height, width, 4)}.
     *
     * @param data {@code count * height * width * 4} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images rgba(float[] data, int count, int height, int width) {
        return new Images(Picture.floats(data, count, height, width, 4));
    }

    /**
     * As {@link #rgba(float[], int, int, int)}, for doubles.
     *
     * @param data {@code count * height * width * 4} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images rgba(double[] data, int count, int height, int width) {
        return new Images(Picture.doubles(data, count, height, width, 4));
    }

    /**
     * As {@link #rgba(float[], int, int, int)}, for unsigned bytes.
     *
     * @param data {@code count * height * width * 4} values, image after image, each row by row
     * @param count pictures in the batch, at least 1
     * @param height rows of each picture, at least 1
     * @param width columns of each picture, at least 1
     * @return the batch; it refers to {@code data}
     */
    public static Images rgba(byte[] data, int count, int height, int width) {
        return new Images(Picture.bytes(data, count, height, width, 4));
    }

    /** {@return this batch, rescaled by the min and max of the whole batch (rules as {@link Image#equalized()})} */
    public Images equalized() {
        return new Images(picture.scaled(ImageScaling.EQUALIZE));
    }

    /** {@return this batch, each image rescaled by its own min and max} */
    public Images equalizedPerImage() {
        return new Images(picture.scaled(ImageScaling.EQUALIZE_PER_IMAGE));
    }

    /** {@return the number of pictures in the batch} */
    public int count() {
        return picture.shape().count();
    }

    /** {@return the rows of each picture} */
    public int height() {
        return picture.shape().height();
    }

    /** {@return the columns of each picture} */
    public int width() {
        return picture.shape().width();
    }

    /** {@return the channels: 1 (gray), 3 (RGB) or 4 (RGBA)} */
    public int channels() {
        return picture.shape().channels();
    }

    Picture picture() {
        return picture;
    }

    @Override
    public String toString() {
        return "Images[" + picture.shape().describe() + ", " + picture.scaling() + "]";
    }
}
