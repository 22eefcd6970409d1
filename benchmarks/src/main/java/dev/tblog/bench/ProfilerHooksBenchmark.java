package dev.tblog.bench;

import dev.tblog.jmh.TensorBoardProfiler;
import dev.tblog.jmhruns.IterationChannel;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.SampleTimeResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.SampleBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What {@code TensorBoardProfiler} costs inside a benchmark's JVM: its two hooks between two
 * iterations ({@code beforeIteration} of the next, {@code afterIteration} of the last), which hand
 * one warm-up iteration to the host (convert, append a record to the channel file, close it). The
 * iteration is what JMH hands a profiler after a real one: a SampleTime iteration of about a
 * million samples spread like {@code AddScalarLatencyBenchmark}'s (a few hundred distinct times,
 * percentiles computed from them), or a Throughput iteration, each with the three results of
 * {@code -prof gc}.
 *
 * <p>Baseline, same run: JMH's own {@code -prof gc}, whose two hooks run at the same points
 * ({@code gcProfiler}). Neither runs during an iteration; both add this much between two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProfilerHooksBenchmark {
    @Param({"sample", "thrpt"})
    public String kind;

    private Path channel;
    private TensorBoardProfiler profiler;
    private GCProfiler gc;
    private BenchmarkParams benchmark;
    private IterationParams warmup;
    private IterationResult result;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        channel = Files.createTempFile("tblog-hooks-", ".iterations");
        System.setProperty(IterationChannel.PROPERTY, channel.toString());
        profiler = new TensorBoardProfiler("");
        gc = new GCProfiler("");
        Mode mode = kind.equals("sample") ? Mode.SampleTime : Mode.Throughput;
        warmup = new IterationParams(IterationType.WARMUP, 3, TimeValue.seconds(2), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, 5, TimeValue.seconds(2), 1);
        WorkloadParams params = new WorkloadParams();
        params.put("work", "100", 0);
        benchmark = new BenchmarkParams("dev.tblog.bench.AddScalarLatencyBenchmark.addScalar",
            "dev.tblog.bench.jmh_generated.AddScalarLatencyBenchmark_addScalar_jmhTest", false, 1, new int[] {1},
            List.of(), 1, 0, warmup, measurement, mode, params, TimeUnit.NANOSECONDS, 1, "java", List.of(), "17", "vm",
            "17", "1.37", TimeValue.minutes(10));
        // The metadata JMH gives every real iteration: -prof gc reads the operation count from it.
        result = new IterationResult(benchmark, warmup, new IterationResultMetaData(34_000_000, 34_000_000));
        if (mode == Mode.SampleTime) {
            SampleBuffer samples = new SampleBuffer();
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 1_000_000; i++) {
                // Mostly 200-240 ns, a tail to milliseconds, as addScalar's.
                long ns = random.nextInt(100) < 99 ? 200 + random.nextInt(40) : 240 + (long) Math.pow(10, 2 + 4 * random.nextDouble());
                samples.add(ns);
            }
            result.addResult(new SampleTimeResult(ResultRole.PRIMARY, "addScalar", samples, TimeUnit.NANOSECONDS));
        } else {
            result.addResult(new ThroughputResult(ResultRole.PRIMARY, "addScalar", 34_000_000, 2_000_000_000L,
                TimeUnit.MICROSECONDS));
        }
        result.addResult(new ScalarResult("gc.alloc.rate", 0.01, "MB/sec", AggregationPolicy.AVG));
        result.addResult(new ScalarResult("gc.alloc.rate.norm", 0.03, "B/op", AggregationPolicy.AVG));
        result.addResult(new ScalarResult("gc.count", 0, "counts", AggregationPolicy.SUM));
    }

    /** The channel file grows by a record per call: start each iteration with an empty one, as each fork does. */
    @Setup(Level.Iteration)
    public void emptyChannel() throws IOException {
        Files.write(channel, new byte[0]);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.clearProperty(IterationChannel.PROPERTY);
        Files.deleteIfExists(channel);
    }

    @Benchmark
    public Object tensorBoardProfiler() {
        profiler.beforeIteration(benchmark, warmup);
        return profiler.afterIteration(benchmark, warmup, result);
    }

    @Benchmark
    public Object gcProfiler() {
        gc.beforeIteration(benchmark, warmup);
        return gc.afterIteration(benchmark, warmup, result);
    }
}
