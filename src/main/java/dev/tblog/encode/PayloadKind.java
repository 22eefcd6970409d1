package dev.tblog.encode;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One event kind other than the scalar: its name (the key of {@code stats().droppedByKind()}), a
 * small id that indexes the consumer's {@link Encoders}, and how to make its encoder. Each kind's
 * package declares one, as a constant:
 * <pre>{@code
 * public static final PayloadKind<ImageEncoder> KIND = PayloadKind.of("image", ImageEncoder.class, ImageEncoder::new);
 * }</pre>
 *
 * <p>Thread contract: immutable, any thread. Ids are handed out once per kind, at class initialization.
 *
 * @param <E> the kind's encoder
 */
public final class PayloadKind<E extends PayloadEncoder> {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final int id;
    private final String name;
    private final Class<E> encoderType;
    private final Supplier<? extends E> newEncoder;

    private PayloadKind(String name, Class<E> encoderType, Supplier<? extends E> newEncoder) {
        this.id = IDS.getAndIncrement();
        this.name = Objects.requireNonNull(name, "name");
        this.encoderType = Objects.requireNonNull(encoderType, "encoderType");
        this.newEncoder = Objects.requireNonNull(newEncoder, "newEncoder");
    }

    /**
     * A new kind.
     *
     * @param name how drop counts name it, e.g. {@code "image"}
     * @param newEncoder makes the consumer's encoder on first use
     */
    public static <E extends PayloadEncoder> PayloadKind<E> of(String name, Class<E> encoderType,
                                                                Supplier<? extends E> newEncoder) {
        return new PayloadKind<>(name, encoderType, newEncoder);
    }

    /** The index of this kind's encoder in {@link Encoders}. */
    int id() {
        return id;
    }

    /** The kind's name, e.g. {@code "image"}. */
    public String name() {
        return name;
    }

    E newEncoder() {
        return Objects.requireNonNull(newEncoder.get(), "encoder of " + name);
    }

    E cast(PayloadEncoder encoder) {
        return encoderType.cast(encoder);
    }

    @Override
    public String toString() {
        return name;
    }
}
