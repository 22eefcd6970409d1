package dev.tblog.bench;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The payload pool's free lists, as it uses them (take an array, give it back), on the two JCTools
 * MPMC queues it could use: {@code MpmcArrayQueue} (sun.misc.Unsafe: a warning at start on JDK 24+)
 * and {@code MpmcAtomicArrayQueue} (field updaters: what the pool uses), A/B in one run. 32 slots,
 * half full, as a size class of the pool in steady state. Fails if an array goes missing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class FreeListBenchmark {
    private static final int SLOTS = 32;

    @Param({"unsafe", "atomic"})
    public String queue;

    private MessagePassingQueue<float[]> free;

    @Setup(Level.Trial)
    public void fill() {
        free = queue.equals("unsafe") ? new MpmcArrayQueue<>(SLOTS) : new MpmcAtomicArrayQueue<>(SLOTS);
        for (int i = 0; i < SLOTS / 2; i++) {
            free.relaxedOffer(new float[64]);
        }
    }

    private float[] takeAndGiveBack() {
        float[] a = free.poll();
        if (a == null) {
            throw new IllegalStateException("free list empty: an array went missing");
        }
        if (!free.offer(a)) {
            throw new IllegalStateException("free list full");
        }
        return a;
    }

    @Benchmark
    @Threads(1)
    public float[] oneThread() {
        return takeAndGiveBack();
    }

    @Benchmark
    @Threads(2)
    public float[] twoThreads() {
        return takeAndGiveBack();
    }
}
