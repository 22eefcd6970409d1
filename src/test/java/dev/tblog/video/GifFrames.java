package dev.tblog.video;

import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An animated GIF decoded by the JDK's own GIF reader, an independent path from tblog's encoder:
 * its frames (as packed RGB), each frame's delay in hundredths of a second, and whether it loops
 * (the NETSCAPE2.0 extension).
 */
public record GifFrames(int width, int height, List<int[]> rgb, List<Integer> delays, boolean loops) {

    public static GifFrames decode(byte[] gif) {
        assert gif.length > 6;
        if (gif[0] != 'G' || gif[1] != 'I' || gif[2] != 'F' || gif[3] != '8' || gif[4] != '9' || gif[5] != 'a') {
            throw new AssertionError("not a GIF89a file");
        }
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            List<int[]> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            int width = 0;
            int height = 0;
            for (int i = 0; i < count; i++) {
                BufferedImage frame = reader.read(i);
                width = frame.getWidth();
                height = frame.getHeight();
                frames.add(frame.getRGB(0, 0, width, height, null, 0, width));
                delays.add(delay(reader.getImageMetadata(i)));
            }
            boolean loops = new String(gif, java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0");
            return new GifFrames(width, height, frames, delays, loops);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private static int delay(IIOMetadata metadata) {
        Node root = metadata.getAsTree("javax_imageio_gif_image_1.0");
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("GraphicControlExtension")) {
                return Integer.parseInt(n.getAttributes().getNamedItem("delayTime").getNodeValue());
            }
        }
        throw new AssertionError("frame without a graphic control extension");
    }

    /** Gray value of pixel (x, y) of frame f (the red channel of a gray frame). */
    public int gray(int f, int x, int y) {
        return (rgb.get(f)[y * width + x] >> 16) & 0xFF;
    }

    /** Channel c (0 red, 1 green, 2 blue) of pixel (x, y) of frame f. */
    public int channel(int f, int x, int y, int c) {
        return (rgb.get(f)[y * width + x] >> (16 - 8 * c)) & 0xFF;
    }
}
