package dev.tblog.bench;

import dev.tblog.histogram.HistogramAccumulator;
import dev.tblog.histogram.Bins;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The histogram kernel with the default ("tensorflow") edges: tblog's O(1) bucket lookup against a baseline
 * that does the same work with {@link Arrays#binarySearch(double[], double)} per value. Both compute min, max,
 * sum, sum of squares, the counts and the stored (trimmed) range, from a reset accumulator, on N(0,1) data.
 * A teardown fails the run when the counts do not sum to {@code size}.
 *
 * <pre>java -jar target/benchmarks.jar Histogram -f 1 -wi 3 -w 1 -i 5 -r 1 [-prof gc]</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HistogramKernelBenchmark {

    @Param({"10000", "1000000"})
    int size;

    private double[] doubles;
    private float[] floats;
    private HistogramAccumulator acc;

    // baseline state: same edges, same slot layout (slot = #{edges <= x}), same folding and trimming
    private double[] edges;
    private long[] baselineSlots;
    private double baselineMin;
    private double baselineMax;
    private double baselineSum;
    private double baselineSumSquares;
    private long baselineFinite;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        doubles = new double[size];
        floats = new float[size];
        for (int i = 0; i < size; i++) {
            doubles[i] = random.nextGaussian();
            floats[i] = (float) random.nextGaussian();
        }
        acc = new HistogramAccumulator(Bins.tensorflowDefault());
        edges = Bins.tensorflowDefault().edgesCopy();
        baselineSlots = new long[edges.length + 1];
    }

    @Benchmark
    public int tblogDoubles() {
        acc.reset();
        acc.add(doubles, 0, size);
        return acc.trimmedEnd() - acc.trimmedStart();
    }

    @Benchmark
    public int tblogFloats() {
        acc.reset();
        acc.add(floats, 0, size);
        return acc.trimmedEnd() - acc.trimmedStart();
    }

    @Benchmark
    public int baselineBinarySearchDoubles() {
        resetBaseline();
        double[] v = doubles;
        for (int i = 0; i < size; i++) {
            baselineAdd(v[i]);
        }
        return baselineTrimmedSize();
    }

    @Benchmark
    public int baselineBinarySearchFloats() {
        resetBaseline();
        float[] v = floats;
        for (int i = 0; i < size; i++) {
            baselineAdd(v[i]);
        }
        return baselineTrimmedSize();
    }

    @TearDown(Level.Iteration)
    public void check() {
        long tblog = 0;
        for (int b = 0; b < acc.bins().bucketCount(); b++) {
            tblog += acc.count(b);
        }
        long baseline = Arrays.stream(baselineSlots).sum();
        // each state object runs one benchmark method per trial; the other side is still all zeros
        if (tblog != 0 && (tblog != size || acc.finiteCount() != size)) {
            throw new IllegalStateException("tblog counts sum to " + tblog + ", size=" + size);
        }
        if (baseline != 0 && (baseline != size || baselineFinite != size)) {
            throw new IllegalStateException("baseline counts sum to " + baseline + ", size=" + size);
        }
        if (tblog == 0 && baseline == 0) {
            throw new IllegalStateException("nothing was counted, size=" + size);
        }
    }

    private void resetBaseline() {
        Arrays.fill(baselineSlots, 0L);
        baselineMin = Double.POSITIVE_INFINITY;
        baselineMax = Double.NEGATIVE_INFINITY;
        baselineSum = -0.0;
        baselineSumSquares = 0.0;
        baselineFinite = 0;
    }

    private void baselineAdd(double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        if (x < baselineMin) {
            baselineMin = x;
        }
        if (x > baselineMax) {
            baselineMax = x;
        }
        baselineSum += x;
        baselineSumSquares += x * x;
        // found: edges[i] <= x, slot i + 1; not found: insertion point = #{edges < x} = #{edges <= x}.
        // (Arrays.binarySearch orders -0.0 before 0.0; N(0,1) data has no zeros.)
        int i = Arrays.binarySearch(edges, x);
        baselineSlots[i >= 0 ? i + 1 : -i - 1]++;
        baselineFinite++;
    }

    private int baselineTrimmedSize() {
        int n = edges.length;
        baselineSlots[1] += baselineSlots[0];
        baselineSlots[0] = 0;
        baselineSlots[n - 1] += baselineSlots[n];
        baselineSlots[n] = 0;
        int first = 1;
        while (baselineSlots[first] == 0) {
            first++;
        }
        int last = n - 1;
        while (baselineSlots[last] == 0) {
            last--;
        }
        return (last + 1) - (first - 1);
    }
}
