package dev.tblog.boxes;

import dev.tblog.Boxes;
import dev.tblog.Image;
import dev.tblog.Logger;
import dev.tblog.TestEvents;
import dev.tblog.proto.Event;
import dev.tblog.proto.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images with boxes written through the logger, read back with the generated protobuf classes and
 * decoded by ImageIO: an RGB PNG of the picture's size, every outline pixel red, every other pixel
 * the picture's own (gray made RGB by the image rules), boxes clipped at the picture's edge, labels
 * on a red band above their box.
 */
class BoxesRoundTripTest {
    private static final int W = 40;
    private static final int H = 30;
    private static final int RED = 0xFF0000;

    @TempDir
    Path logdir;

    private BufferedImage png(String tag) throws IOException {
        List<Event> events = TestEvents.withTag(TestEvents.read(logdir.resolve("run")), tag);
        assertThat(events).hasSize(1);
        Summary.Image image = events.get(0).getSummary().getValue(0).getImage();
        assertThat(image.getColorspace()).isEqualTo(3);
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);
        return ImageIO.read(new ByteArrayInputStream(image.getEncodedImageString().toByteArray()));
    }

    private static float[] field() {
        float[] v = new float[W * H];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % W) / (float) W;
        }
        return v;
    }

    private static int gray(float v) {
        int g = (int) (v * 255f);
        return g << 16 | g << 8 | g;
    }

    @Test
    void shouldDrawEachOutlineInRedAndLeaveEveryOtherPixelAsItWas() throws IOException {
        float[] field = field();
        double[][] boxes = {{5.4, 6.6, 20, 15.5}, {30, 20, 45, 40}, {0, 0, 0, 0}};
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addImageWithBoxes("boxes", Image.gray(field, H, W),
                Boxes.of(5.4, 6.6, 20, 15.5, 30, 20, 45, 40, 0, 0, 0, 0), 4);
        }
        BufferedImage png = png("boxes");
        int red = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean outline = false;
                for (double[] b : boxes) {
                    outline |= BoxRules.onOutline(x, y, b[0], b[1], b[2], b[3]);
                }
                int expected = outline ? RED : gray(field[y * W + x]);
                assertThat(png.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(expected);
                red += outline ? 1 : 0;
            }
        }
        // box 0: 16 x 10 pixels, interior 12 x 6; box 1 clipped to x 30..39, y 20..29: 10 x 10, interior from 32, 22
        assertThat(red).isEqualTo((16 * 10 - 12 * 6) + (10 * 10 - 8 * 8) + 1);
    }

    @Test
    void shouldPutALabelOnARedBandAboveItsBox() throws IOException {
        byte[] rgb = new byte[W * H * 3];
        java.util.Arrays.fill(rgb, (byte) 0x40);
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addImageWithBoxes("labelled", Image.rgb(rgb, H, W), Boxes.of(4, 18, 30, 27).labels("cell"));
        }
        BufferedImage png = png("labelled");
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (BoxRules.onOutline(x, y, 4, 18, 30, 27)) {
                    assertThat(png.getRGB(x, y) & 0xFFFFFF).isEqualTo(RED);
                } else if (y >= 18 || x < 4) {
                    assertThat(png.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(0x404040);
                }
            }
        }
        assertThat(png.getRGB(4, 17) & 0xFFFFFF).as("the band's bottom-left, just above the box").isEqualTo(RED);
        int band = 0;
        int dark = 0;
        for (int y = 0; y < 18; y++) {
            for (int x = 4; x < W; x++) {
                int p = png.getRGB(x, y) & 0xFFFFFF;
                band += p == RED ? 1 : 0;
                dark += ((p >> 16) & 0xFF) < 128 ? 1 : 0;
            }
        }
        assertThat(band).as("red band pixels").isGreaterThan(20);
        assertThat(dark).as("text pixels on the band, or the picture above it").isGreaterThan(0);
    }
}
