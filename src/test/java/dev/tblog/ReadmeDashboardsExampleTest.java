package dev.tblog;

import dev.tblog.proto.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the README sections "Logging PR curves", "Laying out custom scalars", "Logging
 * audio", "Logging videos" and "Logging images with boxes", kept compiling and running.
 */
class ReadmeDashboardsExampleTest {
    @TempDir
    Path runs;

    @Test
    void shouldRunTheReadmeExamples() {
        long step = 3;
        int n = 500;
        Random random = new Random(14);
        double[] weights = new double[n];
        double[] tp = {5, 3, 0};
        double[] fp = {5, 1, 0};
        double[] tn = {0, 4, 5};
        double[] fn = {0, 2, 5};
        double[] precision = {0.5, 0.75, 0};
        double[] recall = {1, 0.6, 0};
        double[] leftRight = new double[2 * 4410];
        float[] clips = new float[4 * 16 * 32 * 32 * 3];
        float[] map = new float[80 * 80];
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + random.nextInt(3);
        }
        for (int i = 0; i < map.length; i++) {
            map[i] = random.nextFloat();
        }
        try (Logger log = Logger.builder().logdir(runs).experiment("dashboards").set("shutdownHook.enabled", "false")
            .build()) {
            boolean[] isVertical = new boolean[n];   // the truth, per sample
            float[] score = new float[n];            // what the classifier said, in [0, 1]
            for (int i = 0; i < n; i++) {
                isVertical[i] = random.nextBoolean();
                score[i] = (float) Math.min(1, Math.max(0, (isVertical[i] ? 0.65 : 0.35) + 0.2 * random.nextGaussian()));
            }
            log.addPrCurve("Classification/vertical", PrCurve.of(isVertical, score), step);
            log.addPrCurve("Classification/vertical", PrCurve.of(isVertical, score).thresholds(201).weighted(weights), step + 1);
            log.addPrCurve("Classification/mine", PrCurve.raw(tp, fp, tn, fn, precision, recall), step);

            log.addCustomScalars(CustomScalars.builder()
                .category("Learning")
                    .multiline("Accuracy, all splits", "Accuracy")
                    .margin("Quantization error, min to max", "Quantization error",
                        "Quantization error/min", "Quantization error/max")
                .category("Plasticity").collapsed()
                    .multiline("Schedule", "Plasticity/.*")
                .build());

            float[] tone = new float[44_100];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 44_100.0));
            }
            log.addAudio("Tone", Audio.mono(tone, 44_100), step);
            log.addAudio("Stereo", Audio.interleaved(leftRight, 2, 44_100), step);

            int trials = 50, h = 10, w = 10;
            float[] movie = new float[trials * h * w];
            for (int i = 0; i < movie.length; i++) {
                movie[i] = (float) Math.sin(i / 50.0);
            }
            log.addVideo("Population/Firing rate movie", Video.gray(movie, trials, h, w).equalized().fps(8), step);
            log.addVideo("Samples", Video.rgbBatch(clips, 4, 16, 32, 32), step);

            log.addImageWithBoxes("Population/Winner", Image.gray(map, 80, 80).equalized(),
                Boxes.of(31, 7, 40, 16,    55, 60, 70, 75).labels("cross", ""), step);
        }
        List<Event> events = TestEvents.read(runs.resolve("dashboards"));
        assertThat(TestEvents.withTag(events, "Classification/vertical")).extracting(Event::getStep)
            .containsExactly(3L, 4L);
        assertThat(TestEvents.withTag(events, "Classification/vertical").get(1).getSummary().getValue(0).getTensor()
            .getTensorShape().getDim(1).getSize()).isEqualTo(201);
        assertThat(TestEvents.withTag(events, "custom_scalars__config__")).hasSize(1);
        assertThat(TestEvents.withTag(events, "Tone").get(0).getSummary().getValue(0).getAudio().getLengthFrames())
            .isEqualTo(44_100);
        assertThat(TestEvents.withTag(events, "Stereo").get(0).getSummary().getValue(0).getAudio().getNumChannels())
            .isEqualTo(2);
        assertThat(TestEvents.withTag(events, "Samples").get(0).getSummary().getValue(0).getImage().getWidth())
            .isEqualTo(4 * 32);
        assertThat(TestEvents.withTag(events, "Population/Winner").get(0).getSummary().getValue(0).getImage()
            .getColorspace()).isEqualTo(3);
    }
}
