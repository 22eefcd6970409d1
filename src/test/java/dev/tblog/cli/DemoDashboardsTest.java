package dev.tblog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tblog.audio.WavSamples;
import dev.tblog.tensorboard.TensorBoardBackend;
import dev.tblog.video.GifFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tblog.tensorboard.TensorBoardBackend.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job as TensorBoard shows it: the demo sweep (3 runs of 25 trials, run as the command line
 * runs it) fills every tab, SCALARS, IMAGES, HISTOGRAMS, DISTRIBUTIONS, TEXT, HPARAMS, PR CURVES,
 * AUDIO and CUSTOM SCALARS (and a movie and boxes in IMAGES), for every run, with what the README
 * says the demo logs.
 */
class DemoDashboardsTest {
    private static final int TRIALS = 25;
    private static final List<String> RATES = List.of("0.05", "0.2", "0.01");
    /** The demo's sheet: 10x10 neurons, each with a 5x5 receptive field; six 5x5 patterns. */
    private static final int NEURONS = 100;
    private static final int FIELD = 5;
    private static final int PATTERNS = 6;

    @RegisterExtension
    static final TensorBoardBackend tensorBoard = TensorBoardBackend.serving(logdir -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.standard().run(List.of("demo", "--logdir", logdir.toString(), "--runs", "3",
                "--trials", Integer.toString(TRIALS), "--seed", "7"),
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).as("demo: %s", out.toString(StandardCharsets.UTF_8)).isZero();
    });

    /** The sweep's runs by learning rate, e.g. "0.05" to "sweep-Apr22_12-11-22/lr-0.05". */
    private static Map<String, String> runs;

    private static Map<String, String> runs() {
        if (runs == null) {
            Map<String, String> found = new HashMap<>();
            for (JsonNode run : tensorBoard.get("/data/runs")) {
                String name = run.asText();
                RATES.stream().filter(rate -> name.matches("sweep-[^/]+/lr-" + rate.replace(".", "\\.")))
                    .forEach(rate -> found.put(rate, name));
            }
            assertThat(found).containsOnlyKeys(RATES);
            runs = found;
        }
        return runs;
    }

    @Test
    void shouldShowScalarsOfEveryTrialAndTheTrainTestSplitOnOneChart() {
        for (String rate : RATES) {
            String run = runs().get(rate);
            JsonNode accuracy = scalars(run, "Accuracy");
            assertThat(accuracy).hasSize(TRIALS);
            for (int t = 0; t < TRIALS; t++) {
                assertThat(accuracy.get(t).get(1).asLong()).isEqualTo(t);
                assertThat(number(accuracy.get(t).get(2))).isBetween(0.0, 1.0);
            }
            // The first trial learns at the run's own rate.
            assertThat(number(scalars(run, "Plasticity/Learning rate").get(0).get(2)))
                .isEqualTo((double) (float) Double.parseDouble(rate));
            assertThat(scalars(run, "Quantization error")).hasSize(TRIALS);
            assertThat(scalars(run, "Plasticity/Neighbourhood")).hasSize(TRIALS);
            assertThat(scalars(run + "/Accuracy_Split_train", "Accuracy/Split")).hasSize(TRIALS);
            assertThat(scalars(run + "/Accuracy_Split_test", "Accuracy/Split")).hasSize(TRIALS);
        }
    }

    @Test
    void shouldShowPicturesOfEveryRunInTheirShapeWithEqualizedOnesSpanningBlackToWhite() throws IOException {
        for (String rate : RATES) {
            String run = runs().get(rate);
            BufferedImage rates = lastPicture(run, "Population/Firing rate");
            assertThat(rates.getWidth() * rates.getHeight()).isEqualTo(NEURONS);
            assertSpansFullRange(rates, 0, 0, rates.getWidth(), rates.getHeight());

            BufferedImage fields = lastPicture(run, "Projection/Receptive fields");
            assertThat(fields.getWidth()).isEqualTo(PATTERNS * FIELD);
            assertThat(fields.getHeight()).isEqualTo(FIELD);
            for (int k = 0; k < PATTERNS; k++) {
                assertSpansFullRange(fields, k * FIELD, 0, FIELD, FIELD); // each equalized by its own range
            }

            BufferedImage all = lastPicture(run, "Projection/All receptive fields");
            assertThat(all.getWidth()).isEqualTo(8 * FIELD);
            assertThat(all.getHeight()).isEqualTo((NEURONS + 7) / 8 * FIELD);

            BufferedImage chart = lastPicture(run, "Activity");
            assertThat(chart.getWidth()).isEqualTo(480);
            assertThat(chart.getHeight()).isEqualTo(300);
        }
    }

    @Test
    void shouldCountEveryWeightInHistogramsAndRaiseDistributions() {
        for (String rate : RATES) {
            String run = runs().get(rate);
            JsonNode histograms = tensorBoard.get("/data/plugin/histograms/histograms", "run", run,
                "tag", "Weight distribution");
            assertThat(histograms.size()).isGreaterThan(1);
            assertThat(histograms.get(histograms.size() - 1).get(1).asLong()).isEqualTo(TRIALS - 1);
            for (JsonNode histogram : histograms) {
                double count = 0;
                for (JsonNode bucket : histogram.get(2)) {
                    count += number(bucket.get(2));
                }
                assertThat(count).as("weights at step %s", histogram.get(1)).isEqualTo(NEURONS * FIELD * FIELD);
            }
            JsonNode distributions = tensorBoard.get("/data/plugin/distributions/distributions", "run", run,
                "tag", "Weight distribution");
            assertThat(distributions).hasSameSizeAs(histograms);
            for (JsonNode distribution : distributions) {
                double previous = Double.NEGATIVE_INFINITY;
                for (JsonNode band : distribution.get(2)) {
                    assertThat(number(band.get(1))).isGreaterThanOrEqualTo(previous);
                    previous = number(band.get(1));
                }
            }
        }
    }

    @Test
    void shouldShowNotesAtTheStartAndTheEnd() {
        for (String rate : RATES) {
            JsonNode notes = tensorBoard.get("/data/plugin/text/text", "run", runs().get(rate), "tag", "Notes/text_summary");
            assertThat(notes).hasSize(2);
            assertThat(notes.get(1).get("text").asText()).contains("Finished " + TRIALS + " trials",
                "<strong>");
        }
    }

    @Test
    void shouldShowTheDeclaredParametersWithTheirDomainsAndOnlyTheDeclaredMetrics() {
        JsonNode experiment = tensorBoard.post("/data/plugin/hparams/experiment", Map.of("experimentName", ""));
        Map<String, JsonNode> infos = new HashMap<>();
        experiment.get("hparamInfos").forEach(info -> infos.put(info.get("name").asText(), info));
        assertThat(infos).containsOnlyKeys("learning_rate", "neurons", "noise", "trials", "rule", "plastic");
        JsonNode rate = infos.get("learning_rate");
        assertThat(rate.get("displayName").asText()).isEqualTo("Learning rate");
        assertThat(rate.get("description").asText()).isNotBlank();
        List<Double> rates = RATES.stream().map(Double::parseDouble).toList();
        assertThat(rate.get("domainInterval").get("minValue").asDouble()).isEqualTo(rates.stream().min(Double::compare).get());
        assertThat(rate.get("domainInterval").get("maxValue").asDouble()).isEqualTo(rates.stream().max(Double::compare).get());
        assertThat(infos.get("trials").get("domainDiscrete").get(0).asInt()).isEqualTo(TRIALS);
        assertThat(infos.get("trials").get("domainDiscrete")).hasSize(1);
        assertThat(infos.get("neurons").get("domainDiscrete").get(0).asInt()).isEqualTo(NEURONS);
        assertThat(infos.get("noise").get("domainInterval").get("maxValue").asDouble()).isEqualTo(1.0);
        assertThat(infos.get("rule").get("type").asText()).isEqualTo("DATA_TYPE_STRING");
        assertThat(infos.get("rule").get("domainDiscrete")).hasSize(1);
        assertThat(infos.get("plastic").get("type").asText()).isEqualTo("DATA_TYPE_BOOL");

        List<String> metrics = new ArrayList<>();
        experiment.get("metricInfos").forEach(m -> metrics.add(m.get("name").get("tag").asText()));
        // Without the declaration: Accuracy, Accuracy/Split twice, Plasticity/..., Quantization error, and these two.
        assertThat(metrics).containsExactly("accuracy", "quantization_error");
        assertThat(experiment.get("metricInfos").get(0).get("displayName").asText()).isEqualTo("Accuracy (test)");
    }

    @Test
    void shouldHaveOneHParamsSessionPerRunWithItsMetricsAsLastLogged() {
        JsonNode answer = tensorBoard.post("/data/plugin/hparams/session_groups", Map.of(
            "experimentName", "",
            "allowedStatuses", List.of("STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"),
            "colParams", List.of(), "startIndex", 0, "sliceSize", 100));
        List<String> names = new ArrayList<>();
        for (JsonNode group : answer.get("sessionGroups")) {
            String run = group.get("name").asText();
            names.add(run);
            String rate = run.substring(run.lastIndexOf("lr-") + 3);
            JsonNode hparams = group.get("hparams");
            assertThat(hparams.get("learning_rate").asDouble()).isEqualTo(Double.parseDouble(rate));
            assertThat(hparams.get("plastic").isBoolean()).isTrue();
            assertThat(hparams.get("trials").asInt()).isEqualTo(TRIALS);
            assertThat(hparams.get("neurons").asInt()).isEqualTo(NEURONS);
            Map<String, Double> metrics = new HashMap<>();
            group.get("metricValues").forEach(m -> metrics.put(m.get("name").get("tag").asText(), number(m.get("value"))));
            JsonNode accuracy = scalars(run, "Accuracy");
            JsonNode error = scalars(run, "Quantization error");
            assertThat(metrics.get("accuracy")).isEqualTo(number(accuracy.get(TRIALS - 1).get(2)));
            assertThat(metrics.get("quantization_error")).isEqualTo(number(error.get(TRIALS - 1).get(2)));
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(runs().values());
    }

    @Test
    void shouldShowPrCurvesAudioAMovieTheWinnersBoxAndTheCustomLayout() throws IOException {
        for (String rate : RATES) {
            String run = runs().get(rate);
            assertThat(names(tensorBoard.get("/data/plugin/pr_curves/tags").get(run))).containsExactlyInAnyOrder(
                "Classification/vertical", "Classification/horizontal", "Classification/diagonal",
                "Classification/cross", "Classification/frame", "Classification/dot");
            JsonNode curves = tensorBoard.get("/data/plugin/pr_curves/pr_curves", "run", run, "tag",
                "Classification/cross").get(run);
            JsonNode last = curves.get(curves.size() - 1);
            assertThat(last.get("step").asLong()).isEqualTo(TRIALS - 1);
            // threshold 0: every sample called "cross"; 10 of the 60 are
            assertThat(last.get("true_positives").get(0).asInt() + last.get("false_negatives").get(0).asInt()).isEqualTo(10);
            assertThat(last.get("true_positives").get(0).asInt() + last.get("false_positives").get(0).asInt()).isEqualTo(60);

            JsonNode sounds = tensorBoard.get("/data/plugin/audio/audio", "run", run, "tag", "Population/Activity");
            assertThat(sounds.get(sounds.size() - 1).get("step").asLong()).isEqualTo(TRIALS - 1);
            WavSamples wav = WavSamples.decode(tensorBoard.getBytes("/data/plugin/audio/individualAudio?"
                + sounds.get(0).get("query").asText()));
            assertThat(wav.frames()).isEqualTo(6 * 2000);
            assertThat(wav.sampleRate()).isEqualTo(8000f);

            JsonNode movies = tensorBoard.get("/data/plugin/images/images", "run", run, "tag", "Population/Firing rate movie");
            GifFrames movie = GifFrames.decode(tensorBoard.getBytes("/data/plugin/images/individualImage?"
                + movies.get(0).get("query").asText()));
            assertThat(movie.rgb()).as("a frame per trial").hasSize(TRIALS);
            assertThat(movie.width() * movie.height()).isEqualTo(NEURONS);
            assertThat(movie.delays()).containsOnly(13);

            BufferedImage winner = lastPicture(run, "Population/Winner");
            assertThat(winner.getWidth()).isEqualTo(80);
            int red = 0;
            for (int y = 0; y < winner.getHeight(); y++) {
                for (int x = 0; x < winner.getWidth(); x++) {
                    red += (winner.getRGB(x, y) & 0xFFFFFF) == 0xFF0000 ? 1 : 0;
                }
            }
            assertThat(red).as("the winner's box").isGreaterThanOrEqualTo(4 * 8);
        }
        JsonNode layout = tensorBoard.get("/data/plugin/custom_scalars/layout").get("category");
        assertThat(layout).extracting(c -> c.get("title").asText()).containsExactly("Learning", "Plasticity");
        String run = runs().get(RATES.get(0));
        JsonNode accuracy = tensorBoard.get("/data/plugin/custom_scalars/scalars", "run", run, "tag", "Accuracy");
        assertThat(names(accuracy.get("tag_to_events"))).contains("Accuracy");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode scalars(String run, String tag) {
        return tensorBoard.get("/data/plugin/scalars/scalars", "run", run, "tag", tag);
    }

    private static BufferedImage lastPicture(String run, String tag) throws IOException {
        JsonNode pictures = tensorBoard.get("/data/plugin/images/images", "run", run, "tag", tag);
        JsonNode last = pictures.get(pictures.size() - 1);
        assertThat(last.get("step").asLong()).as("%s's last picture", tag).isEqualTo(TRIALS - 1);
        return ImageIO.read(new ByteArrayInputStream(
            tensorBoard.getBytes("/data/plugin/images/individualImage?" + last.get("query").asText())));
    }

    /** An equalized gray area holds both 0 and 255 (its min and max stretched to the ends). */
    private static void assertSpansFullRange(BufferedImage image, int left, int top, int width, int height) {
        Raster raster = image.getRaster();
        int min = 255;
        int max = 0;
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                int gray = raster.getSample(x, y, 0);
                for (int band = 1; band < Math.min(3, raster.getNumBands()); band++) {
                    assertThat(raster.getSample(x, y, band)).as("gray pixel").isEqualTo(gray);
                }
                min = Math.min(min, gray);
                max = Math.max(max, gray);
            }
        }
        assertThat(min).as("darkest of an equalized area").isZero();
        assertThat(max).as("brightest of an equalized area").isEqualTo(255);
    }
}
