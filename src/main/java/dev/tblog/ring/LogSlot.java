package dev.tblog.ring;

/**
 * One preallocated slot of the ring. Producers fill it between claim and publish; the consumer
 * reads it and {@linkplain #clear() clears} it, so a slot never pins a payload after use and a slot
 * that a failed producer left unfilled reads as {@link SlotKind#EMPTY}.
 *
 * <p>Thread contract: written by the one producer that claimed the slot, then read by the consumer.
 * The ring's publish/claim sequences give the happens-before edges; the fields need no volatile.
 */
public final class LogSlot {
    private SlotKind kind = SlotKind.EMPTY;
    private String tag;
    private String subKey;
    private long step;
    private double value;
    private long wallTimeMillis;
    private Object payload;

    /** Fills the slot with a scalar of the main run. */
    public void setScalar(String tag, long step, double value, long wallTimeMillis) {
        this.tag = tag;
        this.step = step;
        this.value = value;
        this.wallTimeMillis = wallTimeMillis;
        this.kind = SlotKind.SCALAR;
    }

    /** Fills the slot with one member of an {@code addScalars} call. */
    public void setScalarsMember(String mainTag, String subKey, long step, double value, long wallTimeMillis) {
        this.subKey = subKey;
        setScalar(mainTag, step, value, wallTimeMillis);
        this.kind = SlotKind.SCALARS_MEMBER;
    }

    /** Fills the slot with a payload or a barrier. */
    public void setPayload(SlotKind kind, Object payload, long wallTimeMillis) {
        this.payload = payload;
        this.wallTimeMillis = wallTimeMillis;
        this.kind = kind;
    }

    public SlotKind kind() {
        return kind;
    }

    public String tag() {
        return tag;
    }

    public String subKey() {
        return subKey;
    }

    public long step() {
        return step;
    }

    public double value() {
        return value;
    }

    public long wallTimeMillis() {
        return wallTimeMillis;
    }

    public Object payload() {
        return payload;
    }

    /** Drops the references and marks the slot empty; the consumer calls it after each slot. */
    public void clear() {
        kind = SlotKind.EMPTY;
        tag = null;
        subKey = null;
        payload = null;
    }
}
