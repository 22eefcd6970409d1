package dev.tblog.bench.consumer;

import dev.tblog.Logger;
import dev.tblog.bench.Benchmarks;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What an idle logger costs (issue 19, item 5), per {@code ring.waitStrategy}:
 * <ul>
 *   <li>{@link #idleSecond}: {@code loggers} loggers that logged once and flushed, then idle; the
 *       benchmark sleeps one second and {@code idle.cpu/logger} (with
 *       {@code -prof dev.tblog.bench.consumer.SideFigures}) is the share of a core each consumer
 *       thread used meanwhile, from its own CPU clock. The score is only the second slept.</li>
 *   <li>{@link #toTheOs}: after those loggers idled, one {@code addScalar} without {@code flush()}: the
 *       time until its bytes are in the file (the file's size, polled). What a parked consumer adds to
 *       the latency to the OS.</li>
 *   <li>{@link #open200}: the time to build 200 loggers (each logging one scalar) while the ones
 *       already open idle: idle consumers that burn CPU slow down everything else on the machine,
 *       the building of the next logger included.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class IdleLoggerBenchmark {
    /** The wait strategy under test: parking (the default), sleeping (the old default), blocking. */
    @Param({"parking", "sleeping", "blocking"})
    public String waitStrategy;

    /** Idle loggers open at once. */
    @State(Scope.Benchmark)
    public static class Idle {
        @Param({"4"})
        public int loggers;

        private final List<Logger> open = new ArrayList<>();
        private Path dir;
        private Path firstFile;

        @Setup(Level.Iteration)
        public void open(IdleLoggerBenchmark b) throws Exception {
            dir = Benchmarks.tempDir("tblog-idle");
            for (int i = 0; i < loggers; i++) {
                Logger log = Logger.builder().logdir(dir).experiment("idle-" + i).set("shutdownHook.enabled", "false")
                    .set("ring.waitStrategy", b.waitStrategy).build();
                log.addScalar("x", 1, 1);
                log.flush();
                open.add(log);
            }
            try (Stream<Path> files = Files.list(open.get(0).runDir())) {
                firstFile = files.filter(f -> f.getFileName().toString().contains("tfevents")).findFirst().orElseThrow();
            }
            Thread.sleep(200); // into the idle back-off
        }

        @TearDown(Level.Iteration)
        public void close() {
            open.forEach(Benchmarks::closeAndCheck);
            open.clear();
            Benchmarks.delete(dir);
        }
    }

    /** A fresh folder per iteration for {@link #open200}. */
    @State(Scope.Benchmark)
    public static class Many {
        private final List<Logger> open = new ArrayList<>();
        private Path dir;

        @Setup(Level.Iteration)
        public void folder() {
            dir = Benchmarks.tempDir("tblog-200");
        }

        @TearDown(Level.Iteration)
        public void close() {
            if (open.size() != 200) {
                throw new IllegalStateException("benchmark result is wrong: " + open.size() + " loggers opened");
            }
            open.forEach(Benchmarks::closeAndCheck);
            open.clear();
            Benchmarks.delete(dir);
        }
    }

    @Benchmark
    public long idleSecond(Idle idle) throws InterruptedException {
        long cpu = ThreadCpu.nanos(ThreadCpu.CONSUMERS);
        long start = System.nanoTime();
        Thread.sleep(1000);
        long wall = System.nanoTime() - start;
        long used = ThreadCpu.nanos(ThreadCpu.CONSUMERS) - cpu;
        SideFigures.put("idle.cpu/logger", 100.0 * used / wall / idle.loggers, "%core");
        return used;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long toTheOs(Idle idle) throws IOException {
        long before = Files.size(idle.firstFile);
        idle.open.get(0).addScalar("x", 2, 2);
        long size;
        while ((size = Files.size(idle.firstFile)) == before) {
            Thread.onSpinWait();
        }
        return size;
    }

    @Benchmark
    public int open200(Many many) {
        for (int i = 0; i < 200; i++) {
            Logger log = Logger.builder().logdir(many.dir).experiment("run-" + i).set("shutdownHook.enabled", "false")
                .set("ring.waitStrategy", waitStrategy).build();
            log.addScalar("x", i, 1);
            many.open.add(log);
        }
        return many.open.size();
    }
}
