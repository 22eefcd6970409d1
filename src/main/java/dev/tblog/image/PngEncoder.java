package dev.tblog.image;

import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes an 8-bit gray, RGB or RGBA raster as a PNG into a reused byte array.
 *
 * <h2>What it writes</h2>
 * <pre>
 * offset  size  content
 *      0     8  signature 89 50 4E 47 0D 0A 1A 0A
 *      8     4  13 (IHDR data length, big-endian, as every PNG integer)
 *     12     4  "IHDR"
 *     16     4  width
 *     20     4  height
 *     24     1  bit depth 8
 *     25     1  colour type: 0 gray, 2 RGB, 6 RGBA (channels 1, 3, 4)
 *     26     3  compression 0 (deflate), filter method 0, interlace 0 (none)
 *     29     4  CRC-32 of bytes 12..28 (chunk type and data)
 *     33     4  n (IDAT data length)
 *     37     4  "IDAT"
 *     41     n  zlib stream (deflate + Adler-32) of the filtered scanlines
 *   41+n     4  CRC-32 of "IDAT" and the n data bytes
 *   45+n    12  IEND chunk: length 0, "IEND", CRC AE 42 60 82
 * </pre>
 * The filtered scanlines are, per row, one filter type byte then {@code width * channels} bytes
 * (see {@link PngFilter}). One IDAT chunk holds the whole stream: PNG allows any split, and one
 * chunk means one CRC pass and no bookkeeping.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * int length = png.encode(raster, 0, width, height, 1);
 * protobufOut.writeByteArray(4, png.buffer(), 0, length);   // no copy; length known up front
 * }</pre>
 * The bytes in {@link #buffer()} are valid from 0 to the returned length until the next
 * {@code encode}. Call {@code buffer()} after {@code encode}, never before: {@code encode} replaces
 * the array when a larger image needs more room (so {@code f(png.buffer(), png.encode(...))} is a bug). The encoder keeps its {@link Deflater}, {@link CRC32} and scratch arrays; once it has
 * seen the largest image, {@code encode} allocates nothing on the Java heap.
 *
 * <p>Thread contract: not thread-safe; confine to one thread (the consumer). Call {@link #close()}
 * to free the Deflater's native memory.
 */
public final class PngEncoder implements AutoCloseable {

    /** Compression level used by {@link #PngEncoder()}: fastest level, see benchmarks/results/images-kernels.md. */
    public static final int COMPRESSION_LEVEL_DEFAULT = 1;

    /** Filter used by {@link #PngEncoder()}. */
    public static final PngFilter FILTER_DEFAULT = PngFilter.UP;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final int IHDR_TYPE = 12;
    private static final int IDAT_LENGTH = 33;
    private static final int IDAT_DATA = 41;
    /** Bytes around the zlib stream: signature, IHDR, IDAT header and CRC, IEND. */
    private static final int OVERHEAD = IDAT_DATA + 4 + IEND.length;

    private final int compressionLevel;
    private final PngFilter filter;
    private final int strategy;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] scanlines = new byte[0];
    private byte[] out = new byte[256];

    /** An encoder with {@link #COMPRESSION_LEVEL_DEFAULT} and {@link #FILTER_DEFAULT}. */
    public PngEncoder() {
        this(COMPRESSION_LEVEL_DEFAULT, FILTER_DEFAULT);
    }

    /**
     * @param compressionLevel deflate level 0 (stored, fastest, largest) to 9 (smallest, slowest)
     * @param filter           the scanline filter
     * @throws IllegalArgumentException when the level is outside 0..9
     */
    public PngEncoder(int compressionLevel, PngFilter filter) {
        this(compressionLevel, filter, Deflater.DEFAULT_STRATEGY);
    }

    /**
     * @param compressionLevel deflate level 0..9
     * @param filter           the scanline filter
     * @param strategy         {@link Deflater#DEFAULT_STRATEGY}, {@link Deflater#FILTERED} or
     *                         {@link Deflater#HUFFMAN_ONLY} (no string matching: faster, bigger)
     * @throws IllegalArgumentException when the level or the strategy is out of range
     */
    public PngEncoder(int compressionLevel, PngFilter filter, int strategy) {
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel must be 0..9, was " + compressionLevel);
        }
        if (strategy != Deflater.DEFAULT_STRATEGY && strategy != Deflater.FILTERED && strategy != Deflater.HUFFMAN_ONLY) {
            throw new IllegalArgumentException("strategy must be Deflater.DEFAULT_STRATEGY, FILTERED or HUFFMAN_ONLY, was "
                    + strategy);
        }
        this.compressionLevel = compressionLevel;
        this.filter = Objects.requireNonNull(filter, "filter");
        this.strategy = strategy;
        this.deflater = new Deflater(compressionLevel); // zlib wrapper on: PNG wants zlib, not raw deflate
        this.deflater.setStrategy(strategy);
    }

    /**
     * Encodes {@code raster[offset, offset + height * width * channels)}, rows top to bottom, pixels
     * left to right, channels in R, G, B, A order.
     *
     * @param width    pixels per row, {@code >= 1}
     * @param height   rows, {@code >= 1}
     * @param channels 1 (gray), 3 (RGB) or 4 (RGBA)
     * @return the PNG's length: the PNG is {@code buffer()[0, length)}
     * @throws IllegalArgumentException  when a dimension is out of range, naming it
     * @throws IndexOutOfBoundsException when the raster range does not lie in the array
     */
    public int encode(byte[] raster, int offset, int width, int height, int channels) {
        int colourType = checkAndColourType(width, height, channels);
        int stride = width * channels;
        Objects.checkFromIndexSize(offset, stride * height, raster.length);

        int scanLength = height * (stride + 1);
        if (scanlines.length < scanLength) {
            scanlines = new byte[scanLength];
        }
        filterRows(raster, offset, stride, height, channels);

        ensureOut(OVERHEAD + zlibBound(scanLength));
        System.arraycopy(SIGNATURE, 0, out, 0, 8);
        putInt(out, 8, 13);
        out[12] = 'I';
        out[13] = 'H';
        out[14] = 'D';
        out[15] = 'R';
        putInt(out, 16, width);
        putInt(out, 20, height);
        out[24] = 8;
        out[25] = (byte) colourType;
        out[26] = 0;
        out[27] = 0;
        out[28] = 0;
        putInt(out, 29, crc(IHDR_TYPE, 17));
        out[37] = 'I';
        out[38] = 'D';
        out[39] = 'A';
        out[40] = 'T';

        int end = deflate(scanLength);
        putInt(out, IDAT_LENGTH, end - IDAT_DATA);
        putInt(out, end, crc(IDAT_DATA - 4, end - IDAT_DATA + 4));
        end += 4;
        ensureOut(end + IEND.length);
        System.arraycopy(IEND, 0, out, end, IEND.length);
        return end + IEND.length;
    }

    /**
     * @return the output array; the last PNG is {@code [0, length)} with the length that encode returned.
     *         Fetch it after each encode: a larger image makes encode replace the array.
     */
    public byte[] buffer() {
        return out;
    }

    /** @return the deflate level, 0..9 */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** @return the deflate strategy */
    public int strategy() {
        return strategy;
    }

    /** @return the scanline filter */
    public PngFilter filter() {
        return filter;
    }

    /** Frees the Deflater's native memory; the encoder is unusable afterwards. */
    @Override
    public void close() {
        deflater.end();
    }

    @Override
    public String toString() {
        return "PngEncoder{compressionLevel=" + compressionLevel + ", filter=" + filter + '}';
    }

    private static int checkAndColourType(int width, int height, int channels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("PNG size must be >= 1x1, was width=" + width + ", height=" + height);
        }
        int colourType = switch (channels) {
            case 1 -> 0;
            case 3 -> 2;
            case 4 -> 6;
            default -> throw new IllegalArgumentException("channels must be 1, 3 or 4, was " + channels);
        };
        // The scanlines and the output (about the same size) must fit in an array.
        if ((long) height * ((long) width * channels + 1) + OVERHEAD > ImageShape.MAX_ARRAY_LENGTH / 2) {
            throw new IllegalArgumentException("PNG too large: width=" + width + ", height=" + height
                    + ", channels=" + channels);
        }
        return colourType;
    }

    /** Writes each row as its filter type byte and the filtered bytes into {@code scanlines}. */
    private void filterRows(byte[] raster, int offset, int stride, int height, int bpp) {
        int o = 0;
        for (int y = 0; y < height; y++) {
            int row = offset + y * stride;
            int prev = y == 0 ? -1 : row - stride; // -1: no row above, b = 0
            int type = filter.type();
            if (type < 0) {
                type = PngFilters.cheapest(raster, row, prev, stride, bpp);
            }
            scanlines[o++] = (byte) type;
            PngFilters.apply(type, raster, row, prev, stride, bpp, scanlines, o);
            o += stride;
        }
    }

    /** Deflates {@code scanlines[0, length)} to {@code out} from IDAT_DATA; returns the end offset. */
    private int deflate(int length) {
        deflater.reset();
        deflater.setInput(scanlines, 0, length);
        deflater.finish();
        int pos = IDAT_DATA;
        while (true) {
            pos += deflater.deflate(out, pos, out.length - pos);
            if (deflater.finished()) {
                return pos;
            }
            if (pos == out.length) { // only if the bound below was not enough
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
    }

    /** zlib's compressBound: the most a zlib stream of {@code n} input bytes can take. */
    private static int zlibBound(int n) {
        return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 13;
    }

    private void ensureOut(int capacity) {
        if (out.length < capacity) {
            out = Arrays.copyOf(out, Math.max(capacity, out.length + (out.length >> 1)));
        }
    }

    private int crc(int from, int length) {
        crc.reset();
        crc.update(out, from, length);
        return (int) crc.getValue();
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
