package dev.tblog.video;

import dev.tblog.image.ImageScaling;
import dev.tblog.image.ImageShape;

/**
 * What one {@code addVideo} call logs, validated when it is made: {@code N} videos of {@code T}
 * frames of {@code H x W} pixels with {@code C} channels (1 gray, 3 RGB), stored flat and
 * row-major as {@code (N, T, H, W, C)}: value {@code (n, t, y, x, c)} at
 * {@code (((n * T + t) * H + y) * W + x) * C + c}; the frame rate; how values become 8-bit pixels
 * (the rules of images, {@link ImageScaling}; per-image equalize is per video). Each frame of the
 * N videos is tiled as images are ({@link ImageShape}: {@code min(N, 8)} columns).
 *
 * <p>Every instance is valid: dimensions positive, {@code C} 1 or 3, the array's length
 * {@code N*T*H*W*C}, the tiled frame at most 65,535 pixels wide and high (GIF's limit), the frame
 * rate finite and positive. The configured picture size ({@code image.maxPixels}, per tiled frame)
 * is checked by the producer.
 *
 * <p>Thread contract: immutable, any thread; the caller's array must not change until the call
 * that logs it returns.
 */
public final class VideoClip {
    /** The Python writers' default frame rate ({@code add_video(..., fps=4)}). */
    public static final double DEFAULT_FPS = 4;
    /** GIF's largest width and height. */
    public static final int MAX_SIDE = 65_535;

    /** Where the values come from. */
    enum Source { FLOATS, DOUBLES, BYTES }

    private final Source source;
    private final Object data;
    private final int frames;
    private final ImageShape frameShape;
    private final double fps;
    private final ImageScaling scaling;

    private VideoClip(Source source, Object data, int frames, ImageShape frameShape, double fps, ImageScaling scaling) {
        this.source = source;
        this.data = data;
        this.frames = frames;
        this.frameShape = frameShape;
        this.fps = fps;
        this.scaling = scaling;
    }

    /**
     * Float values meant in [0, 1].
     *
     * @throws IllegalArgumentException null data, a bad shape or one that does not match the array's
     *     length, a tiled frame wider or higher than 65,535 (the message names the values)
     */
    public static VideoClip floats(float[] data, int videos, int frames, int height, int width, int channels) {
        return of(Source.FLOATS, data, data == null ? -1 : data.length, videos, frames, height, width, channels);
    }

    /** As {@link #floats}, for doubles. */
    public static VideoClip doubles(double[] data, int videos, int frames, int height, int width, int channels) {
        return of(Source.DOUBLES, data, data == null ? -1 : data.length, videos, frames, height, width, channels);
    }

    /** As {@link #floats}, for unsigned bytes 0..255. */
    public static VideoClip bytes(byte[] data, int videos, int frames, int height, int width, int channels) {
        return of(Source.BYTES, data, data == null ? -1 : data.length, videos, frames, height, width, channels);
    }

    private static VideoClip of(Source source, Object data, int length, int videos, int frames, int height, int width,
                                int channels) {
        String shape = videos + "x" + frames + "x" + height + "x" + width + "x" + channels;
        if (length < 0) {
            throw new IllegalArgumentException("video data must not be null");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("video shape " + shape + ": channels must be 1 (gray) or 3 (RGB), was "
                + channels);
        }
        if (videos < 1 || frames < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("video shape " + shape + ": videos, frames, height and width must be >= 1");
        }
        ImageShape frame = ImageShape.of(videos, height, width, channels);
        long values = (long) frame.values() * frames;
        if (values != length) {
            throw new IllegalArgumentException("video shape " + shape + " needs " + values + " values, array has "
                + length);
        }
        if (frame.gridWidth() > MAX_SIDE || frame.gridHeight() > MAX_SIDE) {
            throw new IllegalArgumentException("video shape " + shape + " makes frames of " + frame.gridHeight() + "x"
                + frame.gridWidth() + ": a GIF is at most " + MAX_SIDE + " on each side");
        }
        return new VideoClip(source, data, frames, frame, DEFAULT_FPS, ImageScaling.CLIP);
    }

    /**
     * This clip at another frame rate.
     *
     * @throws IllegalArgumentException NaN, infinite, zero or negative
     */
    public VideoClip fps(double framesPerSecond) {
        if (!(framesPerSecond > 0) || Double.isInfinite(framesPerSecond)) {
            throw new IllegalArgumentException("video fps must be finite and > 0, got " + framesPerSecond);
        }
        return new VideoClip(source, data, frames, frameShape, framesPerSecond, scaling);
    }

    /** This clip with another scaling ({@code EQUALIZE_PER_IMAGE}: each video by its own min and max). */
    public VideoClip scaled(ImageScaling newScaling) {
        return new VideoClip(source, data, frames, frameShape, fps, newScaling);
    }

    /**
     * Each frame's duration in the GIF, in hundredths of a second: {@code round(100 / fps)}, at
     * least 2 (browsers show 0 and 1 as 10) and at most 65,535.
     */
    public int delayCentiseconds() {
        return (int) Math.max(2, Math.min(65_535, Math.round(100 / fps)));
    }

    Source source() {
        return source;
    }

    Object data() {
        return data;
    }

    /** N. */
    public int videos() {
        return frameShape.count();
    }

    /** T. */
    public int frames() {
        return frames;
    }

    /** N videos' frame t, as a batch of images: {@code (N, H, W, C)}, tiled into one picture. */
    public ImageShape frameShape() {
        return frameShape;
    }

    /** {@code N*T*H*W*C}. */
    public int values() {
        return frameShape.values() * frames;
    }

    public double fps() {
        return fps;
    }

    public ImageScaling scaling() {
        return scaling;
    }

    @Override
    public String toString() {
        return "VideoClip[" + videos() + "x" + frames + "x" + frameShape.height() + "x" + frameShape.width() + "x"
            + frameShape.channels() + ", " + fps + " fps, " + scaling + "]";
    }
}
