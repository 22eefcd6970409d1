package dev.tblog.video;

import java.util.Arrays;

/**
 * GIF's variable-length LZW compression (GIF89a, appendix F) of 8-bit palette indices, written as
 * the image data of one frame: the minimum code size byte (8), then the codes, least significant
 * bit first, in sub-blocks of at most 255 bytes, then an empty sub-block.
 *
 * <h2>The codes</h2>
 * Codes 0-255 are the indices themselves, 256 is CLEAR, 257 END; new strings get 258, 259, ...
 * up to 4095. Codes start 9 bits wide. The encoder keeps the longest string already in its table,
 * and on a miss writes that string's code and adds the string plus the next index as a new code.
 * The width grows by one bit right after a code is written while the next free code is past the
 * largest the width holds ({@code 2^width - 1}; 4096 at 12 bits): a decoder, one entry behind,
 * grows at the same code. Once 4095 is taken, a CLEAR is written (at 12 bits) and the table
 * starts again at 9 bits. This is the schedule of the classic {@code compress} and of every GIF
 * decoder; a test decodes random and flat frames with the JDK's GIF reader.
 *
 * <p>The string table is an open-addressing hash of (prefix code, index) pairs, 8192 slots, cleared
 * with the code table.
 *
 * <p>Thread contract: not thread-safe; one per consumer (its table is reused).
 */
final class Lzw {
    static final int MIN_CODE_SIZE = 8;
    private static final int CLEAR = 1 << MIN_CODE_SIZE;
    private static final int END = CLEAR + 1;
    private static final int FIRST_FREE = CLEAR + 2;
    private static final int MAX_CODES = 4096;
    private static final int MAX_BITS = 12;
    private static final int SLOTS = 8192;
    private static final int EMPTY = -1;

    /** Keys ({@code prefix << 8 | index}) of the string table, {@link #EMPTY} where free. */
    private final int[] keys = new int[SLOTS];
    private final short[] codes = new short[SLOTS];

    private byte[] out;
    private int pos;
    private int blockStart;
    private int bitBuffer;
    private int bitCount;
    private int codeSize;
    private int nextCode;

    /** The most bytes {@link #encode} writes for {@code length} indices. */
    static int maxBytes(int length) {
        // at most one 12-bit code per index plus CLEARs and END; one length byte per 255 data bytes
        long data = ((long) length + length / 3000 + 4) * MAX_BITS / 8 + 2;
        return (int) (1 + data + data / 255 + 2);
    }

    /**
     * Writes the image data of {@code indices[0, length)} into {@code dst} from {@code off}.
     *
     * @param dst at least {@link #maxBytes}(length) bytes from {@code off}
     * @return the position after the data (after the terminating empty sub-block)
     */
    int encode(byte[] indices, int length, byte[] dst, int off) {
        out = dst;
        pos = off;
        out[pos++] = MIN_CODE_SIZE;
        blockStart = pos++;
        bitBuffer = 0;
        bitCount = 0;
        reset();
        write(CLEAR);
        int prefix = indices[0] & 0xFF;
        for (int i = 1; i < length; i++) {
            int index = indices[i] & 0xFF;
            int key = prefix << 8 | index;
            int slot = slot(key);
            while (keys[slot] != EMPTY && keys[slot] != key) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            if (keys[slot] == key) {
                prefix = codes[slot];
                continue;
            }
            write(prefix);
            if (nextCode < MAX_CODES) {
                keys[slot] = key;
                codes[slot] = (short) nextCode++;
            } else {
                write(CLEAR);
                reset();
            }
            prefix = index;
        }
        write(prefix);
        write(END);
        if (bitCount > 0) {
            put((byte) bitBuffer);
        }
        closeBlock();
        out[pos++] = 0; // block terminator
        out = null;
        return pos;
    }

    private void reset() {
        Arrays.fill(keys, EMPTY);
        codeSize = MIN_CODE_SIZE + 1;
        nextCode = FIRST_FREE;
    }

    private static int slot(int key) {
        return (key * 0x9E3779B1) >>> (32 - 13);
    }

    /** Writes one code at the current width, then widens (or, after CLEAR, narrows) as the class Javadoc says. */
    private void write(int code) {
        bitBuffer |= code << bitCount;
        bitCount += codeSize;
        while (bitCount >= 8) {
            put((byte) bitBuffer);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
        if (code == CLEAR) {
            codeSize = MIN_CODE_SIZE + 1;
        } else if (codeSize < MAX_BITS && nextCode > (1 << codeSize) - 1) {
            codeSize++;
        }
    }

    private void put(byte b) {
        out[pos++] = b;
        if (pos - blockStart - 1 == 255) {
            closeBlock();
            blockStart = pos++;
        }
    }

    private void closeBlock() {
        int size = pos - blockStart - 1;
        if (size == 0) {
            pos--; // no data since the last full block: drop the empty length byte
            return;
        }
        out[blockStart] = (byte) size;
    }
}
