package dev.tblog;

import dev.tblog.image.ImageScaling;
import dev.tblog.video.VideoClip;

/**
 * A video for {@link Logger#addVideo(String, Video, long)}: frames of one shape at a frame rate,
 * logged as an animated GIF in TensorBoard's IMAGES tab, as the Python writers' {@code add_video}
 * does.
 * <pre>{@code
 * log.addVideo("Population/Firing rate movie", Video.gray(rates, trials, 10, 10).equalized().fps(8), step);
 * log.addVideo("Samples", Video.rgbBatch(clips, 4, 16, 32, 32), step);   // 4 videos side by side
 * }</pre>
 *
 * <p>Data: flat and row-major. {@code gray(data, frames, h, w)} is {@code (T, H, W)},
 * {@code rgb} is {@code (T, H, W, 3)}: frame after frame, each laid out as an {@link Image}. The
 * batch forms take {@code N} videos, {@code (N, T, H, W[, 3])}, video after video, and tile each
 * frame of the N videos into one picture as {@link Images} does ({@code min(N, 8)} columns). Pixel
 * rules as {@link Image}: floats and doubles meant in [0, 1] are {@code (int) clip(x * 255, 0, 255)}
 * (NaN gives 0), bytes are pixels 0..255. {@link #equalized()} stretches by the min and max of the
 * whole clip (so brightness means the same in every frame); {@link #equalizedPerVideo()} stretches
 * each of the N videos by its own.
 *
 * <p>The GIF: one 256-colour table for all frames (gray exact; RGB exact up to 256 colours, else an
 * adaptive median-cut table), looping forever, each frame shown {@code round(100 / fps)}
 * hundredths of a second (GIF's unit), at least 2: browsers play shorter frames at 10, so more than
 * 50 fps plays at 50. The default frame rate is 4, as the Python writers'.
 *
 * <p>An {@code Video} refers to your array until the call that logs it returns; the call copies
 * the values into pooled memory, so you may overwrite the array as soon as it returns.
 *
 * <p>Validated here, with {@link IllegalArgumentException} naming the values: a null array, a
 * dimension below 1, a length not {@code N*T*H*W*C}, a tiled frame wider or higher than 65,535, a
 * frame rate that is not finite and positive. {@code image.maxPixels} limits each tiled frame,
 * checked by the call.
 *
 * <p>Thread contract: immutable, any thread; the array must not change while a call logs it.
 */
public final class Video {
    private final VideoClip clip;

    private Video(VideoClip clip) {
        this.clip = clip;
    }

    /**
     * {@code frames} gray frames {@code (height, width)} of floats in [0, 1].
     *
     * @param data {@code frames * height * width} values, frame after frame, each row by row
     * @param frames T, frames in the video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the video at 4 fps; it refers to {@code data}
     */
    public static Video gray(float[] data, int frames, int height, int width) {
        return new Video(VideoClip.floats(data, 1, frames, height, width, 1));
    }

    /**
     * As {@link #gray(float[], int, int, int)}, for doubles.
     *
     * @param data {@code frames * height * width} values, frame after frame, each row by row
     * @param frames T, frames in the video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the video at 4 fps; it refers to {@code data}
     */
    public static Video gray(double[] data, int frames, int height, int width) {
        return new Video(VideoClip.doubles(data, 1, frames, height, width, 1));
    }

    /**
     * As {@link #gray(float[], int, int, int)}, for unsigned bytes.
     *
     * @param data {@code frames * height * width} pixels 0..255, frame after frame, each row by row
     * @param frames T, frames in the video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the video at 4 fps; it refers to {@code data}
     */
    public static Video gray(byte[] data, int frames, int height, int width) {
        return new Video(VideoClip.bytes(data, 1, frames, height, width, 1));
    }

    /**
     * {@code frames} RGB frames {@code (height, width, 3)} of floats in [0, 1].
     *
     * @param data {@code frames * height * width * 3} values, frame after frame, each row by row (r, g, b of
     *     each pixel in turn)
     * @param frames T, frames in the video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the video at 4 fps; it refers to {@code data}
     */
    public static Video rgb(float[] data, int frames, int height, int width) {
        return new Video(VideoClip.floats(data, 1, frames, height, width, 3));
    }

    /**
     * As {@link #rgb(float[], int, int, int)}, for doubles.
     *
     * @param data {@code frames * height * width * 3} values, frame after frame, each row by row (r, g, b of
     *     each pixel in turn)
     * @param frames T, frames in the video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the video at 4 fps; it refers to {@code data}
     */
    public static Video rgb(double[] data, int frames, int height, int width) {
        return new Video(VideoClip.doubles(data, 1, frames, height, width, 3));
    }

    /**
     * As {@link #rgb(float[], int, int, int)}, for unsigned bytes.
     *
     * @param data {@code frames * height * width * 3} pixels 0..255, frame after frame, each row by row (r, g,
     *     b of each pixel in turn)
     * @param frames T, frames in the video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the video at 4 fps; it refers to {@code data}
     */
    public static Video rgb(byte[] data, int frames, int height, int width) {
        return new Video(VideoClip.bytes(data, 1, frames, height, width, 3));
    }

    /**
     * {@code videos} gray videos {@code (frames, height, width)}, one after the other, tiled frame by frame.
     *
     * @param data {@code videos * frames * height * width} values, video after video, each frame after frame,
     *     each row by row
     * @param videos N, videos in the batch, at least 1
     * @param frames T, frames in each video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the batch at 4 fps; it refers to {@code data}
     */
    public static Video grayBatch(float[] data, int videos, int frames, int height, int width) {
        return new Video(VideoClip.floats(data, videos, frames, height, width, 1));
    }

    /**
     * As {@link #grayBatch(float[], int, int, int, int)}, for doubles.
     *
     * @param data {@code videos * frames * height * width} values, video after video, each frame after frame,
     *     each row by row
     * @param videos N, videos in the batch, at least 1
     * @param frames T, frames in each video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the batch at 4 fps; it refers to {@code data}
     */
    public static Video grayBatch(double[] data, int videos, int frames, int height, int width) {
        return new Video(VideoClip.doubles(data, videos, frames, height, width, 1));
    }

    /**
     * As {@link #grayBatch(float[], int, int, int, int)}, for unsigned bytes.
     *
     * @param data {@code videos * frames * height * width} pixels 0..255, video after video, each frame after frame,
     *     each row by row
     * @param videos N, videos in the batch, at least 1
     * @param frames T, frames in each video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the batch at 4 fps; it refers to {@code data}
     */
    public static Video grayBatch(byte[] data, int videos, int frames, int height, int width) {
        return new Video(VideoClip.bytes(data, videos, frames, height, width, 1));
    }

    /**
     * {@code videos} RGB videos {@code (frames, height, width, 3)}, one after the other, tiled frame by frame.
     *
     * @param data {@code videos * frames * height * width * 3} values, video after video, each frame after frame,
     *     each row by row (r, g, b of each pixel in turn)
     * @param videos N, videos in the batch, at least 1
     * @param frames T, frames in each video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the batch at 4 fps; it refers to {@code data}
     */
    public static Video rgbBatch(float[] data, int videos, int frames, int height, int width) {
        return new Video(VideoClip.floats(data, videos, frames, height, width, 3));
    }

    /**
     * As {@link #rgbBatch(float[], int, int, int, int)}, for doubles.
     *
     * @param data {@code videos * frames * height * width * 3} values, video after video, each frame after frame,
     *     each row by row (r, g, b of each pixel in turn)
     * @param videos N, videos in the batch, at least 1
     * @param frames T, frames in each video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the batch at 4 fps; it refers to {@code data}
     */
    public static Video rgbBatch(double[] data, int videos, int frames, int height, int width) {
        return new Video(VideoClip.doubles(data, videos, frames, height, width, 3));
    }

    /**
     * As {@link #rgbBatch(float[], int, int, int, int)}, for unsigned bytes.
     *
     * @param data {@code videos * frames * height * width * 3} pixels 0..255, video after video, each frame
     *     after frame, each row by row (r, g, b of each pixel in turn)
     * @param videos N, videos in the batch, at least 1
     * @param frames T, frames in each video, at least 1
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @return the batch at 4 fps; it refers to {@code data}
     */
    public static Video rgbBatch(byte[] data, int videos, int frames, int height, int width) {
        return new Video(VideoClip.bytes(data, videos, frames, height, width, 3));
    }

    /**
     * This video at {@code framesPerSecond} (default 4); finite and positive.
     *
     * @param framesPerSecond the frame rate, finite and above 0; each frame is shown
     *     {@code round(100 / fps)} hundredths of a second, at least 2
     * @return a new Video with that frame rate and otherwise the same (the same array)
     * @throws IllegalArgumentException a frame rate that is NaN, infinite, zero or negative
     */
    public Video fps(double framesPerSecond) {
        return new Video(clip.fps(framesPerSecond));
    }

    /**
     * This video, rescaled by the min and max of the whole clip (rules as {@link Image#equalized()}).
     *
     * @return a new, equalized Video of the same array
     */
    public Video equalized() {
        return new Video(clip.scaled(ImageScaling.EQUALIZE));
    }

    /**
     * This batch, each video rescaled by its own min and max.
     *
     * @return a new Video of the same array, each of its videos equalized by itself
     */
    public Video equalizedPerVideo() {
        return new Video(clip.scaled(ImageScaling.EQUALIZE_PER_IMAGE));
    }

    /** {@return N, the videos tiled side by side (1 for the single forms)} */
    public int videos() {
        return clip.videos();
    }

    /** {@return T, the frames per video} */
    public int frames() {
        return clip.frames();
    }

    /** {@return the rows of each frame of one video (its height in pixels, before tiling)} */
    public int height() {
        return clip.frameShape().height();
    }

    /** {@return the columns of each frame of one video (its width in pixels, before tiling)} */
    public int width() {
        return clip.frameShape().width();
    }

    /** {@return the channels: 1 (gray) or 3 (RGB)} */
    public int channels() {
        return clip.frameShape().channels();
    }

    /** {@return the frame rate in frames per second: 4 unless set by {@link #fps(double)}} */
    public double fps() {
        return clip.fps();
    }

    VideoClip clip() {
        return clip;
    }

    @Override
    public String toString() {
        return "Video[" + clip + "]";
    }
}
