package dev.tblog.tensorboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.Logger;
import dev.tblog.boxes.BoxRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import static dev.tblog.tensorboard.Json.longs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images with boxes in TensorBoard's IMAGES tab: the served PNG, decoded with ImageIO, has every
 * outline pixel red where the documented rule puts it, and every other pixel the picture's own
 * (by the image rules: clipped floats, gray shown as RGB).
 */
class ImagesWithBoxesDashboardTest {
    private static final String RUN = "detections";
    private static final int W = 48;
    private static final int H = 32;
    private static final double[][] BOXES = {{3, 4, 17.49, 12.5}, {20.5, 10, 47, 31}, {40, -5, 60, 6}};

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(ImagesWithBoxesDashboardTest::write);

    private static float[] field(int step) {
        float[] v = new float[W * H];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.5 + 0.6 * Math.sin(i / 9.0 + step));   // some outside [0, 1]: clipped
        }
        return v;
    }

    private static void write(Path logdir) {
        try (Logger log = LogCalls.logger(logdir, RUN)) {
            for (int step = 0; step < 2; step++) {
                LogCalls.grayImageWithBoxes(log, "Population/Winner", field(step), H, W, BOXES, step);
            }
        }
    }

    @Test
    void shouldShowTheOutlinesWhereTheRulePutsThemAndThePictureElsewhere() throws IOException {
        JsonNode entries = tensorBoard.get("/data/plugin/images/images", "run", RUN, "tag", "Population/Winner");
        assertThat(longs(entries, "step")).containsExactly(0L, 1L);
        for (int step = 0; step < 2; step++) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                tensorBoard.getBytes("/data/plugin/images/individualImage?" + entries.get(step).get("query").asText())));
            assertThat(png.getWidth()).isEqualTo(W);
            assertThat(png.getHeight()).isEqualTo(H);
            float[] field = field(step);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    boolean outline = false;
                    for (double[] b : BOXES) {
                        outline |= BoxRules.onOutline(x, y, b[0], b[1], b[2], b[3]);
                    }
                    int g = PixelRules.pixel(field[y * W + x]);
                    int expected = outline ? 0xFF0000 : g << 16 | g << 8 | g;
                    assertThat(png.getRGB(x, y) & 0xFFFFFF).as("step %d (%d, %d)", step, x, y).isEqualTo(expected);
                }
            }
        }
    }
}
