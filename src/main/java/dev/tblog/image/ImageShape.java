package dev.tblog.image;

/**
 * The validated shape of a batch of images stored flat, row-major, as {@code (N, H, W, C)}:
 * value {@code (n, y, x, c)} sits at index {@code ((n * H + y) * W + x) * C + c}.
 *
 * <p>A single image is a batch of one. Gray is {@code C = 1}, RGB {@code C = 3}, RGBA {@code C = 4}.
 * A batch is shown as one tiled picture (see {@link Tile}): {@code min(N, 8)} columns and
 * {@code ceil(N / 8)} rows of cells, each cell {@code H x W}, no padding. Worked example: six 5x5 gray
 * images give 6 columns, 1 row, a picture 5 high and 30 wide.
 *
 * <p>Every instance is valid: all dimensions positive, {@code C} in {1, 3, 4}, and both the input
 * ({@code N*H*W*C}) and the tiled picture ({@link #gridValues()}) fit in a Java array, so the int
 * accessors never overflow. Validation is done once here so the kernels carry no checks.
 *
 * <p>Thread contract: immutable, any thread.
 *
 * @param count    N, the number of images, {@code >= 1}
 * @param height   H, rows per image, {@code >= 1}
 * @param width    W, columns per image, {@code >= 1}
 * @param channels C, values per pixel: 1 (gray), 3 (RGB) or 4 (RGBA)
 */
public record ImageShape(int count, int height, int width, int channels) {

    /** Cells per row of the tiled picture: a batch is at most this many images wide. */
    public static final int GRID_MAX_COLUMNS = 8;

    /** The largest Java array length that every JVM accepts. */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * Checks the dimensions; see the class Javadoc for the rules.
     *
     * @throws IllegalArgumentException naming the bad value when a dimension is not positive, the
     *                                  channel count is not 1, 3 or 4, or the picture would not fit
     *                                  in an array
     */
    public ImageShape {
        if (count <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape " + describe(count, height, width, channels)
                    + ": count, height and width must be >= 1");
        }
        if (channels != 1 && channels != 3 && channels != 4) {
            throw new IllegalArgumentException("image shape " + describe(count, height, width, channels)
                    + ": channels must be 1 (gray), 3 (RGB) or 4 (RGBA), was " + channels);
        }
        // Multiply in long, one factor at a time, and stop once past the limit: N*H alone is below
        // 2^62, and each further factor is applied only while the product is below 2^31, so no long
        // overflows. The grid has at most 16/9 of the input's cells (worst case N = 9: 2 rows of 8),
        // so once the input fits, the grid's long product cannot overflow either.
        long values = (long) count * height;
        if (values <= MAX_ARRAY_LENGTH) {
            values *= width;
        }
        if (values <= MAX_ARRAY_LENGTH) {
            values *= channels;
        }
        if (values > MAX_ARRAY_LENGTH || gridValuesLong(count, height, width, channels) > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("image shape " + describe(count, height, width, channels)
                    + " is too large for an array (limit " + MAX_ARRAY_LENGTH + " values)");
        }
    }

    /**
     * Same as the constructor: validates the dimensions.
     *
     * @return the shape {@code (count, height, width, channels)}
     * @throws IllegalArgumentException see {@link ImageShape}
     */
    public static ImageShape of(int count, int height, int width, int channels) {
        return new ImageShape(count, height, width, channels);
    }

    /**
     * Validates a shape against the array that holds it and against a pixel budget.
     *
     * @param arrayLength the number of values given (the array length, or the length of the used range)
     * @param maxPixels   the most pixels the tiled picture may have ({@link #gridPixels()}), {@code >= 1};
     *                    for a single image that is {@code H * W}
     * @return the shape
     * @throws IllegalArgumentException naming the values, e.g.
     *                                  {@code "image shape 3x10x10x1 needs 300 values, array has 299"}
     */
    public static ImageShape validate(int arrayLength, int count, int height, int width, int channels,
                                      long maxPixels) {
        ImageShape shape = new ImageShape(count, height, width, channels);
        if (shape.values() != arrayLength) {
            throw new IllegalArgumentException("image shape " + shape.describe() + " needs "
                    + shape.values() + " values, array has " + arrayLength);
        }
        return shape.checkPixels(maxPixels);
    }

    /**
     * Checks the tiled picture against a pixel budget.
     *
     * @param maxPixels the most pixels the tiled picture may have ({@link #gridPixels()})
     * @return this shape
     * @throws IllegalArgumentException naming the values, e.g.
     *                                  {@code "image shape 9x3x4x1 makes a picture of 6x32 = 192 pixels, over maxPixels=100"}
     */
    public ImageShape checkPixels(long maxPixels) {
        if (gridPixels() > maxPixels) {
            throw new IllegalArgumentException("image shape " + describe() + " makes a picture of "
                    + gridHeight() + "x" + gridWidth() + " = " + gridPixels() + " pixels, over maxPixels=" + maxPixels);
        }
        return this;
    }

    /** @return {@code H * W}, the pixels of one image */
    public int pixelsPerImage() {
        return height * width;
    }

    /** @return {@code H * W * C}, the values of one image */
    public int valuesPerImage() {
        return height * width * channels;
    }

    /** @return {@code N * H * W * C}, the values of the whole batch */
    public int values() {
        return count * valuesPerImage();
    }

    /** @return {@code min(N, 8)}, the cells per row of the tiled picture */
    public int gridColumns() {
        return Math.min(count, GRID_MAX_COLUMNS);
    }

    /** @return {@code ceil(N / 8)}, the rows of cells of the tiled picture */
    public int gridRows() {
        return (count + GRID_MAX_COLUMNS - 1) / GRID_MAX_COLUMNS;
    }

    /** @return the tiled picture's height in pixels, {@code gridRows() * H} */
    public int gridHeight() {
        return gridRows() * height;
    }

    /** @return the tiled picture's width in pixels, {@code gridColumns() * W} */
    public int gridWidth() {
        return gridColumns() * width;
    }

    /** @return the tiled picture's pixel count, {@code gridHeight() * gridWidth()} */
    public int gridPixels() {
        return gridHeight() * gridWidth();
    }

    /** @return the tiled picture's value count, {@code gridPixels() * C}; the size of its raster */
    public int gridValues() {
        return gridPixels() * channels;
    }

    /** @return {@code "NxHxWxC"}, the form used in error messages */
    public String describe() {
        return describe(count, height, width, channels);
    }

    private static String describe(int count, int height, int width, int channels) {
        return count + "x" + height + "x" + width + "x" + channels;
    }

    /** Grid values in long arithmetic; only called once N*H*W*C is known to fit in an int. */
    private static long gridValuesLong(int count, int height, int width, int channels) {
        long columns = Math.min(count, GRID_MAX_COLUMNS);
        long rows = (count + (long) GRID_MAX_COLUMNS - 1) / GRID_MAX_COLUMNS;
        return rows * height * columns * width * channels;
    }
}
