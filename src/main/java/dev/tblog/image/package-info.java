/**
 * Pure image kernels: shape validation ({@link dev.tblog.image.ImageShape}), equalize
 * ({@link dev.tblog.image.Equalize}), conversion to 8-bit pixels with clipping
 * ({@link dev.tblog.image.Quantize}), tiling of batches ({@link dev.tblog.image.Tile}), PNG encoding
 * ({@link dev.tblog.image.PngEncoder}), {@code BufferedImage} and figure rasters
 * ({@link dev.tblog.image.BufferedImages}, {@link dev.tblog.image.FigureRenderer}).
 *
 * <p>The consumer's path for a float batch {@code (N, H, W, C)}:
 * <pre>{@code
 * ImageShape shape = ImageShape.validate(values.length, n, h, w, c, maxPixels);   // once, on entry
 * Quantize.clip(values, 0, bytes, 0, shape.values());        // or Quantize.equalize / equalizePerImage
 * Tile.tile(bytes, 0, shape, grid, 0);                        // skip when N == 1
 * int length = png.encode(grid, 0, shape.gridWidth(), shape.gridHeight(), c);
 * }</pre>
 * The kernels are static, allocate nothing, and write into arrays the caller owns and reuses.
 */
package dev.tblog.image;
