package dev.tblog.encode;

import com.google.protobuf.WireFormat;

import java.nio.ByteBuffer;

/**
 * Protobuf's base-128 varints and field keys, written at absolute indexes (into a byte array, or
 * into a buffer's memory without a stream in between).
 *
 * <p>Thread contract: stateless, any thread.
 */
final class Varints {
    private Varints() {
    }

    /** Bytes of {@code value} as an unsigned varint (1 to 10; an int64 below 0 takes 10). */
    static int size(long value) {
        // 1 + (index of the highest set bit) / 7, with 0 taking one byte.
        return 1 + (63 - Long.numberOfLeadingZeros(value | 1)) / 7;
    }

    /** The key byte of a length-delimited field numbered below 16. */
    static int lengthDelimitedKey(int field) {
        return key(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    }

    /** The key byte of a fixed 32-bit field numbered below 16. */
    static int fixed32Key(int field) {
        return key(field, WireFormat.WIRETYPE_FIXED32);
    }

    /** The key byte of a fixed 64-bit field numbered below 16. */
    static int fixed64Key(int field) {
        return key(field, WireFormat.WIRETYPE_FIXED64);
    }

    /** The key byte of a varint field numbered below 16. */
    static int varintKey(int field) {
        return key(field, WireFormat.WIRETYPE_VARINT);
    }

    /** A field key: the field number shifted past the 3 bits of the wire type; one byte below 16. */
    private static int key(int field, int wireType) {
        if (field < 1 || field > 15) {
            throw new IllegalArgumentException("one-byte keys are for fields 1 to 15, got " + field);
        }
        return (field << 3) | wireType;
    }

    /** Writes {@code value} as a varint at {@code index}; returns the index after it. */
    static int put(byte[] out, int index, long value) {
        while ((value & ~0x7fL) != 0) {
            out[index++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out[index++] = (byte) value;
        return index;
    }

    /** Writes {@code value} as a varint at {@code index}; returns the index after it. */
    static int put(ByteBuffer out, int index, long value) {
        while ((value & ~0x7fL) != 0) {
            out.put(index++, (byte) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.put(index++, (byte) value);
        return index;
    }
}
