package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Graphics2D;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JFreeChart is optional: in a class loader over the library's classes and its other runtime jars,
 * without jfreechart, Logger loads, reflects (every method's signature resolves), and logs an image
 * and a drawn figure. Only {@link JFreeChartFigure} needs JFreeChart.
 */
class WithoutJFreeChartTest {
    @TempDir
    Path logdir;

    @Test
    void shouldLoadReflectAndLogImagesAndFiguresWithoutJFreeChart() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("jfreechart") || entry.contains("test-classes") || entry.isEmpty()) {
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertThat(urls).anyMatch(u -> u.getPath().endsWith("target/classes/"));
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.jfree.chart.JFreeChart"))
                .isInstanceOf(ClassNotFoundException.class);
            Class<?> loggerClass = loader.loadClass("dev.tblog.Logger");
            assertThat(loggerClass.getClassLoader()).isSameAs(loader);
            assertThat(loggerClass.getMethods()).as("every signature resolves without JFreeChart").isNotEmpty();
            Class<?> imageClass = loader.loadClass("dev.tblog.Image");
            Class<?> figureClass = loader.loadClass("dev.tblog.Figure");
            assertThat(figureClass.getMethods()).as("Figure never names JFreeChart").isNotEmpty();

            Object builder = loggerClass.getMethod("builder").invoke(null);
            Class<?> b = builder.getClass();
            b.getMethod("logdir", Path.class).invoke(builder, logdir);
            b.getMethod("experiment", String.class).invoke(builder, "run");
            b.getMethod("set", String.class, String.class).invoke(builder, "shutdownHook.enabled", "false");
            Object log = b.getMethod("build").invoke(builder);
            try {
                Object image = imageClass.getMethod("gray", float[].class, int.class, int.class)
                    .invoke(null, new float[] {0f, 0.5f, 1f, 0.25f}, 2, 2);
                loggerClass.getMethod("addImage", String.class, imageClass, long.class).invoke(log, "gray", image, 0L);
                Consumer<Graphics2D> draw = g -> g.drawLine(0, 0, 10, 10);
                Object figure = figureClass.getMethod("drawn", int.class, int.class, Consumer.class)
                    .invoke(null, 20, 10, draw);
                Method addFigure = loggerClass.getMethod("addFigure", String.class, figureClass, long.class);
                addFigure.invoke(log, "figure", figure, 0L);
            } finally {
                loggerClass.getMethod("close").invoke(log);
            }
            // The reason the JFreeChart factory lives in its own class: reflecting on it fails here.
            Class<?> charts = loader.loadClass("dev.tblog.JFreeChartFigure");
            assertThatThrownBy(charts::getMethods).isInstanceOf(NoClassDefFoundError.class);
        }
        List<Event> events = TestEvents.read(logdir.resolve("run"));
        assertThat(ImagePictures.samples(ImagePictures.image(TestEvents.withTag(events, "gray").get(0))))
            .containsExactly(0, 127, 255, 63);
        assertThat(ImagePictures.image(TestEvents.withTag(events, "figure").get(0)).getWidth()).isEqualTo(20);
    }
}
