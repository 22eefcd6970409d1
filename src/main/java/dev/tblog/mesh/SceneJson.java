package dev.tblog.mesh;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mesh's scene configuration as the JSON TensorBoard's mesh dashboard reads ({@code json_config}),
 * laid out as Python's {@code json.dumps(config_dict, sort_keys=True)} lays out the same values
 * (numbers in Java's notation: {@code 1.0E-5} where Python writes {@code 1e-05}, both JSON). Objects
 * are {@code Map}s with {@code String} keys, written in key order; arrays are {@code Collection}s
 * or Java arrays; strings, finite numbers, Booleans and {@code null} are JSON's own. Separators are
 * Python's defaults ({@code ", "} and {@code ": "}); non-ASCII text is escaped as {@code \\uXXXX}.
 * <pre>{@code
 * Map.of("camera", Map.of("cls", "PerspectiveCamera", "fov", 75))
 *   -> {"camera": {"cls": "PerspectiveCamera", "fov": 75}}
 * }</pre>
 *
 * <p>Thread contract: stateless, any thread.
 */
final class SceneJson {
    private SceneJson() {
    }

    /**
     * @throws IllegalArgumentException a null map, a key that is not a String, a NaN or infinite
     *     number, a value of another type (naming its path, e.g. {@code camera.fov})
     */
    static String of(Map<String, ?> scene) {
        if (scene == null) {
            throw new IllegalArgumentException("mesh config must not be null");
        }
        StringBuilder json = new StringBuilder();
        write(json, scene, "config");
        return json.toString();
    }

    private static void write(StringBuilder json, Object value, String path) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String s) {
            string(json, s);
        } else if (value instanceof Boolean b) {
            json.append(b);
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            json.append(((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("mesh config " + path + " is " + d + ": JSON holds finite numbers only");
            }
            json.append(value instanceof Float ? Float.toString((Float) value) : Double.toString(d));
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("mesh config " + path + " has key " + e.getKey()
                        + ": object keys must be Strings");
                }
                sorted.put(key, e.getValue());
            }
            json.append('{');
            String separator = "";
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                json.append(separator);
                string(json, e.getKey());
                json.append(": ");
                write(json, e.getValue(), path + "." + e.getKey());
                separator = ", ";
            }
            json.append('}');
        } else if (value instanceof Collection<?> items) {
            json.append('[');
            int i = 0;
            for (Object item : items) {
                json.append(i == 0 ? "" : ", ");
                write(json, item, path + "[" + i++ + "]");
            }
            json.append(']');
        } else if (value.getClass().isArray()) {
            json.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                json.append(i == 0 ? "" : ", ");
                write(json, Array.get(value, i), path + "[" + i + "]");
            }
            json.append(']');
        } else {
            throw new IllegalArgumentException("mesh config " + path + " is a " + value.getClass().getName()
                + ": use a Map, a Collection or array, a String, a number, a Boolean or null");
        }
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
