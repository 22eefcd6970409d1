package dev.tblog.graph;

import com.google.protobuf.ByteString;
import dev.tblog.proto.AttrValue;

import java.util.List;

/**
 * A node attribute's Java value as the {@code AttrValue} TensorBoard shows in a node's card:
 * <pre>
 * String, enum (its name())        s     bytes, UTF-8
 * Boolean                          b
 * Byte, Short, Integer, Long       i     int64
 * Float, Double                    f     float (32-bit, as TensorFlow stores it)
 * int[], long[]                    list.i
 * float[], double[]                list.f
 * String[], List of String         list.s
 * </pre>
 *
 * <p>Thread contract: stateless, any thread.
 */
final class AttrValues {
    private AttrValues() {
    }

    /**
     * @throws IllegalArgumentException a null value, or a type not in the table (naming the node, key and type)
     */
    static AttrValue of(String node, String key, Object value) {
        AttrValue.Builder a = AttrValue.newBuilder();
        if (value instanceof String s) {
            return a.setS(ByteString.copyFromUtf8(s)).build();
        }
        if (value instanceof Enum<?> e) {
            return a.setS(ByteString.copyFromUtf8(e.name())).build();
        }
        if (value instanceof Boolean b) {
            return a.setB(b).build();
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return a.setI(((Number) value).longValue()).build();
        }
        if (value instanceof Float || value instanceof Double) {
            return a.setF(((Number) value).floatValue()).build();
        }
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        if (value instanceof int[] ints) {
            for (int v : ints) {
                list.addI(v);
            }
        } else if (value instanceof long[] longs) {
            for (long v : longs) {
                list.addI(v);
            }
        } else if (value instanceof float[] floats) {
            for (float v : floats) {
                list.addF(v);
            }
        } else if (value instanceof double[] doubles) {
            for (double v : doubles) {
                list.addF((float) v);
            }
        } else if (value instanceof String[] strings) {
            for (String v : strings) {
                list.addS(ByteString.copyFromUtf8(requireElement(node, key, v)));
            }
        } else if (value instanceof List<?> items && items.stream().allMatch(v -> v instanceof String)) {
            for (Object v : items) {
                list.addS(ByteString.copyFromUtf8((String) v));
            }
        } else {
            throw new IllegalArgumentException("attribute '" + key + "' of graph node '" + node + "' is "
                + (value == null ? "null" : "a " + value.getClass().getName())
                + ": use a String, enum, Boolean, integer, Float or Double, or an array of them");
        }
        return a.setList(list).build();
    }

    private static String requireElement(String node, String key, String element) {
        if (element == null) {
            throw new IllegalArgumentException("attribute '" + key + "' of graph node '" + node + "' holds a null string");
        }
        return element;
    }
}
