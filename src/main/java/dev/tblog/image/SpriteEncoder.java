package dev.tblog.image;

/**
 * The embedding projector's sprite: N thumbnails of one shape tiled into one PNG of
 * {@code k x k} cells, {@code k = ceil(sqrt(N))}, filled row by row, the cells past the last
 * thumbnail black; thumbnail {@code i} sits in cell row {@code i / k}, column {@code i % k}.
 * <pre>
 * N = 7, k = 3:   | 0 | 1 | 2 |
 *                 | 3 | 4 | 5 |      picture 3H high, 3W wide
 *                 | 6 | . | . |
 * </pre>
 * The grid must be square in cells: the projector's shader finds a thumbnail's column as
 * {@code i mod (width / W)} but its row as {@code floor(i / (height / H))}, which is right only
 * when both counts are equal (PyTorch's writer pads its sprite to a square for the same reason).
 * The projector refuses a sprite wider or higher than {@value #MAX_SIDE} pixels.
 *
 * <p>Pixels follow the image rules ({@link Quantize}, {@link Equalize}): values in [0, 1] (or
 * stretched by {@code equalized}), bytes as they are. The encoder keeps its rasters and
 * {@link PngEncoder}; once it has seen the largest sprite it allocates nothing.
 *
 * <p>Thread contract: not thread-safe; confine to one thread (the consumer). {@link #close()} frees
 * the deflater's native memory.
 */
public final class SpriteEncoder implements AutoCloseable {
    /** The largest sprite side, in pixels, the projector shows. */
    public static final int MAX_SIDE = 8192;

    private byte[] pixels = new byte[0];
    private byte[] grid = new byte[0];
    private PngEncoder png;

    /** {@code ceil(sqrt(count))}: cells per row and per column of the sprite of {@code count} thumbnails. */
    public static int cellsPerSide(int count) {
        int k = (int) Math.ceil(Math.sqrt(count));
        while ((long) k * k < count) { // sqrt of a large int may round down
            k++;
        }
        while (k > 1 && (long) (k - 1) * (k - 1) >= count) {
            k--;
        }
        return k;
    }

    /** The sprite's width in pixels. */
    public static long width(ImageShape thumbnails) {
        return (long) cellsPerSide(thumbnails.count()) * thumbnails.width();
    }

    /** The sprite's height in pixels. */
    public static long height(ImageShape thumbnails) {
        return (long) cellsPerSide(thumbnails.count()) * thumbnails.height();
    }

    /**
     * Checks that the sprite of these thumbnails fits the projector and the pixel budget.
     *
     * @throws IllegalArgumentException a side over {@value #MAX_SIDE} pixels, or more than
     *     {@code maxPixels} pixels, naming the values
     */
    public static void check(ImageShape thumbnails, long maxPixels) {
        long w = width(thumbnails);
        long h = height(thumbnails);
        int k = cellsPerSide(thumbnails.count());
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new IllegalArgumentException("sprite of " + thumbnails.count() + " thumbnails of " + thumbnails.height()
                + "x" + thumbnails.width() + " is " + k + "x" + k + " cells, " + w + " wide and " + h
                + " high: the projector shows sprites of at most " + MAX_SIDE + "x" + MAX_SIDE + " pixels");
        }
        if (w * h > maxPixels) {
            throw new IllegalArgumentException("sprite of " + thumbnails.count() + " thumbnails is " + w + "x" + h
                + " = " + w * h + " pixels, over maxPixels=" + maxPixels);
        }
    }

    /**
     * Encodes the sprite of the thumbnails.
     *
     * @return the PNG's length; the PNG is {@code buffer()[0, length)}
     */
    public int encode(PooledPicture thumbnails, int compressionLevel) {
        ImageShape shape = thumbnails.shape();
        int n = shape.values();
        byte[] raster = thumbnails.toBytes(pixels(n));
        int k = cellsPerSide(shape.count());
        int width = k * shape.width();
        int height = k * shape.height();
        int g = width * height * shape.channels();
        if (grid.length < g) {
            grid = new byte[g];
        }
        Tile.tile(raster, 0, shape, k, k, grid, 0);
        return encoder(compressionLevel).encode(grid, 0, width, height, shape.channels());
    }

    /** @return the PNG of the last {@link #encode}, valid up to the length it returned */
    public byte[] buffer() {
        return png.buffer();
    }

    @Override
    public void close() {
        if (png != null) {
            png.close();
            png = null;
        }
    }

    private PngEncoder encoder(int compressionLevel) {
        if (png == null || png.compressionLevel() != compressionLevel) {
            close();
            png = new PngEncoder(compressionLevel, PngEncoder.FILTER_DEFAULT);
        }
        return png;
    }

    private byte[] pixels(int n) {
        if (pixels.length < n) {
            pixels = new byte[n];
        }
        return pixels;
    }
}
