package dev.tblog.bench.hdfs;

import dev.tblog.Logger;
import dev.tblog.LoggerStats;
import dev.tblog.bench.harness.Harness;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * tblog to HDFS (a mini cluster in this JVM: NameNode and one DataNode on loopback) beside tblog to
 * a local file, in the same run, one producer:
 * <ul>
 *   <li>{@code scalars}: sustained scalars per second end to end: each invocation logs
 *       {@link Harness#BATCH} scalars and calls {@code flush()} (on HDFS an {@code hflush}: the
 *       events are on the DataNode, visible to readers);</li>
 *   <li>{@code flushLatency}: one scalar then {@code flush()}, the time until another machine can
 *       read it (sample time: percentiles).</li>
 * </ul>
 * Each iteration opens a fresh logger; its teardown closes it and fails the run unless every call
 * was written.
 *
 * <p>Thread contract: JMH calls setup and teardown on one thread, the benchmarks on the producer.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Ddev.tblog.internal.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class HdfsScalarsBenchmark {
    @Param({"local", "hdfs"})
    public String sink;

    private Path base;
    private MiniHdfs hdfs;
    private Logger log;
    private long calls;
    private long step;
    private int runs;

    @Setup(Level.Trial)
    public void startCluster() {
        base = Harness.tempDir("tblog-hdfs-bench");
        if (sink.equals("hdfs")) {
            hdfs = MiniHdfs.start(base.resolve("cluster"));
        }
    }

    @TearDown(Level.Trial)
    public void stopCluster() {
        if (hdfs != null) {
            hdfs.close();
        }
        Harness.delete(base);
    }

    @Setup(Level.Iteration)
    public void open() {
        String experiment = "run-" + runs++;
        var builder = Logger.builder().experiment(experiment).set("shutdownHook.enabled", "false");
        if (hdfs != null) {
            builder.logdir(URI.create(hdfs.uri() + "/bench"));
        } else {
            builder.logdir(base.resolve("local"));
        }
        log = builder.build();
        calls = 0;
    }

    @TearDown(Level.Iteration)
    public void close() {
        log.close();
        LoggerStats s = log.stats();
        if (s.published() != calls || s.written() != calls || s.lost() != 0 || s.failures() != 0) {
            throw new IllegalStateException("benchmark result is wrong: " + sink + " " + calls + " calls: " + s);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    @OperationsPerInvocation(Harness.BATCH)
    public void scalars() {
        Logger logger = log;
        for (int i = 0; i < Harness.BATCH; i++) {
            logger.addScalar("x", i, step++);
        }
        calls += Harness.BATCH;
        logger.flush();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public void flushLatency() {
        log.addScalar("x", 1.0, step++);
        calls++;
        log.flush();
    }
}
