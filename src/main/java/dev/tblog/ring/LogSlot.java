package dev.tblog.ring;

/**
 * One preallocated slot of the ring. A producer fills it between claim and publish, stamping it
 * with the sequence it claimed, last; the consumer handles only a slot stamped with the sequence it
 * is at ({@link #filledFor}), so a slot that a failed producer left unfilled (or half-filled, the
 * stamp not yet written) is skipped as {@link SlotKind#EMPTY}, never taken for its content of an
 * earlier lap.
 *
 * <p>The consumer writes nothing to a scalar slot: the slot's cache line goes back to the next
 * producer clean, without a write-back (the stamp makes a clear unnecessary). It drops a payload's
 * or barrier's reference once handled ({@link #dropPayload}), so a slot never pins a payload after
 * use. A scalar slot keeps its tag reference until refilled: at most the ring's size of tag strings,
 * which the caller holds anyway.
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
    /** The sequence the slot was last filled for; written last by the producer. */
    private long filledFor = -1;

    /** Fills the slot with a scalar of the main run, for the claimed {@code sequence}. */
    public void setScalar(long sequence, String tag, long step, double value, long wallTimeMillis) {
        this.tag = tag;
        this.step = step;
        this.value = value;
        this.wallTimeMillis = wallTimeMillis;
        this.kind = SlotKind.SCALAR;
        this.filledFor = sequence;
    }

    /** Fills the slot with one member of an {@code addScalars} call, for the claimed {@code sequence}. */
    public void setScalarsMember(long sequence, String mainTag, String subKey, long step, double value,
                                 long wallTimeMillis) {
        this.tag = mainTag;
        this.subKey = subKey;
        this.step = step;
        this.value = value;
        this.wallTimeMillis = wallTimeMillis;
        this.kind = SlotKind.SCALARS_MEMBER;
        this.filledFor = sequence;
    }

    /** Fills the slot with a payload or a barrier, for the claimed {@code sequence}. */
    public void setPayload(long sequence, SlotKind kind, Object payload, long wallTimeMillis) {
        this.payload = payload;
        this.wallTimeMillis = wallTimeMillis;
        this.kind = kind;
        this.filledFor = sequence;
    }

    /** Whether a producer filled the slot for {@code sequence}; if not, it is {@link SlotKind#EMPTY} to the consumer. */
    public boolean filledFor(long sequence) {
        return filledFor == sequence;
    }

    /** What the slot holds, as last filled; read it after {@link #filledFor}. */
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

    /** Drops the payload or barrier reference; the consumer calls it once such a slot is handled. */
    public void dropPayload() {
        payload = null;
    }
}
