package dev.tblog.text;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;

import java.io.IOException;

/**
 * One {@code addText} call as it travels through the ring: the full tag, the step and the text's
 * UTF-8 bytes, made on the caller's thread. Plain data; {@link TextEncoder} writes it.
 *
 * <p>Thread contract: built by one producer, immutable from then on.
 */
final class TextPayload implements Payload {
    private final String tag;
    private final long step;
    private final byte[] utf8;

    /**
     * @param fullTag the tag as written, {@code <tag>/text_summary}, already validated
     * @param utf8 the text's bytes, owned by this payload
     */
    TextPayload(String fullTag, long step, byte[] utf8) {
        this.tag = fullTag;
        this.step = step;
        this.utf8 = utf8;
    }

    @Override
    public PayloadKind<TextEncoder> kind() {
        return TextEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(TextEncoder.KIND).write(this, out, wallTimeMillis);
    }

    String tag() {
        return tag;
    }

    long step() {
        return step;
    }

    /** The text's UTF-8 bytes; do not modify. */
    byte[] utf8() {
        return utf8;
    }

    @Override
    public String toString() {
        return "TextPayload[" + tag + ", step " + step + ", " + utf8.length + " bytes]";
    }
}
