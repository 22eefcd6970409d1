package dev.tblog.record;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The TFRecord layout of one record in a tfevents file, and its masked CRC32C.
 *
 * <pre>
 *   0               8       12                      12+n    16+n
 *   +---------------+-------+-----------------------+-------+
 *   | length n      | lcrc  | data (one Event)      | dcrc  |
 *   | u64 LE        | u32 LE| n bytes               | u32 LE|
 *   +---------------+-------+-----------------------+-------+
 *   lcrc = mask(crc32c(the 8 length bytes))
 *   dcrc = mask(crc32c(data))
 *   mask(c) = ((c &gt;&gt;&gt; 15) | (c &lt;&lt; 17)) + 0xa282ead8   (mod 2^32)
 * </pre>
 *
 * The mask exists so that a CRC stored inside data that is itself CRC'd does not weaken the check.
 *
 * <p>Thread contract: stateless constants and pure functions, any thread. A {@link CRC32C} passed in
 * belongs to the caller and is reset here.
 */
public final class RecordDescriptor {
    /** Bytes of the length field. */
    public static final int LENGTH_BYTES = 8;
    /** Bytes of each masked CRC field. */
    public static final int CRC_BYTES = 4;
    /** Bytes before the data: length and its CRC. */
    public static final int HEADER_BYTES = LENGTH_BYTES + CRC_BYTES;
    /** Bytes a record adds around its data. */
    public static final int OVERHEAD_BYTES = HEADER_BYTES + CRC_BYTES;

    private static final int MASK_DELTA = 0xa282ead8;

    private RecordDescriptor() {
    }

    /** Masks a raw CRC32C value as TFRecord stores it. */
    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /**
     * Masked CRC32C of the buffer's remaining bytes; the buffer's position is left unchanged.
     *
     * @param crc a reusable checksum, reset here
     */
    public static int maskedCrc(CRC32C crc, ByteBuffer bytes) {
        crc.reset();
        int position = bytes.position();
        crc.update(bytes);
        bytes.position(position);
        return mask((int) crc.getValue());
    }

    /** Masked CRC32C of {@code bytes[offset, offset + length)}. */
    public static int maskedCrc(CRC32C crc, byte[] bytes, int offset, int length) {
        crc.reset();
        crc.update(bytes, offset, length);
        return mask((int) crc.getValue());
    }
}
