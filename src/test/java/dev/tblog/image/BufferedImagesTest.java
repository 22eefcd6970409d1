package dev.tblog.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BufferedImagesTest {

    /** Expected RGB(A) bytes from getRGB, the JDK's own per-pixel view. */
    private static int[] viaGetRgb(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h * channels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int o = (y * w + x) * channels;
                out[o] = argb >>> 16 & 0xFF;
                out[o + 1] = argb >>> 8 & 0xFF;
                out[o + 2] = argb & 0xFF;
                if (channels == 4) {
                    out[o + 3] = argb >>> 24;
                }
            }
        }
        return out;
    }

    private static int[] unsigned(byte[] b, int length) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }

    private static BufferedImage randomImage(int type, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random random = new Random(type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_USHORT_565_RGB})
    void shouldMatchGetRgbForColourTypesWholeAndSubImages(int type) {
        BufferedImage image = randomImage(type, 13, 7);
        int channels = image.getColorModel().hasAlpha() ? 4 : 3;
        assertThat(BufferedImages.channels(image)).isEqualTo(channels);
        byte[] dst = new byte[13 * 7 * 4 + 3];
        int written = BufferedImages.toRaster(image, dst, 0);
        assertThat(written).isEqualTo(13 * 7 * channels);
        assertThat(unsigned(dst, written)).containsExactly(viaGetRgb(image, channels));

        BufferedImage sub = image.getSubimage(3, 2, 6, 4);
        written = BufferedImages.toRaster(sub, dst, 0);
        assertThat(unsigned(dst, written)).containsExactly(viaGetRgb(sub, channels));
    }

    @Test
    void shouldCopyGraySamplesAsOneChannelWithoutColourConversion() {
        BufferedImage gray = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 15; i++) {
            gray.getRaster().setSample(i % 5, i / 5, 0, i * 17);
        }
        BufferedImage sub = gray.getSubimage(1, 1, 3, 2);
        byte[] dst = new byte[15];
        assertThat(BufferedImages.channels(gray)).isEqualTo(1);
        assertThat(BufferedImages.toRaster(gray, dst, 0)).isEqualTo(15);
        for (int i = 0; i < 15; i++) {
            assertThat(dst[i] & 0xFF).isEqualTo(i * 17);
        }
        assertThat(BufferedImages.toRaster(sub, dst, 0)).isEqualTo(6);
        assertThat(unsigned(dst, 6)).containsExactly(6 * 17, 7 * 17, 8 * 17, 11 * 17, 12 * 17, 13 * 17);
    }

    /** 16-bit gray: one channel, each sample's high byte, as stored (getRGB would apply the sRGB curve). */
    @Test
    void shouldCopySixteenBitGraySamplesAsOneChannelOfTheirHighByte() {
        BufferedImage gray = new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY);
        int[] samples = {0, 0x00FF, 0x0100, 0x1234, 0x7FFF, 0x8000, 0x8080, 0xABCD, 0xFEFF, 0xFF00, 0xFFFF, 0x4242};
        for (int i = 0; i < samples.length; i++) {
            gray.getRaster().setSample(i % 4, i / 4, 0, samples[i]);
        }
        byte[] dst = new byte[12];
        assertThat(BufferedImages.channels(gray)).isEqualTo(1);
        assertThat(BufferedImages.toRaster(gray, dst, 0)).isEqualTo(12);
        assertThat(unsigned(dst, 12)).containsExactly(0, 0, 1, 0x12, 0x7F, 0x80, 0x80, 0xAB, 0xFE, 0xFF, 0xFF, 0x42);
        BufferedImage sub = gray.getSubimage(1, 1, 2, 2);
        assertThat(BufferedImages.toRaster(sub, dst, 0)).isEqualTo(4);
        assertThat(unsigned(dst, 4)).containsExactly(0x80, 0x80, 0xFF, 0xFF);
    }

    @Test
    void shouldRenderFiguresOnWhiteWithTheDrawingOnTop() {
        FigureRenderer renderer = new FigureRenderer();
        byte[] dst = new byte[40 * 30 * 3];
        int written = renderer.render(40, 30, g -> {
            g.setColor(java.awt.Color.RED);
            g.fillRect(10, 10, 5, 5);
        }, dst, 0);
        assertThat(written).isEqualTo(3600);
        assertThat(unsigned(dst, 3)).containsExactly(255, 255, 255);            // (0, 0): background
        int o = (12 * 40 + 12) * 3;
        assertThat(new int[] {dst[o] & 0xFF, dst[o + 1] & 0xFF, dst[o + 2] & 0xFF}).containsExactly(255, 0, 0);
        BufferedImage first = renderer.lastCanvas();
        renderer.render(40, 30, g -> { }, dst, 0);
        assertThat(renderer.lastCanvas()).isSameAs(first);                      // canvas reused
        assertThat(dst[o + 1] & 0xFF).isEqualTo(255);                           // and cleared to white
    }

    @Test
    void shouldRenderAJFreeChartLikeThePeersFigure() {
        XYSeries series = new XYSeries("rate");
        for (int i = 0; i < 50; i++) {
            series.add(i, Math.sin(i / 5.0));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Activity", "t", "rate", new XYSeriesCollection(series));
        byte[] dst = new byte[150 * 100 * 3];
        int written = new FigureRenderer().render(150, 100,
            g -> chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 150, 100)), dst, 0);
        assertThat(written).isEqualTo(150 * 100 * 3);
        int notWhite = 0;
        for (int i = 0; i < written; i++) {
            notWhite += (dst[i] & 0xFF) != 255 ? 1 : 0;
        }
        assertThat(notWhite).isGreaterThan(500);
        try (PngEncoder png = new PngEncoder()) {
            int length = png.encode(dst, 0, 150, 100, 3);
            Reference.Decoded decoded = Reference.decode(png.buffer(), length);
            assertThat(decoded.width()).isEqualTo(150);
            assertThat(decoded.height()).isEqualTo(100);
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {ImageShape.class, Equalize.class, Quantize.class, Tile.class, Channels.class,
            PngEncoder.class, PngFilter.class, BufferedImages.class, FigureRenderer.class, Picture.class,
            ImageProducer.class, dev.tblog.Logger.class, dev.tblog.Figure.class, dev.tblog.Image.class})
    void shouldKeepJFreeChartOutOfTheCore(Class<?> type) throws IOException {
        // The constant pool names every class a class file refers to.
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(classFile).doesNotContain("org/jfree");
        }
        // The check can see a reference: the one class meant to hold one does.
        try (InputStream in = dev.tblog.JFreeChartFigure.class.getResourceAsStream("JFreeChartFigure.class")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).contains("org/jfree");
        }
    }
}
