package dev.tblog.jmh;

import dev.tblog.jmhruns.IterationChannel;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JMH profiler that streams a benchmark run into TensorBoard:
 * <pre>
 * java -jar benchmarks.jar -prof 'dev.tblog.jmh.TensorBoardProfiler:logdir=runs/jmh;label=before'
 * tensorboard --logdir runs/jmh
 * </pre>
 * <ul>
 *   <li>each benchmark, mode and {@code @Param} combination is a run,
 *       {@code <logdir>[/<label>]/<benchmark>/<mode>,<param>=<value>,...};</li>
 *   <li>SCALARS: each iteration's score and secondary results (those of {@code -prof gc} and the
 *       others) over the iteration number, warm-up under {@code warmup/}, measured iterations under
 *       {@code measurement/}; the forks of a run follow each other;</li>
 *   <li>HISTOGRAMS and DISTRIBUTIONS: a SampleTime iteration's samples;</li>
 *   <li>HPARAMS: a row per run with its benchmark, mode, unit and parameters and the metrics score
 *       and error (JMH's final result), from a sweep declared for the whole suite;</li>
 *   <li>TEXT ({@code jmh}): the results table, the settings, the JMH and JVM versions, the JVM
 *       options and the machine.</li>
 * </ul>
 * Options, after the colon: {@code logdir=DIR} (default {@code runs/jmh}), {@code label=NAME}
 * (default none); {@code help} prints them.
 *
 * <p><b>Off the measured path.</b> JMH runs a profiler in two JVMs. In the host JVM, which only
 * waits while a fork measures, it does all the logging, before a fork starts and after it exits.
 * In the forked JVM it only appends each warm-up iteration's numbers to a small file between
 * iterations (JMH hands the host the measured iterations only): no logger, no thread, nothing
 * during an iteration. A non-forked run ({@code -f 0}) is not logged, and says so.
 *
 * <p>The profiler never fails a benchmark run: what it cannot log (a log folder it cannot write, a
 * value the folder's sweep does not hold) is reported on standard error, prefixed {@code tblog:}.
 *
 * <p>Thread contract: JMH calls it from one harness thread at a time, in the host JVM (the
 * {@link ExternalProfiler} methods) and in the fork (the {@link InternalProfiler} methods).
 */
public final class TensorBoardProfiler implements ExternalProfiler, InternalProfiler {
    private static final AtomicBoolean WARNED_NOT_FORKED = new AtomicBoolean();

    private final ProfilerOptions options;
    private HostTrial host;
    private ForkRecorder fork;

    /**
     * The profiler with JMH's option line.
     *
     * @param options what follows the class name and a colon in {@code -prof}: {@code logdir=DIR;label=NAME}
     * @throws ProfilerException {@code help}, an unknown option, an option without a value, a label
     *     that is not a folder name; the message has the usage, which JMH prints
     */
    public TensorBoardProfiler(String options) throws ProfilerException {
        this.options = ProfilerOptions.parse(options);
    }

    @Override
    public String getDescription() {
        return "tblog: every benchmark and parameter combination as a TensorBoard run (iterations, HPARAMS)";
    }

    private static void warn(String message) {
        System.err.println("tblog: " + message);
    }

    private HostTrial host() {
        if (host == null) {
            host = new HostTrial(options, TensorBoardProfiler::warn);
        }
        return host;
    }

    // ---- host JVM ----

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        return host().jvmOptions();
    }

    @Override
    public void beforeTrial(BenchmarkParams params) {
        try {
            host().beforeTrial(params);
        } catch (RuntimeException e) {
            warn("cannot prepare the TensorBoard run of " + params.getBenchmark() + ": " + e);
        }
    }

    @Override
    public Collection<? extends Result<?>> afterTrial(BenchmarkResult result, long pid, File stdOut, File stdErr) {
        try {
            host().afterTrial(result);
        } catch (RuntimeException e) {
            warn("cannot log " + result.getParams().getBenchmark() + " to TensorBoard: " + e);
        }
        return List.of();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    // ---- forked JVM ----

    private ForkRecorder fork() {
        if (fork == null) {
            String channel = System.getProperty(IterationChannel.PROPERTY);
            if (channel == null && WARNED_NOT_FORKED.compareAndSet(false, true)) {
                warn("this run is not forked (-f 0): TensorBoardProfiler logs forked runs only");
            }
            fork = new ForkRecorder(channel == null ? null : Path.of(channel), TensorBoardProfiler::warn);
        }
        return fork;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        fork().beforeIteration();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
                                                          IterationParams iterationParams, IterationResult result) {
        fork().afterIteration(benchmarkParams.getMode(), iterationParams, result);
        return List.of();
    }
}
