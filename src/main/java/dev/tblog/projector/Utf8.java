package dev.tblog.projector;

/**
 * Whether bytes would fail Python's strict UTF-8 decoding: the well-formed byte sequences of the
 * Unicode Standard (Table 3-7), which are what Python's codec accepts:
 * <pre>
 * 00..7F
 * C2..DF  80..BF
 * E0      A0..BF  80..BF
 * E1..EC  80..BF  80..BF
 * ED      80..9F  80..BF         (no surrogates)
 * EE..EF  80..BF  80..BF
 * F0      90..BF  80..BF  80..BF
 * F1..F3  80..BF  80..BF  80..BF
 * F4      80..8F  80..BF  80..BF (up to U+10FFFF)
 * </pre>
 * Anything else (80..C1 or F5..FF as a first byte, a wrong continuation, a sequence cut off by the
 * end of the data) is an error. NUL and other control bytes are well-formed.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Whether {@code bytes[0, limit)} hold a sequence that is not well-formed UTF-8. A sequence cut
     * off at {@code limit} proves nothing unless {@code limit} is the end of the data.
     *
     * @param length the data's length
     * @param limit how far to look, at most {@code length}
     */
    static boolean hasInvalidSequence(byte[] bytes, int length, int limit) {
        int i = 0;
        while (i < limit) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int continuations;
            int secondLow = 0x80;
            int secondHigh = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                continuations = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                continuations = 2;
                if (b == 0xe0) {
                    secondLow = 0xa0;
                } else if (b == 0xed) {
                    secondHigh = 0x9f;
                }
            } else if (b >= 0xf0 && b <= 0xf4) {
                continuations = 3;
                if (b == 0xf0) {
                    secondLow = 0x90;
                } else if (b == 0xf4) {
                    secondHigh = 0x8f;
                }
            } else {
                return true;
            }
            for (int k = 1; k <= continuations; k++) {
                if (i + k >= limit) {
                    return limit == length; // cut off: an error only at the end of the data
                }
                int c = bytes[i + k] & 0xff;
                int low = k == 1 ? secondLow : 0x80;
                int high = k == 1 ? secondHigh : 0xbf;
                if (c < low || c > high) {
                    return true;
                }
            }
            i += continuations + 1;
        }
        return false;
    }
}
