/**
 * The image kind ({@code addImage}, {@code addImages}, {@code addFigure}), in one place: the
 * producer half ({@link dev.tblog.image.ImageProducer}: a validated
 * {@link dev.tblog.image.Picture} copied into pooled memory, figures drawn on the caller's thread),
 * the plain-data payload, the consumer half ({@code ImageEncoder}: equalize, tile, PNG, the
 * {@code Summary.Image} value), and the pure kernels: shape validation
 * ({@link dev.tblog.image.ImageShape}), conversion to 8-bit pixels with clipping and equalize
 * ({@link dev.tblog.image.Quantize}, {@code Equalize} for bytes), tiling of batches
 * ({@link dev.tblog.image.Tile}), PNG encoding ({@link dev.tblog.image.PngEncoder}).
 *
 * <p>The consumer's path for a float batch {@code (N, H, W, C)}:
 * <pre>{@code
 * ImageShape shape = ImageShape.validate(values.length, n, h, w, c, maxPixels);   // once, on entry
 * Quantize.clip(values, 0, bytes, 0, shape.values());        // or Quantize.equalize / equalizePerImage
 * Tile.tile(bytes, 0, shape, grid, 0);                        // skip when N == 1
 * int length = png.encode(grid, 0, shape.gridWidth(), shape.gridHeight(), c);
 * }</pre>
 * The kernels are static, allocate nothing, and write into arrays the caller owns and reuses.
 *
 * <p>Thread contract: the producer half on any producer thread, the encoder on the consumer; the
 * kernels are stateless, on whichever thread owns the arrays.
 */
package dev.tblog.image;
