package dev.tblog.video;

import java.util.Arrays;

/**
 * Writes an animated GIF (GIF89a) of 8-bit gray or RGB frames into a reused byte array, the way
 * the Python writers' {@code add_video} stores a video: one global 256-colour table, looping
 * forever, every frame full size and shown for the same delay.
 * <pre>
 * "GIF89a"
 * logical screen   width, height (16-bit LE), F7 (global table of 256 colours), 00, 00
 * global table     256 x r g b
 * NETSCAPE2.0      21 FF 0B "NETSCAPE2.0" 03 01 00 00 00    loop forever
 * per frame        21 F9 04 04 delay(16-bit LE, 1/100 s) 00 00   graphic control: keep, no transparency
 *                  2C 0000 0000 width height 00                 image descriptor, no local table
 *                  LZW image data ({@link Lzw})
 * 3B               trailer
 * </pre>
 * Colours: see {@link Palette} (gray exact; RGB exact up to 256 colours, else median cut).
 *
 * <p>Why not {@code javax.imageio}: its GIF writer took 9 to 11 times as long and allocated 11 to
 * 15 MB for 16 frames of 64x64, where this one allocates nothing (benchmarks/RESULTS.md, "Video:
 * GIF encoding").
 *
 * <p>Thread contract: not thread-safe; one per consumer. Once it has seen the largest video it
 * allocates nothing.
 */
public final class GifEncoder {
    private static final byte[] NETSCAPE_LOOP = {
        0x21, (byte) 0xFF, 0x0B, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0', 0x03, 0x01, 0x00, 0x00, 0x00};
    private static final int HEADER_BYTES = 6 + 7 + 3 * Palette.COLOURS + NETSCAPE_LOOP.length;
    private static final int FRAME_OVERHEAD = 8 + 10 + 1;

    private final Palette palette = new Palette();
    private final Lzw lzw = new Lzw();
    private byte[] indices = new byte[0];
    private byte[] buffer = new byte[0];

    /**
     * Encodes {@code frames} frames of {@code width x height} pixels with {@code channels} (1 gray,
     * 3 RGB) values each, one frame after the other in {@code pixels}.
     *
     * @param delay each frame's duration in hundredths of a second, 1 to 65535
     * @return the GIF's length; the GIF is {@code buffer()[0, length)}
     */
    public int encode(byte[] pixels, int frames, int width, int height, int channels, int delay) {
        int perFrame = width * height;
        if (channels == 1) {
            palette.gray();
        } else {
            palette.rgb(pixels, frames * perFrame);
        }
        if (indices.length < perFrame) {
            indices = new byte[perFrame];
        }
        long most = HEADER_BYTES + (long) frames * (FRAME_OVERHEAD + Lzw.maxBytes(perFrame)) + 1;
        if (most > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a GIF of " + frames + " frames of " + width + "x" + height
                + " may not fit in an array");
        }
        if (buffer.length < most) {
            buffer = new byte[(int) most];
        }
        int pos = header(width, height);
        for (int f = 0; f < frames; f++) {
            int off = f * perFrame * channels;
            if (channels == 1) {
                System.arraycopy(pixels, off, indices, 0, perFrame);
            } else {
                palette.index(pixels, off, perFrame, indices);
            }
            pos = frameHeader(pos, width, height, delay);
            pos = lzw.encode(indices, perFrame, buffer, pos);
        }
        buffer[pos++] = 0x3B;
        return pos;
    }

    /** The GIF of the last {@link #encode}; call after it, never before (it may replace the array). */
    public byte[] buffer() {
        return buffer;
    }

    private int header(int width, int height) {
        byte[] b = buffer;
        b[0] = 'G';
        b[1] = 'I';
        b[2] = 'F';
        b[3] = '8';
        b[4] = '9';
        b[5] = 'a';
        short16(b, 6, width);
        short16(b, 8, height);
        b[10] = (byte) 0xF7; // global table present, colour resolution 8 bits, 2^(7+1) colours
        b[11] = 0;           // background colour index
        b[12] = 0;           // no aspect ratio
        System.arraycopy(palette.table(), 0, b, 13, 3 * Palette.COLOURS);
        int pos = 13 + 3 * Palette.COLOURS;
        System.arraycopy(NETSCAPE_LOOP, 0, b, pos, NETSCAPE_LOOP.length);
        return pos + NETSCAPE_LOOP.length;
    }

    private int frameHeader(int pos, int width, int height, int delay) {
        byte[] b = buffer;
        b[pos] = 0x21;
        b[pos + 1] = (byte) 0xF9;
        b[pos + 2] = 4;
        b[pos + 3] = 0x04; // disposal 1: keep the frame; no user input, no transparency
        short16(b, pos + 4, delay);
        b[pos + 6] = 0;
        b[pos + 7] = 0;
        b[pos + 8] = 0x2C;
        Arrays.fill(b, pos + 9, pos + 13, (byte) 0); // left, top
        short16(b, pos + 13, width);
        short16(b, pos + 15, height);
        b[pos + 17] = 0; // no local table, not interlaced
        return pos + 18;
    }

    private static void short16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }
}
