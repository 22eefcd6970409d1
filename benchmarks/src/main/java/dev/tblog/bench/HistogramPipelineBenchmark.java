package dev.tblog.bench;

import dev.tblog.Histogram;
import dev.tblog.Logger;
import dev.tblog.histogram.Bins;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code addHistogram} of N(0,1) doubles through a real logger (default edges, files in a temp folder),
 * under each place the binning can run:
 * <ul>
 *   <li>{@code producer}: the caller bins ({@code histogram.consumerBinMaxValues=0}) and publishes the result;</li>
 *   <li>{@code consumer}: the caller copies into pooled memory ({@code histogram.consumerBinMaxValues=2^30})
 *       and the consumer bins;</li>
 *   <li>{@code default}: the shipped threshold (copy up to 2^20 values, bin above);</li>
 *   <li>{@code baseline}: the caller bins with {@link Arrays#binarySearch(double[], double)} over the edge
 *       list (as the kernel benchmark's baseline) and logs the result as a binned {@code Histogram}.</li>
 * </ul>
 * {@code endToEnd}: a batch of {@value #BATCH} calls, then {@code flush()} (written to the OS), per call.
 * {@code call}: one call on the producer's thread with an idle consumer (a flush before each invocation).
 * A teardown fails the run unless every call was written.
 *
 * <pre>java -jar target/benchmarks.jar HistogramPipeline -f 1 -wi 2 -w 1 -i 3 -r 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HistogramPipelineBenchmark {
    static final int BATCH = 32;

    @Param({"10000", "1000000"})
    int size;

    @Param({"producer", "consumer", "default", "baseline"})
    String binning;

    private double[] values;
    private Path dir;
    private Logger log;
    private long step;
    private boolean baseline;

    // baseline state
    private double[] edges;
    private long[] slots;
    private double[] limits;
    private double[] counts;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
        }
        baseline = binning.equals("baseline");
        edges = Bins.tensorflowDefault().edgesCopy();
        slots = new long[edges.length + 1];
        limits = new double[edges.length];
        counts = new double[edges.length];
    }

    /**
     * A fresh logger and file every iteration: ~10 KB per histogram at tens of thousands a second
     * would grow one file to gigabytes, and the page cache's write-back throttling would then time
     * the disk rather than the pipeline.
     */
    @Setup(Level.Iteration)
    public void openLogger() {
        dir = Benchmarks.tempDir("tblog-hist-bench");
        String threshold = binning.equals("producer") ? "0" : binning.equals("consumer") ? "1073741824" : "1048576";
        log = Benchmarks.logger(dir, "histogram.consumerBinMaxValues", threshold);
        step = 0;
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        var s = Benchmarks.closeAndCheck(log);
        if (s.written() != step) {
            throw new IllegalStateException("histograms written " + s.written() + ", calls " + step);
        }
        Benchmarks.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void endToEnd() {
        for (int i = 0; i < BATCH; i++) {
            logOne();
        }
        log.flush();
    }

    /** Flushes before each {@link #call}: the call meets an idle consumer (not timed). */
    @Setup(Level.Invocation)
    public void idleConsumer() {
        log.flush();
    }

    @Benchmark
    public void call() {
        logOne();
    }

    private void logOne() {
        if (baseline) {
            baselineLog();
        } else {
            log.addHistogram("w", values, step++);
        }
    }

    /** What a caller binning by itself does: binary search per value, stats, trimming, then the raw call. */
    private void baselineLog() {
        Arrays.fill(slots, 0L);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = -0.0;
        double sumSquares = 0.0;
        long finite = 0;
        for (double x : values) {
            if (!Double.isFinite(x)) {
                continue;
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
            sumSquares += x * x;
            int i = Arrays.binarySearch(edges, x);
            slots[i >= 0 ? i + 1 : -i - 1]++;
            finite++;
        }
        int n = edges.length;
        slots[1] += slots[0];
        slots[0] = 0;
        slots[n - 1] += slots[n];
        slots[n] = 0;
        int first = 1;
        while (slots[first] == 0) {
            first++;
        }
        int last = n - 1;
        while (slots[last] == 0) {
            last--;
        }
        int k = 0;
        for (int s = first - 1; s <= last; s++, k++) {
            limits[k] = edges[s];
            counts[k] = slots[s];
        }
        if (finite != size) {
            throw new IllegalStateException("baseline counted " + finite + " of " + size);
        }
        log.addHistogram("w", Histogram.binned(Arrays.copyOf(limits, k), Arrays.copyOf(counts, k))
            .min(min).max(max).num(finite).sum(sum).sumSquares(sumSquares), step++);
    }
}
