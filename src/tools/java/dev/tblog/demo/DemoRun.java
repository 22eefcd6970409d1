package dev.tblog.demo;

import dev.tblog.Domain;
import dev.tblog.Audio;
import dev.tblog.Boxes;
import dev.tblog.CustomScalars;
import dev.tblog.Image;
import dev.tblog.Images;
import dev.tblog.JFreeChartFigure;
import dev.tblog.Logger;
import dev.tblog.Sweep;
import dev.tblog.PrCurve;
import dev.tblog.Video;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * One run of the demo sweep: a population learns the input patterns for a number of trials at one
 * learning rate, logging everything TensorBoard can show (the map's graph first; the receptive
 * fields as an embedding at the first and last trial; the firing rate as a 3-D surface with the
 * pictures), and ends with its parameters and final metrics.
 *
 * <p>Thread contract: not thread-safe; each run on its own thread (runs of a sweep go in parallel).
 */
final class DemoRun {
    static final double NOISE = 0.6;
    static final String RULE = "kohonen-hebbian";
    private static final int SAMPLES_PER_PATTERN = 10;
    private static final int PICTURE_EVERY = 5;
    private static final int FIGURE_EVERY = 20;
    /** The firing-rate movie keeps at most this many frames (one every few trials on long runs). */
    static final int MOVIE_FRAMES = 200;
    static final String[] PATTERN_NAMES = DemoStructure.PATTERN_NAMES.toArray(new String[0]);

    private final Path sweepDir;
    private final double learningRate;
    private final int trials;
    private final Random random;
    private final Patterns patterns = new Patterns(NOISE);
    private final Population population;
    private final int[] labels = new int[Population.NEURONS];
    private final double[] sample = new double[Patterns.PIXELS];
    private final float[] allFields = new float[Population.NEURONS * Patterns.PIXELS];
    private final double[] allWeights = new double[Population.NEURONS * Patterns.PIXELS];
    private volatile Logger logger;
    private volatile int trial;
    private double accuracy;
    private double error;
    private double errorMin;
    private double errorMax;
    private final float[] movie;
    private int movieFrames;

    DemoRun(Path sweepDir, double learningRate, int trials, long seed) {
        this.sweepDir = sweepDir;
        this.learningRate = learningRate;
        this.trials = trials;
        this.random = new Random(seed);
        this.population = new Population(random);
        this.movie = new float[Math.min(trials, MOVIE_FRAMES) * Population.NEURONS];
    }

    /**
     * Declares the sweep the runs' {@code addParameters} belong to, so that HPARAMS shows exactly
     * these parameters, with their domains, and exactly the two metrics: the learning rates the
     * sweep tries as an interval, the fixed settings as one-value domains.
     */
    static Sweep declareSweep(Path sweepDir, double minRate, double maxRate, int trials) {
        return Sweep.in(sweepDir)
            .hparam("learning_rate", Domain.interval(minRate, maxRate), "Learning rate",
                "Initial step size of the Hebbian rule; it decays exponentially over the trials")
            .hparam("neurons", Domain.discrete(Population.NEURONS), "Neurons", "Rate neurons of the 10x10 sheet")
            .hparam("noise", Domain.interval(0, 1), "Input noise", "Std. deviation of the noise added to each pixel")
            .hparam("trials", Domain.discrete(trials), "Trials", "Training trials of each run")
            .hparam("rule", Domain.discrete(RULE), "Learning rule")
            .hparam("plastic", Domain.bool(), "Plastic", "Whether the weights learn")
            .metric("accuracy", "Accuracy (test)", "Share of fresh noisy samples recognized after the last trial")
            .metric("quantization_error", "Quantization error",
                "Mean distance between a sample and its winner's weights in the last trial")
            .declare();
    }

    /** The run's folder name in the sweep. */
    String name() {
        return "lr-" + learningRate;
    }

    int trial() {
        return trial;
    }

    double accuracy() {
        return accuracy;
    }

    /** Events written so far by this run's logger (0 before it starts). */
    long eventsWritten() {
        Logger log = logger;
        return log == null ? 0 : log.stats().written();
    }

    /** Runs every trial, logging; {@code progress} hears each finished trial. */
    Path run(IntConsumer progress) {
        try (Logger log = Logger.builder().logdir(sweepDir).experiment(name()).build()) {
            logger = log;
            log.addText("Notes", notes());
            log.addCustomScalars(layout());
            log.addGraph(DemoStructure.graph(learningRate, NOISE));
            double sigma0 = Population.SIDE / 3.0;
            for (int t = 0; t < trials; t++) {
                // Both the neighbourhood and the learning rate shrink as the map settles.
                double sigma = 0.5 + sigma0 * Math.exp(-4.0 * t / trials);
                double rate = learningRate * Math.exp(-3.0 * t / trials);
                double trainAccuracy = train(sigma, rate);
                accuracy = test();
                log.addScalar("Accuracy", accuracy, t);
                log.addScalars("Accuracy/Split", Map.of("train", trainAccuracy, "test", accuracy), t);
                log.addScalar("Quantization error", error, t);
                log.addScalar("Quantization error/min", errorMin, t);
                log.addScalar("Quantization error/max", errorMax, t);
                log.addScalar("Plasticity/Neighbourhood", sigma, t);
                log.addScalar("Plasticity/Learning rate", rate, t);
                if (t % PICTURE_EVERY == 0 || t == trials - 1) {
                    logPictures(log, t);
                }
                if (t == 0 || t == trials - 1) {
                    population.copyWeights(allFields); // labels are those test() just computed
                    log.addEmbedding("Receptive fields", DemoStructure.fields(allFields, labels), t);
                }
                if (t % FIGURE_EVERY == 0 || t == trials - 1) {
                    log.addFigure("Activity", JFreeChartFigure.of(activityChart(), 480, 300), t);
                    log.addAudio("Population/Activity", Audio.mono(activitySound(), SOUND_RATE), t);
                }
                recordMovieFrame(t);
                trial = t + 1;
                progress.accept(t);
            }
            log.addVideo("Population/Firing rate movie",
                Video.gray(movie, movieFrames, Population.SIDE, Population.SIDE).equalized().fps(8), trials - 1);
            log.addText("Notes", String.format("Finished %d trials: accuracy **%.3f**, quantization error %.4f.",
                trials, accuracy, error));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("learning_rate", learningRate);
            params.put("neurons", Population.NEURONS);
            params.put("noise", NOISE);
            params.put("trials", trials);
            params.put("rule", RULE);
            params.put("plastic", true);
            log.addParameters(params, Map.of("accuracy", accuracy, "quantization_error", error));
            return log.runDir();
        }
    }

    /** One trial of learning; returns the accuracy on the training samples (labels before learning). */
    private double train(double sigma, double rate) {
        relabel();
        int correct = 0;
        double errorSum = 0;
        errorMin = Double.POSITIVE_INFINITY;
        errorMax = 0;
        int n = 0;
        for (int s = 0; s < SAMPLES_PER_PATTERN; s++) {
            for (int k = 0; k < patterns.count(); k++) {
                patterns.sample(k, random, sample);
                correct += labels[population.respond(sample)] == k ? 1 : 0;
                double e = population.learn(sample, rate, sigma);
                errorSum += e;
                errorMin = Math.min(errorMin, e);
                errorMax = Math.max(errorMax, e);
                n++;
            }
        }
        error = errorSum / n;
        return correct / (double) n;
    }

    /** Accuracy of recognizing fresh noisy samples by the winner's label. */
    private double test() {
        relabel();
        int correct = 0;
        int n = 0;
        for (int s = 0; s < SAMPLES_PER_PATTERN; s++) {
            for (int k = 0; k < patterns.count(); k++) {
                patterns.sample(k, random, sample);
                correct += labels[population.respond(sample)] == k ? 1 : 0;
                n++;
            }
        }
        return correct / (double) n;
    }

    /** Labels each neuron with the prototype it fires most for. */
    private void relabel() {
        double[] best = new double[Population.NEURONS];
        for (int k = 0; k < patterns.count(); k++) {
            population.respond(patterns.prototype(k));
            double[] rates = population.rates();
            for (int n = 0; n < Population.NEURONS; n++) {
                if (k == 0 || rates[n] > best[n]) {
                    best[n] = rates[n];
                    labels[n] = k;
                }
            }
        }
    }

    private void logPictures(Logger log, int t) {
        population.respond(patterns.prototype(t % patterns.count()));
        float[] rates = new float[Population.NEURONS];
        for (int n = 0; n < rates.length; n++) {
            rates[n] = (float) population.rates()[n];
        }
        log.addImage("Population/Firing rate", Image.gray(rates, Population.SIDE, Population.SIDE).equalized(), t);
        logWinner(log, t);
        logClassification(log, t);
        log.addMesh("Population/Firing rate surface", DemoStructure.rateSurface(population.rates()), t);

        float[] winners = new float[patterns.count() * Patterns.PIXELS];
        for (int k = 0; k < patterns.count(); k++) {
            int winner = population.respond(patterns.prototype(k));
            double[] w = population.weights(winner);
            for (int i = 0; i < Patterns.PIXELS; i++) {
                winners[k * Patterns.PIXELS + i] = (float) w[i];
            }
        }
        log.addImages("Projection/Receptive fields",
            Images.gray(winners, patterns.count(), Patterns.SIDE, Patterns.SIDE).equalizedPerImage(), t);
        population.copyWeights(allFields);
        log.addImages("Projection/All receptive fields",
            Images.gray(allFields, Population.NEURONS, Patterns.SIDE, Patterns.SIDE).equalizedPerImage(), t);
        population.copyWeights(allWeights);
        log.addHistogram("Weight distribution", allWeights, t);
    }

    /**
     * The layout of the CUSTOM SCALARS tab: the accuracy curves on one chart (the run's own and the
     * train/test split), the quantization error with its spread, the plasticity schedule.
     */
    private static CustomScalars layout() {
        return CustomScalars.builder()
            .category("Learning")
                .multiline("Accuracy, all splits", "Accuracy")          // Accuracy and Accuracy/Split
                .margin("Quantization error, min to max", "Quantization error", "Quantization error/min",
                    "Quantization error/max")
            .category("Plasticity")
                .multiline("Neighbourhood and learning rate", "Plasticity/.*")
            .build();
    }

    /** The firing-rate map for the current trial's prototype, a movie frame every few trials. */
    private void recordMovieFrame(int t) {
        int stride = (trials + MOVIE_FRAMES - 1) / MOVIE_FRAMES;
        if (t % stride != 0 || movieFrames * Population.NEURONS >= movie.length) {
            return;
        }
        population.respond(patterns.prototype(t % patterns.count()));
        double[] rates = population.rates();
        for (int n = 0; n < Population.NEURONS; n++) {
            movie[movieFrames * Population.NEURONS + n] = (float) rates[n];
        }
        movieFrames++;
    }

    /** The firing-rate map, 8 pixels a neuron, with a box around the winning neuron, labelled by its pattern. */
    private void logWinner(Logger log, int t) {
        int k = t % patterns.count();
        int winner = population.respond(patterns.prototype(k));
        int cell = 8;
        int side = Population.SIDE * cell;
        float[] map = new float[side * side];
        double[] rates = population.rates();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                map[y * side + x] = (float) rates[(y / cell) * Population.SIDE + x / cell];
            }
        }
        int wx = winner % Population.SIDE * cell;
        int wy = winner / Population.SIDE * cell;
        log.addImageWithBoxes("Population/Winner", Image.gray(map, side, side).equalized(),
            Boxes.of(wx - 1, wy - 1, wx + cell, wy + cell).labels(PATTERN_NAMES[k]), t);
    }

    /**
     * One PR curve per pattern: how well "the winner's pattern is k" separates fresh noisy samples
     * of k from the others, scored by the share of the population's strongest response that the
     * neurons labelled k give.
     */
    private void logClassification(Logger log, int t) {
        relabel();
        int samples = SAMPLES_PER_PATTERN * patterns.count();
        double[][] scores = new double[patterns.count()][samples];
        boolean[][] truth = new boolean[patterns.count()][samples];
        int i = 0;
        for (int s = 0; s < SAMPLES_PER_PATTERN; s++) {
            for (int k = 0; k < patterns.count(); k++) {
                patterns.sample(k, random, sample);
                population.respond(sample);
                double[] best = new double[patterns.count()];
                double[] rates = population.rates();
                for (int n = 0; n < Population.NEURONS; n++) {
                    best[labels[n]] = Math.max(best[labels[n]], rates[n]);
                }
                double total = 0;
                for (double b : best) {
                    total += b;
                }
                for (int c = 0; c < patterns.count(); c++) {
                    scores[c][i] = total > 0 ? best[c] / total : 0;
                    truth[c][i] = c == k;
                }
                i++;
            }
        }
        for (int c = 0; c < patterns.count(); c++) {
            log.addPrCurve("Classification/" + PATTERN_NAMES[c], PrCurve.of(truth[c], scores[c]), t);
        }
    }

    static final int SOUND_RATE = 8000;

    /**
     * The population heard: each prototype in turn for a quarter of a second, every neuron an
     * oscillator at its own pitch (200 Hz plus 15 Hz per neuron) as loud as it fires.
     */
    private float[] activitySound() {
        int perPattern = SOUND_RATE / 4;
        float[] sound = new float[perPattern * patterns.count()];
        for (int k = 0; k < patterns.count(); k++) {
            population.respond(patterns.prototype(k));
            double[] rates = population.rates();
            double total = 0;
            for (double r : rates) {
                total += r;
            }
            for (int n = 0; n < Population.NEURONS; n++) {
                double amplitude = rates[n] / Math.max(1e-9, total);
                double w = 2 * Math.PI * (200 + 15 * n) / SOUND_RATE;
                for (int j = 0; j < perPattern; j++) {
                    sound[k * perPattern + j] += (float) (amplitude * Math.sin(w * j));
                }
            }
        }
        return sound;
    }

    /** The population's firing rates for each prototype: one line per pattern over the neurons. */
    private JFreeChart activityChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> names = DemoStructure.PATTERN_NAMES;
        for (int k = 0; k < patterns.count(); k++) {
            population.respond(patterns.prototype(k));
            XYSeries series = new XYSeries(names.get(k));
            for (int n = 0; n < Population.NEURONS; n++) {
                series.add(n, population.rates()[n]);
            }
            data.addSeries(series);
        }
        return ChartFactory.createXYLineChart("Activity", "neuron", "firing rate", data,
            PlotOrientation.VERTICAL, true, false, false);
    }

    private String notes() {
        return "### " + name() + "\n\n"
            + "A 10x10 sheet of rate neurons learns six 5x5 patterns (noise " + NOISE + ") with a\n"
            + "competitive Hebbian rule (Kohonen map).\n\n"
            + "| parameter | value |\n|---|---|\n"
            + "| learning rate | " + learningRate + " |\n"
            + "| neurons | " + Population.NEURONS + " |\n"
            + "| trials | " + trials + " |\n";
    }
}
