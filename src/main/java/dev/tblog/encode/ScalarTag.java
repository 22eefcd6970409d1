package dev.tblog.encode;

import dev.tblog.proto.Summary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A tag's constant bytes as a scalar {@code Summary.Value}, encoded once per tag and file, so that a
 * scalar costs a copy of them and the 4 bytes of its value:
 * <pre>
 *   0a  varint(V)  0a  varint(T)  tag (T bytes of UTF-8)  15 | value (f32 LE)
 *   |   Summary.value, V bytes   |  Value.tag              |  Value.simple_value
 *   |&lt;--------------------------- prefix ------------------------&gt;|
 *   V = 1 + |varint(T)| + T + 5
 * </pre>
 *
 * <p>Thread contract: immutable once built; the consumer thread builds and uses it.
 */
public final class ScalarTag {
    private static final int VALUE_FIELD = Summary.VALUE_FIELD_NUMBER;
    private static final int TAG_FIELD = Summary.Value.TAG_FIELD_NUMBER;
    private static final int SIMPLE_VALUE_FIELD = Summary.Value.SIMPLE_VALUE_FIELD_NUMBER;

    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] prefix;

    /** @param tagUtf8 the tag's UTF-8 bytes; copied */
    public ScalarTag(byte[] tagUtf8) {
        int t = tagUtf8.length;
        int valueSize = 1 + Varints.size(t) + t + 1 + Float.BYTES;
        byte[] p = new byte[1 + Varints.size(valueSize) + valueSize - Float.BYTES];
        int i = 0;
        p[i++] = (byte) Varints.lengthDelimitedKey(VALUE_FIELD);
        i = Varints.put(p, i, valueSize);
        p[i++] = (byte) Varints.lengthDelimitedKey(TAG_FIELD);
        i = Varints.put(p, i, t);
        System.arraycopy(tagUtf8, 0, p, i, t);
        i += t;
        p[i] = (byte) Varints.fixed32Key(SIMPLE_VALUE_FIELD);
        this.prefix = p;
    }

    /** Bytes of the whole {@code Summary.value} field with its value. */
    int fieldSize() {
        return prefix.length + Float.BYTES;
    }

    /**
     * Writes the field with {@code value} at {@code index} of a little-endian buffer.
     *
     * @return the index after it
     */
    int put(byte[] out, int index, float value) {
        System.arraycopy(prefix, 0, out, index, prefix.length);
        int at = index + prefix.length;
        FLOAT.set(out, at, value);
        return at + Float.BYTES;
    }
}
