package dev.tblog.projector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UTF-8 check against Python's strict decoder, row by row of the Unicode well-formed table;
 * each expected outcome is what {@code bytes.fromhex(hex).decode("utf-8")} does in Python 3.
 */
class Utf8Test {
    static Stream<Arguments> sequences() {
        return Stream.of(
            Arguments.of("", false),
            Arguments.of("00000000", false),                 // NUL is text
            Arguments.of("0000003f", false),                 // 0.5f little-endian
            Arguments.of("0000803f", true),                  // 1.0f: 80 cannot start a sequence
            Arguments.of("c280", false),                     // U+0080
            Arguments.of("c0af", true),                      // overlong '/'
            Arguments.of("c1bf", true),                      // overlong
            Arguments.of("dfbf", false),                     // U+07FF
            Arguments.of("e0a080", false),                   // U+0800
            Arguments.of("e08080", true),                    // overlong
            Arguments.of("ed9fbf", false),                   // U+D7FF
            Arguments.of("eda080", true),                    // a surrogate
            Arguments.of("efbfbf", false),                   // U+FFFF
            Arguments.of("f0908080", false),                 // U+10000
            Arguments.of("f0808080", true),                  // overlong
            Arguments.of("f48fbfbf", false),                 // U+10FFFF
            Arguments.of("f4908080", true),                  // past U+10FFFF
            Arguments.of("f5808080", true),
            Arguments.of("ff", true),
            Arguments.of("c2", true),                        // cut off at the end of the data
            Arguments.of("e0a0", true),
            Arguments.of("41c241", true),                    // a wrong continuation
            Arguments.of("e1804142", true));
    }

    @ParameterizedTest(name = "{0}: invalid = {1}")
    @MethodSource("sequences")
    void shouldJudgeEachSequenceAsPythonsDecoderDoes(String hex, boolean invalid) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(Utf8.hasInvalidSequence(bytes, bytes.length, bytes.length)).isEqualTo(invalid);
    }

    @ParameterizedTest(name = "{0} looked at up to {1} of more bytes: invalid = {2}")
    @MethodSource("cutOff")
    void shouldProveNothingFromASequenceCutOffBeforeTheEndOfTheData(String hex, int limit, boolean invalid) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(Utf8.hasInvalidSequence(bytes, bytes.length, limit)).isEqualTo(invalid);
    }

    static Stream<Arguments> cutOff() {
        return Stream.of(
            Arguments.of("41c280", 2, false),   // c2 80 continues past the limit: well-formed so far
            Arguments.of("41c241", 2, false),   // the bad continuation lies past the limit
            Arguments.of("41ff41", 2, true),    // ff is wrong wherever it is
            Arguments.of("4141ff", 2, false));  // not looked at
    }
}
