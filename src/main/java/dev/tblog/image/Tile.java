package dev.tblog.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Lays a batch of N images out as one picture, the way TensorBoard's Python writers do:
 * {@code min(N, 8)} columns and {@code ceil(N / 8)} rows of {@code H x W} cells, no padding,
 * filled row by row, unused cells black (zero bytes).
 *
 * <pre>
 * N = 9, each H x W:            picture 2H high, 8W wide
 *   +----+----+----+----+----+----+----+----+
 *   | 0  | 1  | 2  | 3  | 4  | 5  | 6  | 7  |
 *   +----+----+----+----+----+----+----+----+
 *   | 8  |  0 |  0 |  0 |  0 |  0 |  0 |  0 |   7 black cells
 *   +----+----+----+----+----+----+----+----+
 * </pre>
 * Picture pixel row {@code r * H + y}, cell column {@code c} holds row {@code y} of image
 * {@code r * cols + c}: each cell row is one {@code W * C}-byte copy.
 *
 * <p>Thread contract: stateless, any thread; callers own the arrays. Allocates nothing.
 */
public final class Tile {

    private Tile() {
    }

    /**
     * Tiles {@code shape.count()} images of {@code shape.valuesPerImage()} bytes each.
     *
     * @param src    the batch, {@code shape.values()} bytes from {@code srcOff}, layout (N, H, W, C)
     * @param dst    receives the picture, {@code shape.gridValues()} bytes from {@code dstOff}, layout
     *               ({@code gridHeight}, {@code gridWidth}, C); must not overlap {@code src}
     * @throws IndexOutOfBoundsException when a range does not lie in its array
     */
    public static void tile(byte[] src, int srcOff, ImageShape shape, byte[] dst, int dstOff) {
        tile(src, srcOff, shape, shape.gridColumns(), shape.gridRows(), dst, dstOff);
    }

    /**
     * Tiles the images into a grid of {@code columns x rows} cells, filled row by row, the cells
     * past the last image black: the general form, e.g. for the projector's square sprite.
     *
     * @param columns, rows with {@code columns * rows >= shape.count()}
     * @param dst    receives {@code rows * H} rows of {@code columns * W * C} bytes from {@code dstOff}
     * @throws IndexOutOfBoundsException when a range does not lie in its array
     * @throws IllegalArgumentException when the grid has fewer cells than images
     */
    public static void tile(byte[] src, int srcOff, ImageShape shape, int columns, int rows, byte[] dst, int dstOff) {
        int count = shape.count();
        if (columns < 1 || rows < 1 || (long) columns * rows < count) {
            throw new IllegalArgumentException("a grid of " + columns + "x" + rows + " cells cannot hold " + count + " images");
        }
        int height = shape.height();
        int cellRowBytes = shape.width() * shape.channels();
        int imageBytes = shape.valuesPerImage();
        Objects.checkFromIndexSize(srcOff, shape.values(), src.length);
        Objects.checkFromIndexSize(dstOff, Math.multiplyExact(Math.multiplyExact(rows, height),
            Math.multiplyExact(columns, cellRowBytes)), dst.length);
        int out = dstOff;
        for (int r = 0; r < rows; r++) {
            int first = r * columns;                                  // image in this row's first cell
            int filled = Math.max(0, Math.min(columns, count - first)); // < columns only in the last rows
            int blackBytes = (columns - filled) * cellRowBytes;
            for (int y = 0; y < height; y++) {
                int from = srcOff + first * imageBytes + y * cellRowBytes;
                for (int c = 0; c < filled; c++) {
                    System.arraycopy(src, from, dst, out, cellRowBytes);
                    from += imageBytes;
                    out += cellRowBytes;
                }
                Arrays.fill(dst, out, out + blackBytes, (byte) 0);
                out += blackBytes;
            }
        }
    }
}
