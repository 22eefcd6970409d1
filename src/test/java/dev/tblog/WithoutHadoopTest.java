package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hadoop is optional: in a class loader over the library's classes and its other runtime jars,
 * without any Hadoop jar, the API loads and reflects, a logger given a {@code file:} URI (or a path)
 * logs as today, and the reader reads; a log folder on {@code hdfs://} is refused where the logger
 * is built, naming the jars to add. Only {@code HadoopStorage} needs Hadoop.
 */
class WithoutHadoopTest {
    @TempDir
    Path logdir;

    @Test
    void shouldLogAndReadLocallyAndRefuseHdfsClearlyWithoutHadoop() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty() || entry.contains("test-classes")
                || Path.of(entry).getFileName().toString().startsWith("hadoop-")) {
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertThat(urls).anyMatch(u -> u.getPath().endsWith("target/classes/"));
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.apache.hadoop.fs.FileSystem"))
                .isInstanceOf(ClassNotFoundException.class);
            Class<?> loggerClass = loader.loadClass("dev.tblog.Logger");
            for (String name : List.of("dev.tblog.Logger", "dev.tblog.LoggerBuilder", "dev.tblog.Sweep",
                "dev.tblog.sink.LogStorage", "dev.tblog.sink.EventSink", "dev.tblog.read.RecordReader",
                "dev.tblog.read.LogInspector")) {
                assertThat(loader.loadClass(name).getMethods()).as("%s resolves without Hadoop", name).isNotEmpty();
            }

            Object builder = loggerClass.getMethod("builder").invoke(null);
            Class<?> b = builder.getClass();
            b.getMethod("logdir", URI.class).invoke(builder, logdir.toUri());
            b.getMethod("experiment", String.class).invoke(builder, "run");
            b.getMethod("set", String.class, String.class).invoke(builder, "shutdownHook.enabled", "false");
            Object log = b.getMethod("build").invoke(builder);
            try {
                loggerClass.getMethod("addScalar", String.class, double.class, long.class).invoke(log, "x", 1.5, 7L);
            } finally {
                loggerClass.getMethod("close").invoke(log);
            }

            Class<?> inspector = loader.loadClass("dev.tblog.read.LogInspector");
            List<?> runs = (List<?>) inspector.getMethod("inspect", URI.class).invoke(null, logdir.toUri());
            assertThat(runs).hasSize(1);
            Throwable refusedRead = thrown(() -> inspector.getMethod("inspect", URI.class)
                .invoke(null, URI.create("hdfs://nn:8020/runs")));
            assertThat(refusedRead).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hdfs://nn:8020/runs").hasMessageContaining("hadoop-client-api");

            Object hdfsBuilder = loggerClass.getMethod("builder").invoke(null);
            b.getMethod("logdir", URI.class).invoke(hdfsBuilder, URI.create("hdfs://nn:8020/runs"));
            Throwable refused = thrown(() -> b.getMethod("build").invoke(hdfsBuilder));
            assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hdfs://nn:8020/runs").hasMessageContaining("hadoop-client-runtime");

            // The reason the Hadoop storage is a class of its own: reflecting on it fails here.
            Class<?> hadoop = loader.loadClass("dev.tblog.sink.HadoopStorage");
            assertThatThrownBy(hadoop::getMethods).isInstanceOf(NoClassDefFoundError.class);
        }
        List<Event> events = TestEvents.read(logdir.resolve("run"));
        assertThat(TestEvents.withTag(events, "x")).singleElement()
            .satisfies(e -> assertThat(e.getSummary().getValue(0).getSimpleValue()).isEqualTo(1.5f));
    }

    /** What a reflective call threw, unwrapped. */
    private static Throwable thrown(ReflectiveCall call) {
        try {
            call.run();
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException e) {
            return e;
        }
    }

    @FunctionalInterface
    private interface ReflectiveCall {
        void run() throws ReflectiveOperationException;
    }
}
