package dev.tblog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Child JVMs ({@link ChildLogger}): killed with SIGKILL at random moments, exiting without close,
 * and two processes writing one run folder. Fixed seed, bounded time.
 */
class ProcessReliabilityTest {
    private static final long SEED = 20240601L;
    private static final int KILLS = 20;

    @TempDir
    Path logdir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldKeepEveryFlushedEventOnDiskInOrderAndEveryRecordSoundWhenKilledAtRandomMoments() throws Exception {
        Random random = new Random(SEED);
        int torn = 0;
        for (int run = 0; run < KILLS; run++) {
            Path runDir = logdir.resolve("kill-" + run);
            Process child = start("kill", runDir, "k", 0, "-Dtblog.file.maxBytes=65536",
                "-Dtblog.write.thresholdBytes=4096");
            AtomicReference<String> lastFlushed = new AtomicReference<>();
            Thread reader = drain(child, lastFlushed);
            // Wait until the logger runs and has flushed at least once, then kill at a random moment.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lastFlushed.get() == null && child.isAlive() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(lastFlushed.get()).as("child %d flushed before the kill", run).isNotNull();
            Thread.sleep(random.nextInt(400));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);

            RunChecker files = RunChecker.read(runDir, true);
            torn += files.tornFiles;
            Map<String, Long> flushed = parse(lastFlushed.get(), "FLUSHED");
            for (Map.Entry<String, Long> e : flushed.entrySet()) {
                String[] folderTag = e.getKey().split("\\|", 2);
                long onDisk = files.assertDense(folderTag[0], folderTag[1]);
                assertThat(onDisk).as("run %d, %s: events on disk vs published before the last flush that returned",
                    run, e.getKey()).isGreaterThanOrEqualTo(e.getValue());
            }
        }
        System.out.println("kill test: " + KILLS + " kills, " + torn + " torn last records tolerated");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldDrainEveryEventInTheShutdownHookOnExitWithoutClose() throws Exception {
        Path runDir = logdir.resolve("exit");
        Process child = start("exit", runDir, "x", 50_000);
        AtomicReference<String> published = new AtomicReference<>();
        Thread reader = drain(child, published);
        assertThat(child.waitFor(50, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(child.exitValue()).isZero();
        Map<String, Long> counts = parse(published.get(), "PUBLISHED");
        RunChecker files = RunChecker.read(runDir, false);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String[] folderTag = e.getKey().split("\\|", 2);
            assertThat(files.assertDense(folderTag[0], folderTag[1])).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldReadEveryEventExactlyOnceFromTwoProcessesInOneRunFolderWithRotation() throws Exception {
        Path runDir = logdir.resolve("shared");
        List<Process> children = new ArrayList<>();
        List<AtomicReference<String>> outputs = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (String prefix : new String[] {"p0", "p1"}) {
            Process child = start("count", runDir, prefix, 100_000, "-Dtblog.file.maxBytes=65536");
            AtomicReference<String> out = new AtomicReference<>();
            children.add(child);
            outputs.add(out);
            readers.add(drain(child, out));
        }
        for (int i = 0; i < children.size(); i++) {
            assertThat(children.get(i).waitFor(80, TimeUnit.SECONDS)).isTrue();
            readers.get(i).join(10_000);
            assertThat(children.get(i).exitValue()).isZero();
        }
        RunChecker files = RunChecker.read(runDir, false);
        assertThat(files.files).as("rotation made many files").isGreaterThan(10);
        long total = 0;
        for (AtomicReference<String> out : outputs) {
            for (Map.Entry<String, Long> e : parse(out.get(), "PUBLISHED").entrySet()) {
                String[] folderTag = e.getKey().split("\\|", 2);
                assertThat(files.assertDense(folderTag[0], folderTag[1])).as(e.getKey()).isEqualTo(e.getValue());
                total += e.getValue();
            }
        }
        long read = files.steps.values().stream().mapToLong(List::size).sum();
        assertThat(read).as("no event from elsewhere, none twice").isEqualTo(total);
    }

    private static Process start(String mode, Path runDir, String prefix, long perThread, String... props)
        throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(props));
        command.add(ChildLogger.class.getName());
        command.add(mode);
        command.add(runDir.toString());
        command.add(prefix);
        command.add(Long.toString(perThread));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Reads the child's stdout; keeps the last complete line (ending in END). */
    private static Thread drain(Process child, AtomicReference<String> last) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.endsWith(" END")) {
                        last.set(line);
                    }
                }
            } catch (IOException e) {
                // The child was killed mid-line: keep the last complete one.
            }
        }, "child-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** "FLUSHED folder|tag=n ... END" to {folder|tag: n}. */
    private static Map<String, Long> parse(String line, String head) {
        assertThat(line).as("the child's last %s line", head).isNotNull().startsWith(head + " ");
        Map<String, Long> counts = new LinkedHashMap<>();
        String[] parts = line.substring(head.length() + 1, line.length() - " END".length()).split(" ");
        for (String part : parts) {
            int eq = part.lastIndexOf('=');
            counts.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
        }
        return counts;
    }
}
