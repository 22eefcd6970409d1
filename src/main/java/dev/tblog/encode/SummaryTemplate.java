package dev.tblog.encode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Summary of a coalesced scalar event whose tags recur: the values' bytes put together once,
 * each value's float then patched in. A simulation logs the same metrics in the same order at
 * every step, so the Summary of one step's event differs from the last one's only in its floats;
 * writing it is one copy and a store per value, instead of a copy of each tag's bytes and a size
 * sum over the tags.
 *
 * <p>The tags are named by int keys chosen by the caller (an index in its tag cache), with the
 * {@link ScalarEventEncoder.Tags} that maps them to their bytes. {@link #fill} rebuilds the template
 * for other keys in place: it allocates only to grow.
 *
 * <p>Thread contract: not thread-safe; owned by the consumer thread.
 */
public final class SummaryTemplate {
    /** The largest Summary a template holds; a bigger one is written value by value. */
    public static final int MAX_BYTES = 4096;
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private int[] keys = new int[8];
    private int[] floatAt = new int[8];
    private int count;
    private byte[] bytes = new byte[128];
    private int length;

    /** Whether the template holds exactly the first {@code count} of {@code keys}, in order. */
    public boolean matches(int[] keys, int count) {
        return count == this.count && Arrays.equals(keys, 0, count, this.keys, 0, count);
    }

    /**
     * Rebuilds the template for the first {@code count} of {@code keys}, unless their Summary would
     * be over {@link #MAX_BYTES}; it then stays as it was.
     *
     * @param tags the tags of the keys, by position: {@code tags.tag(i)} is the tag of {@code keys[i]}
     * @return whether it was rebuilt
     */
    public boolean fill(int[] keys, int count, ScalarEventEncoder.Tags tags) {
        int size = ScalarEventEncoder.summarySize(tags, count);
        if (size > MAX_BYTES) {
            return false;
        }
        if (this.keys.length < count) {
            this.keys = new int[count];
            this.floatAt = new int[count];
        }
        if (bytes.length < size) {
            bytes = new byte[size];
        }
        int at = 0;
        for (int i = 0; i < count; i++) {
            at = tags.tag(i).put(bytes, at, 0f);
            floatAt[i] = at - Float.BYTES;
        }
        System.arraycopy(keys, 0, this.keys, 0, count);
        this.count = count;
        this.length = size;
        return true;
    }

    /** The Summary's size in bytes, its values included. */
    int size() {
        return length;
    }

    /**
     * Writes the Summary's values at {@code index} of {@code out}, with {@code values} (one per key).
     *
     * @return the index after them
     */
    int put(byte[] out, int index, float[] values) {
        System.arraycopy(bytes, 0, out, index, length);
        for (int i = 0; i < count; i++) {
            FLOAT.set(out, index + floatAt[i], values[i]);
        }
        return index + length;
    }
}
