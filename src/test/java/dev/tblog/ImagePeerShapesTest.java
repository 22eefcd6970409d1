package dev.tblog;

import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed document's image calls, on the shapes the peer (PyTorch SummaryWriter) logged in
 * {@code shared/interop}: same tags, same picture sizes. The peer stores gray as RGB
 * (colorspace 3); tblog stores gray as gray (colorspace 1) by design, everything else the same.
 */
class ImagePeerShapesTest {
    private static final Path PEER_FILE = PeerFolder.mainFile();

    /** tag to {height, width, peer colorspace}, as printed in the interop dump. */
    private static final Map<String, int[]> PEER = new LinkedHashMap<>();

    static {
        PEER.put("Population/Firing rate", new int[] {10, 10, 3});
        PEER.put("Population/RGB", new int[] {8, 12, 3});
        PEER.put("Projection/Receptive fields", new int[] {5, 30, 3});
        PEER.put("Activity", new int[] {100, 150, 3});
    }

    @TempDir
    Path logdir;

    @Test
    void shouldGiveThePeersTagsAndSizesForTheSeedCalls() {
        Random r = new Random(7);
        float[] firing = new float[10 * 10];
        for (int i = 0; i < firing.length; i++) {
            firing[i] = r.nextFloat();
        }
        float[] rgb = new float[8 * 12 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = r.nextFloat();
        }
        double[] fields = new double[6 * 5 * 5];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = r.nextGaussian();
        }
        XYSeries rate = new XYSeries("rate");
        for (int t = 0; t < 50; t++) {
            rate.add(t, Math.sin(t / 5.0));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Activity", "t", "rate", new XYSeriesCollection(rate));
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addImage("Population/Firing rate", Image.gray(firing, 10, 10), 0);
            log.addImage("Population/RGB", Image.rgb(rgb, 8, 12), 0);
            log.addImages("Projection/Receptive fields", Images.gray(fields, 6, 5, 5).equalizedPerImage(), 0);
            log.addFigure("Activity", JFreeChartFigure.of(chart, 150, 100), 0);
        }
        List<Event> ours = TestEvents.read(logdir.resolve("run"));
        List<Event> peer = TestEvents.readFile(PEER_FILE);
        for (Map.Entry<String, int[]> e : PEER.entrySet()) {
            String tag = e.getKey();
            List<Event> mine = TestEvents.withTag(ours, tag);
            assertThat(mine).as(tag).hasSize(1);
            Summary.Image img = ImagePictures.image(mine.get(0));
            assertThat(new int[] {img.getHeight(), img.getWidth()}).as(tag)
                .containsExactly(e.getValue()[0], e.getValue()[1]);
            assertThat(mine.get(0).getStep()).isZero();
            ImagePictures.samples(img); // decodes, with the size and channels it claims
            List<Event> theirs = TestEvents.withTag(peer, tag);
            assertThat(theirs).as("peer " + tag).hasSize(1);
            Summary.Image p = ImagePictures.image(theirs.get(0));
            assertThat(new int[] {img.getHeight(), img.getWidth()}).as(tag)
                .containsExactly(p.getHeight(), p.getWidth());
            assertThat(p.getColorspace()).isEqualTo(e.getValue()[2]);
        }
        assertThat(ImagePictures.image(TestEvents.withTag(ours, "Population/Firing rate").get(0)).getColorspace())
            .as("gray stored as gray").isEqualTo(1);
        assertThat(ImagePictures.image(TestEvents.withTag(ours, "Activity").get(0)).getColorspace()).isEqualTo(3);
    }
}
