package dev.tblog.bench;

import dev.tblog.video.GifEncoder;
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
import org.openjdk.jmh.annotations.Warmup;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * The measurement behind writing tblog's own GIF encoder: 16 frames of 64x64 (the video),
 * gray or RGB, as an animated GIF with a frame delay, by the JDK's {@code ImageIO} GIF writer (what a
 * Java port of {@code add_video} would call) against {@link GifEncoder}. Run with {@code -prof gc}
 * to see the allocation per GIF. Both check that they wrote a GIF.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GifEncodeBenchmark {
    static final int FRAMES = 16;
    static final int SIDE = 64;

    @Param({"gray", "rgb"})
    public String colours;

    private int channels;
    private byte[] pixels;
    private BufferedImage[] images;
    private final GifEncoder gif = new GifEncoder();

    @Setup(Level.Trial)
    public void frames() {
        channels = colours.equals("gray") ? 1 : 3;
        pixels = new byte[FRAMES * SIDE * SIDE * channels];
        images = new BufferedImage[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            images[f] = new BufferedImage(SIDE, SIDE, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    // a moving firing-rate field; RGB adds two other channels
                    int v = (int) (255 * (0.5 + 0.5 * Math.sin(x / 6.0 + f / 3.0) * Math.cos(y / 7.0)));
                    int p = (f * SIDE + y) * SIDE + x;
                    if (channels == 1) {
                        pixels[p] = (byte) v;
                        images[f].getRaster().setSample(x, y, 0, v);
                    } else {
                        int g = 255 - v;
                        int b = (x * 4) & 255;
                        pixels[3 * p] = (byte) v;
                        pixels[3 * p + 1] = (byte) g;
                        pixels[3 * p + 2] = (byte) b;
                        images[f].setRGB(x, y, v << 16 | g << 8 | b);
                    }
                }
            }
        }
    }

    @Benchmark
    public int tblogGif() {
        int length = gif.encode(pixels, FRAMES, SIDE, SIDE, channels, 25);
        return check(gif.buffer(), length);
    }

    @Benchmark
    public int imageIoGif() {
        byte[] out = imageIo(images, 25);
        return check(out, out.length);
    }

    /** An animated GIF by {@code ImageIO}: one image per frame, the delay in each frame's metadata. */
    static byte[] imageIo(BufferedImage[] frames, int delay) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), param);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", Integer.toString(delay));
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int check(byte[] gif, int length) {
        if (length < 100 || gif[0] != 'G' || gif[length - 1] != 0x3B) {
            throw new IllegalStateException("not a GIF: " + length + " bytes");
        }
        return length;
    }
}
