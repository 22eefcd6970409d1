package dev.tblog.customscalars;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;

import java.io.IOException;

/**
 * One {@code addCustomScalars} call as it travels through the ring: the serialized layout (made
 * once, when the layout was built; immutable, so shared rather than copied). Plain data;
 * {@link CustomScalarsEncoder} writes it.
 *
 * <p>Thread contract: built by one producer, immutable from then on.
 */
final class CustomScalarsPayload implements Payload {
    private final byte[] layout;

    CustomScalarsPayload(byte[] layout) {
        this.layout = layout;
    }

    @Override
    public PayloadKind<CustomScalarsEncoder> kind() {
        return CustomScalarsEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(CustomScalarsEncoder.KIND).write(this, out, wallTimeMillis);
    }

    /** The serialized {@code Layout}; do not modify. */
    byte[] layout() {
        return layout;
    }

    @Override
    public String toString() {
        return "CustomScalarsPayload[" + layout.length + " bytes]";
    }
}
