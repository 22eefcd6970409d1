package dev.tblog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JMH is optional: in a class loader over the library's classes, the tools' and the other jars,
 * without JMH (nor the jars JMH brings), every class of the library but the profiler loads and
 * reflects, a logger logs, and the converter ({@code tblog jmh}, which reads JMH's JSON without
 * JMH) writes its runs. Only {@code dev.tblog.jmh.TensorBoardProfiler} needs JMH.
 */
class WithoutJmhTest {
    @TempDir
    Path dir;

    private static URLClassLoader withoutJmh() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty() || entry.contains("test-classes") || entry.contains("jmh-core")
                || entry.contains("jopt-simple") || entry.contains("commons-math3")) {
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        urls.add(Path.of("target", "tools-classes").toUri().toURL());
        assertThat(urls).anyMatch(u -> u.getPath().endsWith("target/classes/"));
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void shouldLoadAndReflectEveryLibraryClassButTheProfilerWithoutJmh() throws Exception {
        List<String> classes;
        Path root = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.map(p -> root.relativize(p).toString()).filter(p -> p.endsWith(".class"))
                .map(p -> p.substring(0, p.length() - ".class".length()).replace(File.separatorChar, '.'))
                .filter(c -> !c.endsWith("module-info") && !c.endsWith("package-info")).sorted().toList();
        }
        assertThat(classes).hasSizeGreaterThan(100).contains("dev.tblog.jmhruns.TrialWriter");
        try (URLClassLoader loader = withoutJmh()) {
            assertThatThrownBy(() -> loader.loadClass("org.openjdk.jmh.runner.Runner"))
                .isInstanceOf(ClassNotFoundException.class);
            List<String> failed = new ArrayList<>();
            for (String name : classes) {
                try {
                    Class<?> c = Class.forName(name, true, loader);
                    c.getDeclaredMethods();
                    c.getDeclaredFields();
                } catch (LinkageError e) {
                    failed.add(name);
                }
            }
            assertThat(failed).as("classes that need JMH").isNotEmpty()
                .allMatch(name -> name.startsWith("dev.tblog.jmh."));
            assertThat(failed).contains("dev.tblog.jmh.TensorBoardProfiler");
        }
    }

    @Test
    void shouldConvertJmhJsonResultsWithoutJmh() throws Exception {
        try (URLClassLoader loader = withoutJmh()) {
            Class<?> main = loader.loadClass("dev.tblog.cli.Main");
            Method standard = main.getDeclaredMethod("standard");
            standard.setAccessible(true);
            Method run = main.getDeclaredMethod("run", List.class, PrintStream.class, PrintStream.class);
            run.setAccessible(true);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Object status = run.invoke(standard.invoke(null), List.of("jmh",
                    Path.of("src", "test", "resources", "jmh", "tiny-results.json").toString(), "--logdir", dir.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        }
        assertThat(TestEvents.read(dir.resolve("dev.tblog.jmh.TinyBenchmark.sampled").resolve("sample,op=sum,size=8")))
            .anyMatch(e -> e.hasSummary() && e.getSummary().getValue(0).getTag().equals("result/score"));
    }
}
