package dev.tblog.hadoop;

import com.google.protobuf.TextFormat;
import dev.tblog.Domain;
import dev.tblog.Embedding;
import dev.tblog.Logger;
import dev.tblog.LoggerFailedException;
import dev.tblog.LoggerStats;
import dev.tblog.Sweep;
import dev.tblog.proto.Event;
import dev.tblog.proto.projector.ProjectorConfig;
import dev.tblog.read.LogInspector;
import dev.tblog.read.RunReport;
import dev.tblog.sink.HadoopStorage;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real HDFS in the test JVM (a NameNode and three DataNodes, {@code hadoop-client-minicluster}),
 * logged to through {@code new Logger(URI, experiment)} as a user would, and read back by another
 * client with the generated protobuf classes: what is visible when, many processes in one run
 * folder, rotation, and the failures of the failure model (a DataNode lost, the NameNode
 * restarted, the lease lost), each ending as the README says, with nothing corrupt. The cluster
 * is shared by the tests (it takes seconds to start); the ones that stop a node run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsLoggingTest {
    @TempDir
    static Path base;
    private static MiniDFSCluster cluster;
    /** Another client, as a reader on another machine would be. */
    private static HadoopStorage reader;
    private static String fs;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        conf.setInt("dfs.replication", 3);
        conf.setInt("dfs.heartbeat.interval", 1);
        conf.setInt("dfs.namenode.safemode.extension", 0);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(3).build();
        cluster.waitActive();
        fs = cluster.getURI().toString();
        reader = HadoopStorage.of(cluster.getURI(), cluster.getConfiguration(0));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    private static Logger logger(String experiment, String... settings) {
        var builder = Logger.builder().logdir(URI.create(fs + "/runs")).experiment(experiment)
            .set("shutdownHook.enabled", "false");
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        return builder.build();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    @Order(1)
    void shouldShowAnotherClientEveryEventPublishedBeforeFlushWhileTheLoggerRuns() throws Exception {
        try (Logger log = new Logger(URI.create(fs + "/runs"), "flush")) {
            assertThat(log.runUri().toString()).isEqualTo(fs + "/runs/flush");
            assertThat(log.runDir()).isEqualTo(Path.of("/runs/flush"));
            for (int i = 0; i < 5000; i++) {
                log.addScalar("x", i, i);
            }
            log.addHistogram("w", new double[] {1, 2, 2, 3}, 0);
            log.flush();
            List<Event> seen = HadoopEvents.read(reader, log.runDir());
            assertThat(HadoopEvents.steps(seen, "x")).containsExactlyElementsOf(range(0, 5000));
            assertThat(HadoopEvents.steps(seen, "w")).containsExactly(0L);
            List<RunReport> runs = LogInspector.inspect(URI.create(fs + "/runs/flush"));
            assertThat(LogInspector.sound(runs)).isTrue();
            assertThat(runs).singleElement().satisfies(r -> assertThat(r.records()).isEqualTo(5002));
        }
    }

    @Test
    @Order(2)
    void shouldShowEachBatchWithoutFlushWithinMilliseconds() throws Exception {
        try (Logger log = logger("batches")) {
            for (int i = 0; i < 1000; i++) {
                log.addScalar("x", i, i);
            }
            long start = System.nanoTime();
            List<Long> steps = List.of();
            while (steps.size() < 1000 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
                TimeUnit.MILLISECONDS.sleep(10);
                steps = HadoopEvents.steps(HadoopEvents.read(reader, log.runDir()), "x");
            }
            assertThat(steps).as("hflushed at the end of the batch, no flush() called").containsExactlyElementsOf(range(0, 1000));
        }
    }

    @Test
    @Order(3)
    void shouldLogFromThreeJvmsIntoOneRunFolderEveryEventOnceAndSound() throws Exception {
        int count = 20_000;
        List<Process> children = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dtblog.shutdownHook.enabled=false",
                "-cp", System.getProperty("java.class.path"), HdfsChildLogger.class.getName(),
                fs + "/runs", "shared", "p" + c, Integer.toString(count));
            children.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        for (Process child : children) {
            assertThat(child.waitFor(240, TimeUnit.SECONDS)).as("child finished").isTrue();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                out = String.join("\n", r.lines().toList());
            }
            assertThat(child.exitValue()).as(out).isZero();
            // count scalars, count pairs (2 events each) and a text every 1000
            assertThat(out).contains("DONE " + (3L * count + count / 1000));
        }
        Path run = Path.of("/runs/shared");
        List<Path> files = HadoopEvents.eventFiles(reader, run);
        assertThat(files).as("one main file per process, none shared").hasSize(3);
        Set<String> pids = new HashSet<>();
        for (Path file : files) {
            List<Event> events = HadoopEvents.readFile(reader, file);
            Set<String> prefixes = new HashSet<>();
            for (Event e : events) {
                if (e.hasSummary()) {
                    prefixes.add(e.getSummary().getValue(0).getTag().split("/")[0]);
                }
            }
            assertThat(prefixes).as("each file written by one process").hasSize(1);
            pids.add(file.getFileName().toString().split("\\.")[5]);
        }
        assertThat(pids).hasSize(3);
        List<Event> all = HadoopEvents.read(reader, run);
        for (int c = 0; c < 3; c++) {
            assertThat(HadoopEvents.steps(all, "p" + c + "/x")).containsExactlyElementsOf(range(0, count));
            for (String key : List.of("a", "b")) {
                List<Event> pair = HadoopEvents.read(reader, run.resolve("p" + c + "_pair_" + key));
                assertThat(HadoopEvents.steps(pair, "p" + c + "/pair")).containsExactlyElementsOf(range(0, count));
            }
        }
        assertThat(LogInspector.sound(LogInspector.inspect(reader, run))).isTrue();
    }

    @Test
    @Order(4)
    void shouldRotateIntoOrderedCompleteFiles() throws Exception {
        int n = 20_000;
        Path run;
        try (Logger log = logger("rotation", "file.maxBytes", "65536", "write.thresholdBytes", "4096")) {
            run = log.runDir();
            for (int i = 0; i < n; i++) {
                log.addScalar("x", i, i);
            }
        }
        List<Path> files = HadoopEvents.eventFiles(reader, run);
        assertThat(files.size()).isGreaterThan(3);
        long next = 0;
        for (Path file : files) {
            List<Event> events = HadoopEvents.readFile(reader, file);
            assertThat(events.get(0).getFileVersion()).as("each file starts with its own first record").isNotEmpty();
            for (long step : HadoopEvents.steps(events, "x")) {
                assertThat(step).as("name order is write order").isEqualTo(next++);
            }
        }
        assertThat(next).isEqualTo(n);
    }

    @Test
    @Order(5)
    void shouldDeclareASweepOnHdfsOnceAndCheckParametersOfItsRuns() {
        URI sweep = URI.create(fs + "/sweeps/s1");
        Sweep.in(sweep).hparam("lr", Domain.interval(0, 1)).metric("accuracy").declare();
        Sweep.in(sweep).hparam("lr", Domain.interval(0, 1)).metric("accuracy").declare();
        assertThat(HadoopEvents.eventFiles(reader, Path.of("/sweeps/s1"))).singleElement()
            .satisfies(f -> assertThat(HadoopEvents.readFile(reader, f)).hasSize(2));
        try (Logger log = new Logger(sweep, "run-1")) {
            assertThatThrownBy(() -> log.addParameters(Map.of("lr", 2.0), Map.of("accuracy", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(fs + "/sweeps/s1");
            log.addParameters(Map.of("lr", 0.5), Map.of("accuracy", 0.9));
        }
    }

    @Test
    @Order(5)
    void shouldWriteTheProjectorsFilesIntoTheRunOnHdfsAndNothingOnTheLocalDisk() throws Exception {
        Path projector = Path.of("/runs/embeddings/plugins/org_tensorflow_tensorboard_projector");
        try (Logger log = logger("embeddings")) {
            log.addEmbedding("fields", Embedding.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2).labels(List.of("a", "b", "c")), 0);
            log.addEmbedding("fields", Embedding.of(new float[] {6, 5, 4, 3, 2, 1}, 3, 2).labels(List.of("c", "b", "a")), 1);
        }
        assertThat(Path.of("/runs/embeddings")).as("the HDFS path taken as a local one").doesNotExist();
        ProjectorConfig.Builder config = ProjectorConfig.newBuilder();
        try (var in = reader.open(projector.resolve("projector_config.pbtxt"))) {
            TextFormat.merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), config);
        }
        assertThat(config.getEmbeddingsList()).hasSize(2).allSatisfy(e -> {
            assertThat(e.getTensorShapeList()).containsExactly(3, 2);
            assertThat(reader.isFile(projector.resolve(e.getTensorPath()))).as(e.getTensorPath()).isTrue();
            assertThat(reader.isFile(projector.resolve(e.getMetadataPath()))).as(e.getMetadataPath()).isTrue();
        });
        assertThat(reader.files(projector)).as("no temporary file left").noneMatch(f -> f.getFileName().toString().startsWith("."));
    }

    @Test
    @Order(6)
    void shouldFailCleanlyWhenAnotherClientTakesTheLease() throws Exception {
        List<Throwable> told = new CopyOnWriteArrayList<>();
        Logger log = Logger.builder().logdir(URI.create(fs + "/runs")).experiment("lease")
            .set("shutdownHook.enabled", "false").set("shutdown.timeoutMillis", "20000")
            .errorHandler(told::add).build();
        for (int i = 0; i < 1000; i++) {
            log.addScalar("x", i, i);
        }
        log.flush();
        Path file = HadoopEvents.eventFiles(reader, log.runDir()).get(0);
        DistributedFileSystem dfs = (DistributedFileSystem) reader.fileSystem();
        org.apache.hadoop.fs.Path hdfsFile = new org.apache.hadoop.fs.Path(file.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!dfs.recoverLease(hdfsFile) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(dfs.isFileClosed(hdfsFile)).as("the other client closed the file").isTrue();

        long step = 1000;
        LoggerFailedException failed = null;
        long start = System.nanoTime();
        while (failed == null && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
            for (int i = 0; i < 100; i++, step++) {
                log.addScalar("x", step, step);
            }
            try {
                log.flush();
            } catch (LoggerFailedException e) {
                failed = e;
            }
        }
        assertThat(failed).as("flush reports the lost lease").isNotNull();
        assertThat(told).as("the error handler was told").isNotEmpty();
        assertThatThrownBy(log::close).isInstanceOf(LoggerFailedException.class);
        LoggerStats stats = log.stats();
        assertThat(stats.failures()).isPositive();
        assertThat(stats.published()).as("counts kept").isEqualTo(stats.written() + stats.lost() + stats.dropped());

        List<Event> kept = HadoopEvents.readFile(reader, file);
        List<Long> steps = HadoopEvents.steps(kept, "x");
        assertThat(steps.size()).as("everything flushed before the lease was taken").isGreaterThanOrEqualTo(1000);
        assertThat(steps).as("a sound prefix").containsExactlyElementsOf(range(0, steps.size()));
        assertThat(LogInspector.sound(LogInspector.inspect(reader, log.runDir()))).isTrue();
    }

    @Test
    @Order(7)
    void shouldWriteOnWithoutLossWhenADataNodeStopsMidRun() throws Exception {
        int n = 30_000;
        MiniDFSCluster.DataNodeProperties stopped = null;
        Path run;
        LoggerStats stats;
        try (Logger log = logger("datanode")) {
            run = log.runDir();
            for (int i = 0; i < n; i++) {
                log.addScalar("x", i, i);
                if (i == n / 3) {
                    log.flush();
                    stopped = cluster.stopDataNode(0);
                }
                if (i % 5000 == 0) {
                    log.flush();
                }
            }
            log.flush();
            stats = log.stats();
        } finally {
            if (stopped != null) {
                cluster.restartDataNode(stopped, true);
                cluster.waitActive();
            }
        }
        assertThat(stats.failures()).isZero();
        assertThat(stats.lost()).isZero();
        assertThat(HadoopEvents.steps(HadoopEvents.read(reader, run), "x")).containsExactlyElementsOf(range(0, n));
    }

    @Test
    @Order(8)
    void shouldCarryOnAcrossANameNodeRestart() throws Exception {
        int n = 20_000;
        AtomicLong logged = new AtomicLong();
        Path run;
        LoggerStats stats;
        try (Logger log = logger("namenode")) {
            run = log.runDir();
            for (int i = 0; i < n / 2; i++) {
                log.addScalar("x", i, i);
            }
            log.flush();
            Thread producer = new Thread(() -> {
                for (int i = n / 2; i < n; i++) {
                    log.addScalar("x", i, i);
                    logged.incrementAndGet();
                    if (i % 100 == 0) {
                        try {
                            TimeUnit.MILLISECONDS.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            producer.start();
            cluster.restartNameNode(true);
            producer.join();
            log.flush();
            stats = log.stats();
        }
        assertThat(logged.get()).isEqualTo(n / 2);
        assertThat(stats.failures()).isZero();
        assertThat(stats.lost()).isZero();
        assertThat(HadoopEvents.steps(HadoopEvents.read(reader, run), "x")).containsExactlyElementsOf(range(0, n));
    }
}
