package dev.tblog.encode;

/**
 * Strings that have a UTF-8 form. Every string tblog writes (tags, texts, hparams names and values,
 * folder names) is stored as UTF-8, and an unpaired UTF-16 surrogate has no UTF-8 form: Java's
 * encoder writes it as {@code '?'}, so {@code "x\uD800y"} and {@code "x\uDC00y"} would both become
 * {@code x?y}, one series. Such strings are refused at the call instead.
 *
 * <p>Thread contract: stateless, any thread; allocation-free unless it throws.
 */
public final class Utf16 {
    private Utf16() {
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1 when every surrogate is paired. */
    public static int unpairedSurrogate(CharSequence s) {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * Checks that {@code s} has a UTF-8 form; returns it.
     *
     * @param what how the message names the value, e.g. {@code "tag"}, {@code "text of addText('notes')"}
     * @throws IllegalArgumentException naming the position and the surrogate
     */
    public static <S extends CharSequence> S requireWellFormed(S s, String what) {
        int at = unpairedSurrogate(s);
        if (at >= 0) {
            throw new IllegalArgumentException(what + " holds an unpaired UTF-16 surrogate U+"
                + String.format("%04X", (int) s.charAt(at)) + " at index " + at
                + ": it has no UTF-8 form (it would be written as '?')");
        }
        return s;
    }
}
