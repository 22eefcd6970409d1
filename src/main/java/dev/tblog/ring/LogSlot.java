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
    private static final SlotKind[] KINDS = SlotKind.values();

    /**
     * The kind's ordinal, not the enum: a reference store into a slot (an old object, by then) costs
     * the producer G1's card-marking barrier with a StoreLoad fence, an int store costs nothing.
     */
    private int kind = SlotKind.EMPTY.ordinal();
    private String tag;
    /** The scalar's tag id ({@link TagIds}), or -1 when {@link #tag} names it. */
    private int tagId = -1;
    private String subKey;
    private long step;
    private double value;
    private long wallTimeMillis;
    private Object payload;
    /** The sequence the slot was last filled for; written last by the producer. */
    private long filledFor = -1;

    /**
     * Fills the slot with a scalar of the main run whose tag has an id, for the claimed
     * {@code sequence}. No reference is stored (the tag field keeps whatever it held: unread).
     */
    public void setScalar(long sequence, int tagId, long step, double value, long wallTimeMillis) {
        this.tagId = tagId;
        fillScalar(sequence, SlotKind.SCALAR, step, value, wallTimeMillis);
    }

    /** Fills the slot with a scalar of the main run named by its tag, for the claimed {@code sequence}. */
    public void setScalar(long sequence, String tag, long step, double value, long wallTimeMillis) {
        this.tagId = -1;
        this.tag = tag;
        fillScalar(sequence, SlotKind.SCALAR, step, value, wallTimeMillis);
    }

    /** Fills the slot with one member of an {@code addScalars} call, for the claimed {@code sequence}. */
    public void setScalarsMember(long sequence, String mainTag, String subKey, long step, double value,
                                 long wallTimeMillis) {
        this.tag = mainTag;
        this.subKey = subKey;
        fillScalar(sequence, SlotKind.SCALARS_MEMBER, step, value, wallTimeMillis);
    }

    /** The fields every scalar has; the stamp last. */
    private void fillScalar(long sequence, SlotKind kind, long step, double value, long wallTimeMillis) {
        this.step = step;
        this.value = value;
        this.wallTimeMillis = wallTimeMillis;
        this.kind = kind.ordinal();
        this.filledFor = sequence;
    }

    /** Fills the slot with a payload or a barrier, for the claimed {@code sequence}. */
    public void setPayload(long sequence, SlotKind kind, Object payload, long wallTimeMillis) {
        this.payload = payload;
        this.wallTimeMillis = wallTimeMillis;
        this.kind = kind.ordinal();
        this.filledFor = sequence;
    }

    /** Whether a producer filled the slot for {@code sequence}; if not, it is {@link SlotKind#EMPTY} to the consumer. */
    public boolean filledFor(long sequence) {
        return filledFor == sequence;
    }

    /** What the slot holds, as last filled; read it after {@link #filledFor}. */
    public SlotKind kind() {
        return KINDS[kind];
    }

    /** The tag of a scalar without an id ({@link #tagId} -1), or of another kind that names one. */
    public String tag() {
        return tag;
    }

    /** The id of a scalar's tag, or -1 when {@link #tag} names it. */
    public int tagId() {
        return tagId;
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
