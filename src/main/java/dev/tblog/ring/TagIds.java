package dev.tblog.ring;

import java.util.Arrays;

/**
 * Numbers the scalar tags of one logger (0, 1, 2, ...), so that a scalar slot carries an {@code int}
 * instead of a reference to its tag. A reference stored into a slot (an old object by then) costs
 * the producer G1's card-marking barrier, a StoreLoad fence, on every call; and the consumer finds
 * the tag's encoded bytes by index instead of hashing the string.
 *
 * <p>A tag is registered once, when the logger first sees it (its kind is claimed then); its id
 * never changes. Registrations are bounded by the caller (the logger remembers at most 65,536 tags;
 * tags past that travel by reference).
 *
 * <p>Thread contract: {@link #register} from any thread (synchronized: once per tag);
 * {@link #tag} from any thread for an id it received through a happens-before edge from the
 * registration: the consumer reads ids from published ring slots, and the ring's publish orders the
 * registration, which precedes every use of the id, before it.
 */
public final class TagIds {
    private volatile String[] tags = new String[64];
    /** Ids given; guarded by this. */
    private int count;

    /** Gives {@code tag} the next id; call once per tag. */
    public synchronized int register(String tag) {
        String[] t = tags;
        if (count == t.length) {
            t = Arrays.copyOf(t, 2 * count); // filled before it is published by the volatile write
            tags = t;
        }
        t[count] = tag;
        return count++;
    }

    /** The tag registered under {@code id}. */
    public String tag(int id) {
        return tags[id];
    }

    /** Ids given so far. */
    public synchronized int size() {
        return count;
    }

    @Override
    public String toString() {
        return "TagIds[" + size() + "]";
    }
}
