package dev.tblog.bench;

import dev.tblog.Audio;
import dev.tblog.Logger;
import dev.tblog.PrCurve;
import dev.tblog.Video;
// The library jar relocates protobuf: its generated classes take the relocated ByteString.
import dev.tblog.internal.protobuf.ByteString;
import dev.tblog.proto.DataType;
import dev.tblog.proto.Event;
import dev.tblog.proto.PrCurvePluginData;
import dev.tblog.proto.Summary;
import dev.tblog.proto.SummaryMetadata;
import dev.tblog.proto.TensorProto;
import dev.tblog.proto.TensorShapeProto;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The dashboards of part 1 through the logger, per call, against the same work done on the
 * caller's thread the way the Python writers do it (tensorboardX's {@code pr_curve},
 * {@code audio}, {@code video}: compute, encode, build the protobuf summary, serialize).
 * <ul>
 *   <li>{@code prCurve}: {@code addPrCurve} of 10,000 float predictions, 127 thresholds;</li>
 *   <li>{@code audio}: {@code addAudio} of 1 s of mono float samples at 44.1 kHz;</li>
 *   <li>{@code video} / {@code videoBytes}: {@code addVideo} of 16 gray frames of 64x64, as floats
 *       in [0, 1] or as byte pixels.</li>
 * </ul>
 * {@link #call}: what one call costs the caller with an idle consumer (the invocation tear-down
 * drains), sampled for percentiles; {@link #endToEnd}: a burst of {@value #BATCH} calls and a flush,
 * so every item is computed, encoded and written, per item; {@link #callerThread}: the baseline.
 * The tear-down fails the run unless every call was written.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DashboardPipelineBenchmark {
    static final int BATCH = 16;
    static final int PREDICTIONS = 10_000;
    static final int THRESHOLDS = 127;
    static final int RATE = 44_100;
    static final int FRAMES = 16;
    static final int SIDE = 64;

    @Param({"prCurve", "audio", "video", "videoBytes"})
    public String kind;

    private boolean[] labels;
    private float[] predictions;
    private float[] samples;
    private float[] movie;
    private byte[] moviePixels;
    private Path dir;
    private Logger log;
    private long step;

    @Setup(Level.Trial)
    public void data() {
        Random random = new Random(14);
        labels = new boolean[PREDICTIONS];
        predictions = new float[PREDICTIONS];
        for (int i = 0; i < PREDICTIONS; i++) {
            labels[i] = random.nextBoolean();
            predictions[i] = (float) Math.min(1, Math.max(0, (labels[i] ? 0.6 : 0.4) + 0.25 * random.nextGaussian()));
        }
        samples = new float[RATE];
        for (int i = 0; i < RATE; i++) {
            samples[i] = (float) (0.6 * Math.sin(2 * Math.PI * 440 * i / RATE) + 0.05 * random.nextGaussian());
        }
        movie = new float[FRAMES * SIDE * SIDE];
        moviePixels = new byte[movie.length];
        for (int f = 0; f < FRAMES; f++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int p = (f * SIDE + y) * SIDE + x;
                    movie[p] = (float) (0.5 + 0.5 * Math.sin(x / 6.0 + f / 3.0) * Math.cos(y / 7.0));
                    moviePixels[p] = (byte) (movie[p] * 255);
                }
            }
        }
    }

    /** A fresh logger and file every iteration. */
    @Setup(Level.Iteration)
    public void openLogger() {
        dir = Benchmarks.tempDir("tblog-dashboards");
        log = Benchmarks.logger(dir);
    }

    @TearDown(Level.Iteration)
    public void close() {
        Benchmarks.closeAndCheck(log);
        Benchmarks.delete(dir);
    }

    @TearDown(Level.Invocation)
    public void drain() {
        log.flush();
    }

    private void logOne() {
        switch (kind) {
            case "prCurve" -> log.addPrCurve("pr", PrCurve.of(labels, predictions), step++);
            case "audio" -> log.addAudio("audio", Audio.mono(samples, RATE), step++);
            case "video" -> log.addVideo("video", Video.gray(movie, FRAMES, SIDE, SIDE), step++);
            default -> log.addVideo("video", Video.gray(moviePixels, FRAMES, SIDE, SIDE), step++);
        }
    }

    /** What one call costs the caller when the consumer is idle: sampled, for percentiles. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void call() {
        logOne();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void endToEnd() {
        for (int i = 0; i < BATCH; i++) {
            logOne();
        }
        log.flush();
    }

    /** The baseline: the Python writers' work on the caller's thread, up to the serialized event. */
    @Benchmark
    public int callerThread() {
        byte[] event = switch (kind) {
            case "prCurve" -> prCurveOnCaller(labels, predictions);
            case "audio" -> audioOnCaller(samples);
            default -> videoOnCaller(kind.equals("video") ? movie : null, moviePixels);
        };
        if (event.length < 100) {
            throw new IllegalStateException("baseline wrote " + event.length + " bytes");
        }
        return event.length;
    }

    /**
     * tensorboardX's {@code compute_curve}: bucket indices, two weighted histograms, reverse
     * cumulative sums, the six rows, then a {@code float_val} tensor summary.
     */
    static byte[] prCurveOnCaller(boolean[] labels, float[] predictions) {
        int m = predictions.length;
        int[] bucket = new int[m];
        double[] floatLabels = new double[m];
        double[] negatives = new double[m];
        for (int i = 0; i < m; i++) {
            bucket[i] = (int) Math.floor(predictions[i] * (float) (THRESHOLDS - 1));
            floatLabels[i] = labels[i] ? 1 : 0;
            negatives[i] = 1 - floatLabels[i];
        }
        double[] tpBuckets = new double[THRESHOLDS];
        double[] fpBuckets = new double[THRESHOLDS];
        for (int i = 0; i < m; i++) {
            tpBuckets[bucket[i]] += floatLabels[i];
            fpBuckets[bucket[i]] += negatives[i];
        }
        double[] tp = new double[THRESHOLDS];
        double[] fp = new double[THRESHOLDS];
        double tpSum = 0;
        double fpSum = 0;
        for (int i = THRESHOLDS - 1; i >= 0; i--) {
            tpSum += tpBuckets[i];
            fpSum += fpBuckets[i];
            tp[i] = tpSum;
            fp[i] = fpSum;
        }
        TensorProto.Builder tensor = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
            .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(6))
                .addDim(TensorShapeProto.Dim.newBuilder().setSize(THRESHOLDS)));
        for (int row = 0; row < 6; row++) {
            for (int i = 0; i < THRESHOLDS; i++) {
                double v = switch (row) {
                    case 0 -> tp[i];
                    case 1 -> fp[i];
                    case 2 -> fp[0] - fp[i];
                    case 3 -> tp[0] - tp[i];
                    case 4 -> tp[i] / Math.max(1e-7, tp[i] + fp[i]);
                    default -> tp[i] / Math.max(1e-7, tp[i] + tp[0] - tp[i]);
                };
                tensor.addFloatVal((float) v);
            }
        }
        SummaryMetadata metadata = SummaryMetadata.newBuilder().setPluginData(SummaryMetadata.PluginData.newBuilder()
            .setPluginName("pr_curves").setContent(PrCurvePluginData.newBuilder().setNumThresholds(THRESHOLDS)
                .build().toByteString())).build();
        return event(Summary.Value.newBuilder().setTag("pr").setMetadata(metadata).setTensor(tensor).build());
    }

    /** tensorboardX's {@code audio}: clip, scale to int16, Python's {@code wave} (here the JDK's WAV writer). */
    static byte[] audioOnCaller(float[] samples) {
        byte[] pcm = new byte[2 * samples.length];
        for (int i = 0; i < samples.length; i++) {
            int s = (int) (Math.min(Math.max(samples[i], -1f), 1f) * 32767f);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Summary.Audio audio = Summary.Audio.newBuilder().setSampleRate(RATE).setNumChannels(1)
            .setLengthFrames(samples.length).setEncodedAudioString(ByteString.copyFrom(wav.toByteArray()))
            .setContentType("audio/wav").build();
        return event(Summary.Value.newBuilder().setTag("audio").setAudio(audio).build());
    }

    /** tensorboardX's {@code video}: floats to uint8, then a GIF writer (here the JDK's), then an image summary. */
    static byte[] videoOnCaller(float[] values, byte[] pixels) {
        byte[] bytes = pixels;
        if (values != null) {
            bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) Math.min(Math.max((int) (values[i] * 255f), 0), 255);
            }
        }
        BufferedImage[] frames = new BufferedImage[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            frames[f] = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
            frames[f].getRaster().setDataElements(0, 0, SIDE, SIDE,
                java.util.Arrays.copyOfRange(bytes, f * SIDE * SIDE, (f + 1) * SIDE * SIDE));
        }
        byte[] gif = GifEncodeBenchmark.imageIo(frames, 25);
        Summary.Image image = Summary.Image.newBuilder().setHeight(SIDE).setWidth(SIDE).setColorspace(1)
            .setEncodedImageString(ByteString.copyFrom(gif)).build();
        return event(Summary.Value.newBuilder().setTag("video").setImage(image).build());
    }

    private static byte[] event(Summary.Value value) {
        return Event.newBuilder().setWallTime(System.currentTimeMillis() / 1000.0).setStep(1)
            .setSummary(Summary.newBuilder().addValue(value)).build().toByteArray();
    }
}
