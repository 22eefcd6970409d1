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
        Objects.checkFromIndexSize(srcOff, shape.values(), src.length);
        Objects.checkFromIndexSize(dstOff, shape.gridValues(), dst.length);
        int count = shape.count();
        int height = shape.height();
        int columns = shape.gridColumns();
        int rows = shape.gridRows();
        int cellRowBytes = shape.width() * shape.channels();
        int imageBytes = shape.valuesPerImage();
        int out = dstOff;
        for (int r = 0; r < rows; r++) {
            int first = r * columns;                          // image in this row's first cell
            int filled = Math.min(columns, count - first);    // < columns only in the last row
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
