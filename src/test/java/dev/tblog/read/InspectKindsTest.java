package dev.tblog.read;

import dev.tblog.Audio;
import dev.tblog.Boxes;
import dev.tblog.CustomScalars;
import dev.tblog.Image;
import dev.tblog.Logger;
import dev.tblog.PrCurve;
import dev.tblog.Video;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inspect} names every kind a logger writes, with a detail of each. */
class InspectKindsTest {
    @TempDir
    Path logdir;

    @Test
    void shouldNameEveryKindOfTheDashboardsWithItsDetail() throws IOException {
        try (Logger log = Logger.builder().logdir(logdir).experiment("run").set("shutdownHook.enabled", "false").build()) {
            log.addScalar("scalar", 1, 0);
            log.addImage("image", Image.gray(new float[6], 2, 3), 0);
            log.addAudio("audio", Audio.interleaved(new float[8], 2, 8000), 0);
            log.addPrCurve("pr", PrCurve.of(new boolean[] {true, false}, new float[] {0.9f, 0.2f}).thresholds(11), 0);
            log.addCustomScalars(CustomScalars.builder().category("c").multiline("m", "scalar").margin("b", "a", "l", "u")
                .build());
            log.addVideo("video", Video.rgb(new byte[2 * 3 * 4 * 3], 2, 3, 4), 0);
            log.addImageWithBoxes("boxes", Image.gray(new float[100], 10, 10), Boxes.of(1, 1, 5, 5), 0);
        }
        List<RunReport> runs = LogInspector.inspect(logdir);
        assertThat(runs).hasSize(1);
        Map<String, String> kinds = new TreeMap<>();
        Map<String, String> details = new TreeMap<>();
        for (TagSummary t : runs.get(0).tags().values()) {
            kinds.put(t.tag(), t.kind());
            details.put(t.tag(), t.detail());
        }
        assertThat(kinds).containsEntry("scalar", "scalar").containsEntry("image", "image")
            .containsEntry("audio", "audio").containsEntry("pr", "pr_curve")
            .containsEntry("custom_scalars__config__", "custom_scalars").containsEntry("video", "video")
            .containsEntry("boxes", "image_boxes");
        assertThat(details).containsEntry("audio", "2 ch, 8000 Hz, 4 frames").containsEntry("pr", "11 thresholds")
            .containsEntry("custom_scalars__config__", "layout: 1 categories, 2 charts")
            .containsEntry("video", "4x3 RGB GIF").containsEntry("boxes", "10x10 RGB");
        assertThat(InspectFormat.text(runs)).contains("pr_curve", "custom_scalars", "video", "image_boxes", "audio");
    }
}
