package dev.tblog;

import dev.tblog.encode.Utf16;

/**
 * Validation of tags and of names that become folders, done at the call site so that bad input
 * fails there and nothing is published.
 *
 * <p>A tag may hold '/' (TensorBoard groups by it) but must not be blank, hold control characters
 * or '\', start with '/', or have an empty, '.' or '..' segment: tags also name {@code addScalars} sub-run
 * folders, and none of them may lead outside the run folder. A sub-run key follows the same rules
 * and may not hold '/' at all. Neither may hold an unpaired UTF-16 surrogate, which has no UTF-8
 * form (see {@link Utf16}).
 *
 * <p>Thread contract: stateless, any thread; allocation-free for valid input.
 */
final class TagRules {
    private TagRules() {
    }

    /** Checks a tag; returns it. */
    static String tag(String tag) {
        return check(tag, "tag", true);
    }

    /** Whether {@link #tag} accepts the value (exceptions: for calls off the hot path only). */
    static boolean isTag(String value) {
        try {
            tag(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Checks a name that becomes one folder (an addScalars key, an experiment name). */
    static String folderName(String name, String what) {
        return check(name, what, false);
    }

    private static String check(String value, String what, boolean slashAllowed) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        int length = value.length();
        if (length == 0) {
            throw new IllegalArgumentException(what + " '' is empty");
        }
        int segmentStart = 0;
        boolean blank = true;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw bad(what, value, "holds control character U+" + String.format("%04X", (int) c) + " at index " + i);
            }
            if (c == '\\') {
                throw bad(what, value, "holds '\\'");
            }
            if (c == '/') {
                if (!slashAllowed) {
                    throw bad(what, value, "holds '/'");
                }
                if (i == 0) {
                    throw bad(what, value, "starts with '/'");
                }
                checkSegment(value, segmentStart, i, what);
                segmentStart = i + 1;
            }
            if (c != ' ') {
                blank = false;
            }
        }
        if (blank) {
            throw bad(what, value, "is blank");
        }
        int unpaired = Utf16.unpairedSurrogate(value);
        if (unpaired >= 0) {
            throw bad(what, value, "holds an unpaired UTF-16 surrogate U+" + String.format("%04X", (int) value.charAt(unpaired))
                + " at index " + unpaired + ": it has no UTF-8 form (it would be written as '?')");
        }
        checkSegment(value, segmentStart, length, what);
        return value;
    }

    private static void checkSegment(String value, int start, int end, String what) {
        int n = end - start;
        if (n == 0) {
            throw bad(what, value, "has an empty path segment");
        }
        if ((n == 1 && value.charAt(start) == '.')
            || (n == 2 && value.charAt(start) == '.' && value.charAt(start + 1) == '.')) {
            throw bad(what, value, "has a '" + value.substring(start, end) + "' path segment");
        }
    }

    private static IllegalArgumentException bad(String what, String value, String why) {
        return new IllegalArgumentException(what + " '" + printable(value) + "' " + why);
    }

    /** The value for a message: control characters and unpaired surrogates as {@code \\uXXXX}. */
    static String printable(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1))
                || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !paired) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
