package dev.tblog;

import dev.tblog.proto.Event;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the README sections "Logging images" and "Logging figures" ("Logging images", "Logging figures"), kept compiling and running. */
class ReadmeImagesExampleTest {
    @TempDir
    Path runs;

    @Test
    void shouldRunTheReadmeExamples() {
        long step = 0;
        int[] spikes = new Random(1).ints(40, 0, 100).toArray();
        try (Logger log = Logger.builder().logdir(runs).experiment("images").set("shutdownHook.enabled", "false").build()) {
            int h = 64, w = 64;
            float[] rate = new float[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    rate[y * w + x] = (float) (0.5 + 0.5 * Math.sin(x / 8.0) * Math.cos(y / 8.0));
                }
            }
            log.addImage("Population/Firing rate", Image.gray(rate, h, w), step);
            log.addImage("Population/Firing rate (equalized)", Image.gray(rate, h, w).equalized(), step);

            float[] rgb = new float[h * w * 3];               // (H, W, 3): r, g, b of each pixel in turn
            log.addImage("Population/RGB", Image.rgb(rgb, h, w), step);

            int n = 6, fh = 5, fw = 5;
            double[] fields = new double[n * fh * fw];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = Math.sin(i);
            }
            log.addImages("Projection/Receptive fields", Images.gray(fields, n, fh, fw), step);
            log.addImages("Projection/Receptive fields", Images.gray(fields, n, fh, fw).equalized(), step + 1);
            log.addImages("Projection/Receptive fields", Images.gray(fields, n, fh, fw).equalizedPerImage(), step + 2);

            XYSeries series = new XYSeries("rate");
            for (int t = 0; t < 100; t++) {
                series.add(t, Math.sin(t / 10.0));
            }
            JFreeChart chart = ChartFactory.createXYLineChart("Activity", "t", "rate", new XYSeriesCollection(series));
            log.addFigure("Activity", JFreeChartFigure.of(chart, 150, 100), step);

            BufferedImage picture = chart.createBufferedImage(300, 200);
            log.addFigure("Activity/large", Figure.of(picture), step);

            log.addFigure("Raster", Figure.drawn(200, 100, g -> {
                g.setColor(Color.BLUE);
                for (int i = 0; i < spikes.length; i++) {
                    g.fillRect(spikes[i] * 2, 10 * (i % 10), 2, 8);
                }
            }), step);
        }
        List<Event> events = TestEvents.read(runs.resolve("images"));
        assertThat(TestEvents.withTag(events, "Projection/Receptive fields")).extracting(Event::getStep)
            .containsExactly(0L, 1L, 2L);
        var fields = ImagePictures.image(TestEvents.withTag(events, "Projection/Receptive fields").get(0));
        assertThat(new int[] {fields.getHeight(), fields.getWidth()}).containsExactly(5, 30);
        var activity = ImagePictures.image(TestEvents.withTag(events, "Activity").get(0));
        assertThat(new int[] {activity.getHeight(), activity.getWidth(), activity.getColorspace()})
            .containsExactly(100, 150, 3);
        assertThat(ImagePictures.image(TestEvents.withTag(events, "Activity/large").get(0)).getWidth()).isEqualTo(300);
        assertThat(ImagePictures.image(TestEvents.withTag(events, "Raster").get(0)).getHeight()).isEqualTo(100);
        assertThat(ImagePictures.image(TestEvents.withTag(events, "Population/RGB").get(0)).getColorspace()).isEqualTo(3);
    }
}
