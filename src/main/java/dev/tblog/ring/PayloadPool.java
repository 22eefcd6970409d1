package dev.tblog.ring;

import org.jctools.queues.atomic.MpmcAtomicArrayQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Bounded, pooled memory for the bulk data of payloads (pixels, histogram values): a producer
 * copies the caller's array into a pooled one and returns at once, the consumer gives it back once
 * encoded. Two bounds, both in bytes of the configured budget:
 * <ul>
 *   <li><b>pending</b>: arrays handed out and not yet given back. Past the budget the overflow
 *       policy applies: {@code block} waits (backing off, never burning a core) until the consumer
 *       gives memory back, {@code drop} returns {@code null} and the caller counts a drop;</li>
 *   <li><b>retained</b>: arrays kept in free lists for reuse, so the steady state allocates nothing.</li>
 * </ul>
 * Arrays come in power-of-two sizes (at least the length asked for; callers pass the length
 * along), one lock-free JCTools MPMC free list per size and type: producers take from any thread,
 * the consumer puts back. They are JCTools' atomic variant (field updaters, no {@code sun.misc.Unsafe}),
 * so that no JDK warns about Unsafe when a logger starts.
 *
 * <p>Thread contract: any thread, lock-free except for the waiting of {@code block}.
 */
public final class PayloadPool {
    private static final int MIN_CLASS = 6;
    private static final int MAX_CLASS = 30;
    private static final int FREE_PER_CLASS = 32;

    private final long budgetBytes;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong retainedBytes = new AtomicLong();
    private final FreeLists<float[]> floats = new FreeLists<>();
    private final FreeLists<double[]> doubles = new FreeLists<>();
    private final FreeLists<byte[]> bytes = new FreeLists<>();

    /** @param budgetBytes the most bytes pending at once, and the most retained for reuse */
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

    /** The budget. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /**
     * A float array of at least {@code length}, or {@code null} when dropped under {@code drop}.
     *
     * @param keepWaiting read while waiting under {@code block}; when false the wait ends with
     *     {@link IllegalStateException} (the logger closed or its consumer stopped)
     * @throws IllegalArgumentException the array alone is bigger than the budget
     */
    public float[] floats(int length, OverflowPolicy policy, BooleanSupplier keepWaiting) {
        int sizeClass = sizeClass(length);
        if (!reserve(Float.BYTES, sizeClass, policy, keepWaiting)) {
            return null;
        }
        float[] a = floats.poll(sizeClass);
        if (a != null) {
            retainedBytes.addAndGet(-((long) a.length * Float.BYTES));
            return a;
        }
        return new float[1 << sizeClass];
    }

    /** As {@link #floats}, for doubles. */
    public double[] doubles(int length, OverflowPolicy policy, BooleanSupplier keepWaiting) {
        int sizeClass = sizeClass(length);
        if (!reserve(Double.BYTES, sizeClass, policy, keepWaiting)) {
            return null;
        }
        double[] a = doubles.poll(sizeClass);
        if (a != null) {
            retainedBytes.addAndGet(-((long) a.length * Double.BYTES));
            return a;
        }
        return new double[1 << sizeClass];
    }

    /** As {@link #floats}, for bytes. */
    public byte[] bytes(int length, OverflowPolicy policy, BooleanSupplier keepWaiting) {
        int sizeClass = sizeClass(length);
        if (!reserve(Byte.BYTES, sizeClass, policy, keepWaiting)) {
            return null;
        }
        byte[] a = bytes.poll(sizeClass);
        if (a != null) {
            retainedBytes.addAndGet(-(long) a.length);
            return a;
        }
        return new byte[1 << sizeClass];
    }

    /** Gives back an array from {@link #floats}; consumer thread, once per array. */
    public void release(float[] a) {
        release(a, a.length, (long) a.length * Float.BYTES, floats);
    }

    /** Gives back an array from {@link #doubles}. */
    public void release(double[] a) {
        release(a, a.length, (long) a.length * Double.BYTES, doubles);
    }

    /** Gives back an array from {@link #bytes}. */
    public void release(byte[] a) {
        release(a, a.length, a.length, bytes);
    }

    private <T> void release(T array, int length, long size, FreeLists<T> free) {
        pendingBytes.addAndGet(-size);
        int sizeClass = Integer.numberOfTrailingZeros(length);
        // Keep it for reuse only while the retained total stays within the budget; else let GC have it.
        if (retainedBytes.addAndGet(size) <= budgetBytes && free.offer(sizeClass, array)) {
            return;
        }
        retainedBytes.addAndGet(-size);
    }

    private boolean reserve(int elementBytes, int sizeClass, OverflowPolicy policy, BooleanSupplier keepWaiting) {
        long size = (long) elementBytes << sizeClass;
        if (size > budgetBytes) {
            throw new IllegalArgumentException("payload of " + size + " bytes exceeds payload.maxPendingBytes="
                + budgetBytes);
        }
        long parkNanos = 1_000;
        int attempt = 0;
        while (true) {
            long pending = pendingBytes.get();
            if (pending + size <= budgetBytes) {
                if (pendingBytes.compareAndSet(pending, pending + size)) {
                    return true;
                }
                continue;
            }
            if (policy == OverflowPolicy.DROP) {
                return false;
            }
            if (!keepWaiting.getAsBoolean()) {
                throw new IllegalStateException("logger stopped while waiting for payload memory");
            }
            if (++attempt < 16) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(parkNanos * 2, 1_000_000);
            }
        }
    }

    private static int sizeClass(int length) {
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
    }
}
