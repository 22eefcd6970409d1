package dev.tblog.encode;

import java.util.Arrays;

/**
 * The consumer's encoders, one per {@link PayloadKind}, in an array indexed by the kind's id: made
 * on first use, kept for the logger's life, closed with its files. A lookup is an array load and a
 * checked cast; it allocates nothing once the kind's encoder exists.
 *
 * <p>Thread contract: consumer thread only.
 */
public final class Encoders implements AutoCloseable {
    private PayloadEncoder[] byId = new PayloadEncoder[8];

    /** The encoder of {@code kind}, made on first use. */
    public <E extends PayloadEncoder> E get(PayloadKind<E> kind) {
        int id = kind.id();
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(id + 1, 2 * byId.length));
        }
        PayloadEncoder encoder = byId[id];
        if (encoder == null) {
            encoder = kind.newEncoder();
            byId[id] = encoder;
        }
        return kind.cast(encoder);
    }

    /** Closes every encoder made so far; a failure to free one does not stop the others. */
    @Override
    public void close() {
        for (int i = 0; i < byId.length; i++) {
            PayloadEncoder encoder = byId[i];
            byId[i] = null;
            if (encoder != null) {
                try {
                    encoder.close();
                } catch (RuntimeException e) {
                    // Encoders hold no data: failing to free one must not hide the files' outcome.
                }
            }
        }
    }
}
