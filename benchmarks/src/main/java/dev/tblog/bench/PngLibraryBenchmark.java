package dev.tblog.bench;

import dev.tblog.image.Channels;
import dev.tblog.image.ImageShape;
import dev.tblog.image.PngEncoder;
import dev.tblog.image.PngFilter;
import dev.tblog.image.Quantize;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * tblog's encoder against the {@code com.pngencoder:pngencoder:0.15.0} library on the same pixels.
 *
 * <p>pngencoder is not a dependency of this project, so it is reached through method handles and
 * this file compiles without it. To run it, put the jar on the class path, e.g.
 * <pre>
 * java -cp target/benchmarks.jar:$HOME/.m2/repository/com/pngencoder/pngencoder/0.15.0/pngencoder-0.15.0.jar \
 *      org.openjdk.jmh.Main PngLibrary -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 * or add the dependency to benchmarks/pom.xml. Without the jar the set-up fails with that advice.
 * pngencoder's own multi-threaded compression is switched off: the consumer encodes on one thread,
 * and the dev VM has only 2 cores. The handles sit in static finals, so the JIT inlines them as if
 * the calls were typed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PngLibraryBenchmark {

    private static final MethodHandle NEW_ENCODER;
    private static final MethodHandle WITH_IMAGE;
    private static final MethodHandle WITH_LEVEL;
    private static final MethodHandle WITH_THREADS;
    private static final MethodHandle TO_BYTES;
    private static final String MISSING;

    static {
        MethodHandle create = null;
        MethodHandle image = null;
        MethodHandle level = null;
        MethodHandle threads = null;
        MethodHandle bytes = null;
        String missing = null;
        try {
            Class<?> type = Class.forName("com.pngencoder.PngEncoder");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodType asObject = MethodType.methodType(Object.class, Object.class);
            create = lookup.findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            image = lookup.findVirtual(type, "withBufferedImage", MethodType.methodType(type, BufferedImage.class))
                    .asType(asObject.appendParameterTypes(BufferedImage.class));
            level = lookup.findVirtual(type, "withCompressionLevel", MethodType.methodType(type, int.class))
                    .asType(asObject.appendParameterTypes(int.class));
            threads = lookup.findVirtual(type, "withMultiThreadedCompressionEnabled",
                    MethodType.methodType(type, boolean.class)).asType(asObject.appendParameterTypes(boolean.class));
            bytes = lookup.findVirtual(type, "toBytes", MethodType.methodType(byte[].class))
                    .asType(MethodType.methodType(byte[].class, Object.class));
        } catch (ReflectiveOperationException e) {
            missing = "pngencoder is not on the class path (" + e + "); add com.pngencoder:pngencoder:0.15.0";
        }
        NEW_ENCODER = create;
        WITH_IMAGE = image;
        WITH_LEVEL = level;
        WITH_THREADS = threads;
        TO_BYTES = bytes;
        MISSING = missing;
    }

    @Param({"100x100", "512x512"})
    public String size;

    @Param({"1"})
    public int level;

    private int width;
    private int height;
    private byte[] gray;
    private byte[] rgb;
    private PngEncoder png;
    private Object libraryGray;
    private Object libraryRgb;

    @Setup
    public void setUp() throws Throwable {
        if (MISSING != null) {
            throw new IllegalStateException(MISSING);
        }
        String[] p = size.split("x");
        height = Integer.parseInt(p[0]);
        width = Integer.parseInt(p[1]);
        ImageShape shape = ImageShape.of(1, height, width, 1);
        float[] values = PngEncodeBenchmark.field(shape);
        gray = new byte[shape.values()];
        Quantize.clip(values, 0, gray, 0, values.length);
        rgb = new byte[3 * gray.length];
        Channels.grayToRgb(gray, 0, rgb, 0, gray.length);
        png = new PngEncoder(level, PngFilter.UP);

        BufferedImage grayImage = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(gray, 0, ((DataBufferByte) grayImage.getRaster().getDataBuffer()).getData(), 0, gray.length);
        BufferedImage rgbImage = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) rgbImage.getRaster().getDataBuffer()).getData();
        System.arraycopy(rgb, 0, bgr, 0, rgb.length); // gray: R = G = B, so RGB and BGR orders agree
        libraryGray = configure(grayImage);
        libraryRgb = configure(rgbImage);
    }

    private Object configure(BufferedImage image) throws Throwable {
        Object encoder = (Object) NEW_ENCODER.invokeExact();
        encoder = (Object) WITH_IMAGE.invokeExact(encoder, image);
        encoder = (Object) WITH_LEVEL.invokeExact(encoder, level);
        return (Object) WITH_THREADS.invokeExact(encoder, false);
    }

    @TearDown(Level.Trial)
    public void check() throws Throwable {
        int first = gray[0] & 0xFF;
        int tg = tblogGray();
        checkPng(png.buffer(), tg, first, "tblog gray");
        int tr = tblogRgb();
        checkPng(png.buffer(), tr, first, "tblog RGB");
        byte[] lg = pngencoderGray();
        checkPng(lg, lg.length, first, "pngencoder gray");
        byte[] lr = pngencoderRgb();
        checkPng(lr, lr.length, first, "pngencoder RGB");
        System.out.printf("%n[size] %s level=%d: tblog gray %d B, tblog RGB %d B, pngencoder gray-image %d B,"
                + " pngencoder RGB %d B (colour type %d / %d)%n", size, level, tg, tr, lg.length, lr.length,
                lg[25], lr[25]);
        png.close();
    }

    private void checkPng(byte[] buffer, int length, int firstPixel, String what) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(buffer, 0, length));
        if (decoded == null || decoded.getWidth() != width || decoded.getHeight() != height
                || decoded.getRaster().getSample(0, 0, 0) != firstPixel) {
            throw new IllegalStateException(what + ": PNG of " + length + " bytes does not decode to the image");
        }
    }

    @Benchmark
    public int tblogGray() {
        return png.encode(gray, 0, width, height, 1);
    }

    @Benchmark
    public int tblogRgb() {
        return png.encode(rgb, 0, width, height, 3);
    }

    @Benchmark
    public byte[] pngencoderGray() throws Throwable {
        return (byte[]) TO_BYTES.invokeExact(libraryGray);
    }

    @Benchmark
    public byte[] pngencoderRgb() throws Throwable {
        return (byte[]) TO_BYTES.invokeExact(libraryRgb);
    }
}
