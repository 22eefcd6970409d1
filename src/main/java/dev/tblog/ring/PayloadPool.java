package dev.tblog.ring;

import org.jctools.queues.atomic.MpmcAtomicArrayQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded, pooled memory for the bulk data of payloads (pixels, histogram values, samples, labels): a producer
 * copies the caller's array into a pooled one and returns at once, the consumer gives it back once
 * encoded. The configured budget ({@code payload.maxPendingBytes}) bounds the pool's whole footprint:
 * <ul>
 *   <li><b>pending</b>: arrays handed out and not yet given back. A producer reserves its bytes
 *       first ({@link #tryTake}, the {@link Backoff.Room} that {@link Publisher} waits on under the
 *       overflow policy), then takes the array;</li>
 *   <li><b>retained</b>: arrays kept in free lists for reuse, so the steady state allocates nothing.
 *       An array is kept only while pending and retained bytes stay within the budget, and before a
 *       new array is allocated, kept arrays (largest first) are let go until they fit again, so
 *       pending plus retained never exceeds the budget by more than what racing threads hold.</li>
 * </ul>
 * Arrays come in power-of-two sizes ({@linkplain #sizeClass size classes}; at least the length
 * asked for, callers pass the length along), one lock-free JCTools MPMC free list per size and
 * type: producers take from any thread, the consumer puts back. They are JCTools' atomic variant
 * (field updaters, no {@code sun.misc.Unsafe}), so that no JDK warns about Unsafe when a logger starts.
 *
 * <p>Thread contract: any thread, lock-free.
 */
public final class PayloadPool implements Backoff.Room {
    private static final int MIN_CLASS = 6;
    private static final int MAX_CLASS = 30;
    private static final int FREE_PER_CLASS = 32;

    private final long budgetBytes;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong retainedBytes = new AtomicLong();
    private final FreeLists<float[]> floats = new FreeLists<>();
    private final FreeLists<double[]> doubles = new FreeLists<>();
    private final FreeLists<byte[]> bytes = new FreeLists<>();
    private final FreeLists<boolean[]> booleans = new FreeLists<>();

    /** @param budgetBytes the most bytes pending and retained for reuse, together */
    public PayloadPool(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("payload budget must be positive, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** Bytes handed out and not yet given back. */
    public long pendingBytes() {
        return pendingBytes.get();
    }

    /** Bytes of arrays kept in the free lists for reuse. */
    public long retainedBytes() {
        return retainedBytes.get();
    }

    /** The budget. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /**
     * The power-of-two size class of an array of at least {@code length} elements: its length is
     * {@code 1 << sizeClass}.
     *
     * @throws IllegalArgumentException a negative length, or one past 2^30
     */
    public static int sizeClass(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative payload length " + length);
        }
        int c = length <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(length - 1);
        c = Math.max(c, MIN_CLASS);
        if (c > MAX_CLASS) {
            throw new IllegalArgumentException("payload of " + length + " values is too large");
        }
        return c;
    }

    /**
     * The bytes an array of the size class takes from the budget.
     *
     * @throws IllegalArgumentException the array alone is bigger than the budget
     */
    public long bytesOf(int elementBytes, int sizeClass) {
        long size = (long) elementBytes << sizeClass;
        if (size > budgetBytes) {
            throw new IllegalArgumentException("payload of " + size + " bytes exceeds payload.maxPendingBytes="
                + budgetBytes);
        }
        return size;
    }

    /** Whether an array of {@code elementBytes << sizeClass} bytes could ever be had. */
    public boolean fits(int elementBytes, int sizeClass) {
        return ((long) elementBytes << sizeClass) <= budgetBytes;
    }

    /** Reserves {@code amount} bytes if they fit in the budget now: 0, else {@link Backoff.Room#NONE}. */
    @Override
    public long tryTake(long amount) {
        while (true) {
            long pending = pendingBytes.get();
            if (pending + amount > budgetBytes) {
                return NONE;
            }
            if (pendingBytes.compareAndSet(pending, pending + amount)) {
                return 0;
            }
        }
    }

    /** A float array of the size class, its bytes already reserved. */
    public float[] floats(int sizeClass) {
        float[] a = floats.poll(sizeClass);
        if (a != null) {
            retainedBytes.addAndGet(-((long) a.length * Float.BYTES));
            return a;
        }
        trimRetained();
        return new float[1 << sizeClass];
    }

    /** As {@link #floats(int)}, for doubles. */
    public double[] doubles(int sizeClass) {
        double[] a = doubles.poll(sizeClass);
        if (a != null) {
            retainedBytes.addAndGet(-((long) a.length * Double.BYTES));
            return a;
        }
        trimRetained();
        return new double[1 << sizeClass];
    }

    /** As {@link #floats(int)}, for bytes. */
    public byte[] bytes(int sizeClass) {
        byte[] a = bytes.poll(sizeClass);
        if (a != null) {
            retainedBytes.addAndGet(-(long) a.length);
            return a;
        }
        trimRetained();
        return new byte[1 << sizeClass];
    }

    /** As {@link #floats(int)}, for booleans (one byte each in the budget). */
    public boolean[] booleans(int sizeClass) {
        boolean[] a = booleans.poll(sizeClass);
        if (a != null) {
            retainedBytes.addAndGet(-(long) a.length);
            return a;
        }
        trimRetained();
        return new boolean[1 << sizeClass];
    }

    /**
     * Before a new array is allocated (its bytes already counted as pending): lets kept arrays go,
     * largest first, until pending and retained fit in the budget again.
     */
    private void trimRetained() {
        for (int c = MAX_CLASS; c >= MIN_CLASS && pendingBytes.get() + retainedBytes.get() > budgetBytes; c--) {
            while (pendingBytes.get() + retainedBytes.get() > budgetBytes) {
                long freed = floats.drop(c, (long) Float.BYTES << c) + doubles.drop(c, (long) Double.BYTES << c)
                    + bytes.drop(c, 1L << c) + booleans.drop(c, 1L << c);
                if (freed == 0) {
                    break;
                }
                retainedBytes.addAndGet(-freed);
            }
        }
    }

    /** Gives back an array from {@link #floats(int)}; once per array. */
    public void release(float[] a) {
        release(a, a.length, (long) a.length * Float.BYTES, floats);
    }

    /** Gives back an array from {@link #doubles(int)}. */
    public void release(double[] a) {
        release(a, a.length, (long) a.length * Double.BYTES, doubles);
    }

    /** Gives back an array from {@link #bytes(int)}. */
    public void release(byte[] a) {
        release(a, a.length, a.length, bytes);
    }

    /** Gives back an array from {@link #booleans(int)}. */
    public void release(boolean[] a) {
        release(a, a.length, a.length, booleans);
    }

    private <T> void release(T array, int length, long size, FreeLists<T> free) {
        long pending = pendingBytes.addAndGet(-size);
        int sizeClass = Integer.numberOfTrailingZeros(length);
        // Keep it for reuse only while pending and retained stay within the budget; else let GC have it.
        if (retainedBytes.addAndGet(size) + pending <= budgetBytes && free.offer(sizeClass, array)) {
            return;
        }
        retainedBytes.addAndGet(-size);
    }

    @Override
    public String toString() {
        return "PayloadPool[pending " + pendingBytes.get() + " of " + budgetBytes + " bytes]";
    }

    /**
     * One bounded MPMC free list per size class, all made up front: the final list published by
     * the constructor is what makes them safe to reach from any thread.
     */
    private static final class FreeLists<T> {
        private final List<MpmcAtomicArrayQueue<T>> lists = new ArrayList<>();

        FreeLists() {
            for (int c = 0; c <= MAX_CLASS; c++) {
                lists.add(c < MIN_CLASS ? null : new MpmcAtomicArrayQueue<>(FREE_PER_CLASS));
            }
        }

        T poll(int sizeClass) {
            return lists.get(sizeClass).poll();
        }

        boolean offer(int sizeClass, T array) {
            return lists.get(sizeClass).offer(array);
        }

        /** Lets one kept array of the size class go; returns its bytes ({@code size}), or 0 when none is kept. */
        long drop(int sizeClass, long size) {
            return lists.get(sizeClass).poll() != null ? size : 0;
        }
    }
}
