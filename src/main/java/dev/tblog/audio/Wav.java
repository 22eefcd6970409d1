package dev.tblog.audio;

import java.util.Objects;

/**
 * Samples meant in [-1, 1] to a 16-bit PCM WAV file, as Python's {@code wave} module writes it for
 * the Python writers ({@code add_audio}): a 44-byte header, then the samples, little-endian.
 * <pre>
 * offset size  content (integers little-endian)
 *      0    4  "RIFF"
 *      4    4  36 + data bytes
 *      8    4  "WAVE"
 *     12    4  "fmt "
 *     16    4  16 (fmt chunk size)
 *     20    2  1 (PCM)
 *     22    2  channels
 *     24    4  sample rate
 *     28    4  byte rate = rate * channels * 2
 *     32    2  block align = channels * 2
 *     34    2  16 (bits per sample)
 *     36    4  "data"
 *     40    4  data bytes = frames * channels * 2
 *     44       the samples, interleaved by channel, each a signed 16-bit integer
 * </pre>
 *
 * <h2>The sample rule</h2>
 * {@code s = (short) trunc(clip(x, -1, 1) * 32767)}, the Python writers' rule (clip, scale by
 * {@code iinfo(int16).max}, numpy's cast truncates toward zero), with NaN giving 0 (silence):
 * 1.0 gives 32767, -1.0 gives -32767, 0.5 gives 16383, 2.0 and +infinity give 32767. The product is
 * computed in the input's precision. The Java cast {@code (int) s} truncates toward zero and maps NaN
 * to 0 (JLS 5.1.3); {@code Math.min}/{@code max} carry a NaN through, so one expression handles all.
 *
 * <p>Thread contract: stateless, any thread; callers own the arrays. Allocates nothing.
 */
public final class Wav {
    /** Bytes before the samples. */
    public static final int HEADER_BYTES = 44;
    /** The content type the Python writers and TensorBoard use. */
    public static final String CONTENT_TYPE = "audio/wav";
    private static final float FULL_SCALE_F = Short.MAX_VALUE;
    private static final double FULL_SCALE_D = Short.MAX_VALUE;

    private Wav() {
    }

    /** The file's size for {@code samples} samples. */
    public static int fileBytes(int samples) {
        return HEADER_BYTES + 2 * samples;
    }

    /** Writes the 44-byte header for {@code samples} samples at {@code off}. */
    public static void header(byte[] dst, int off, int samples, int channels, int sampleRate) {
        Objects.checkFromIndexSize(off, HEADER_BYTES, dst.length);
        int dataBytes = 2 * samples;
        ascii(dst, off, "RIFF");
        int32(dst, off + 4, 36 + dataBytes);
        ascii(dst, off + 8, "WAVE");
        ascii(dst, off + 12, "fmt ");
        int32(dst, off + 16, 16);
        int16(dst, off + 20, 1);
        int16(dst, off + 22, channels);
        int32(dst, off + 24, sampleRate);
        int32(dst, off + 28, sampleRate * channels * 2);
        int16(dst, off + 32, channels * 2);
        int16(dst, off + 34, 16);
        ascii(dst, off + 36, "data");
        int32(dst, off + 40, dataBytes);
    }

    /** Writes {@code length} samples as 16-bit little-endian at {@code dst[off]}; see the class Javadoc. */
    public static void pcm(float[] src, int length, byte[] dst, int off) {
        Objects.checkFromIndexSize(0, length, src.length);
        Objects.checkFromIndexSize(off, 2 * length, dst.length);
        for (int i = 0, o = off; i < length; i++, o += 2) {
            int s = (int) (Math.min(Math.max(src[i], -1f), 1f) * FULL_SCALE_F);
            dst[o] = (byte) s;
            dst[o + 1] = (byte) (s >> 8);
        }
    }

    /** As {@link #pcm(float[], int, byte[], int)}, in double arithmetic. */
    public static void pcm(double[] src, int length, byte[] dst, int off) {
        Objects.checkFromIndexSize(0, length, src.length);
        Objects.checkFromIndexSize(off, 2 * length, dst.length);
        for (int i = 0, o = off; i < length; i++, o += 2) {
            int s = (int) (Math.min(Math.max(src[i], -1d), 1d) * FULL_SCALE_D);
            dst[o] = (byte) s;
            dst[o + 1] = (byte) (s >> 8);
        }
    }

    private static void ascii(byte[] dst, int off, String four) {
        for (int i = 0; i < 4; i++) {
            dst[off + i] = (byte) four.charAt(i);
        }
    }

    private static void int16(byte[] dst, int off, int v) {
        dst[off] = (byte) v;
        dst[off + 1] = (byte) (v >>> 8);
    }

    private static void int32(byte[] dst, int off, int v) {
        int16(dst, off, v);
        int16(dst, off + 2, v >>> 16);
    }
}
