package dev.tblog.image;

/**
 * How pixel values become 8-bit pixels, applied on the consumer before tiling and PNG encoding.
 *
 * <p>Thread contract: immutable, any thread.
 */
public enum ImageScaling {
    /**
     * Floats and doubles: {@code uint8(clip(x * 255, 0, 255))}, NaN to 0 ({@link Quantize#clip});
     * bytes as they are (unsigned 0..255).
     */
    CLIP,
    /**
     * Stretch by the finite min and max of the whole batch, {@code (x - min) / (max - min)}, then as
     * {@link #CLIP}; {@code max == min} gives all zeros ({@link Quantize#equalize},
     * {@link Equalize#equalize(byte[], int, byte[], int, int)}).
     */
    EQUALIZE,
    /** As {@link #EQUALIZE}, each image of the batch by its own min and max. */
    EQUALIZE_PER_IMAGE;
}
