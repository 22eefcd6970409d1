package dev.tblog.graph;

/**
 * The rules for what a graph names, checked where the graph is built. A node name is what
 * TensorBoard shows and groups by: '/' separates the groups (no empty group, no leading or
 * trailing '/'); it must not hold ':' (TensorFlow's {@code node:output} separator in an edge),
 * start with '^' (a control edge) or hold control characters. Ops and attribute keys must not be
 * blank or hold control characters.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class NodeNames {
    private NodeNames() {
    }

    static void checkName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("graph node name must not be null");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("graph node name '" + name + "' is blank");
        }
        checkPrintable("graph node name", name);
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("graph node name '" + name + "' holds ':', which marks an output in an edge");
        }
        if (name.charAt(0) == '^') {
            throw new IllegalArgumentException("graph node name '" + name + "' starts with '^', which marks a control edge");
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            throw new IllegalArgumentException("graph node name '" + name + "' has an empty group: '/' must separate two names");
        }
    }

    static void checkOp(String node, String op) {
        if (op == null || op.isBlank()) {
            throw new IllegalArgumentException("op of graph node '" + node + "' must not be " + (op == null ? "null" : "blank"));
        }
        checkPrintable("op of graph node '" + node + "'", op);
    }

    static void checkAttributeKey(String node, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("attribute key of graph node '" + node + "' must not be "
                + (key == null ? "null" : "blank"));
        }
        checkPrintable("attribute key of graph node '" + node + "'", key);
    }

    private static void checkPrintable(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + " '" + value.replaceAll("\\p{Cntrl}", "?")
                    + "' holds control character U+" + String.format("%04X", (int) c) + " at index " + i);
            }
        }
    }
}
