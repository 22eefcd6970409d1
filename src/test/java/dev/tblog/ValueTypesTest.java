package dev.tblog;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The values a call takes carry their shape and options, are immutable, refer to the caller's
 * array without copying it, and refuse a bad shape where they are made, naming the values.
 */
class ValueTypesTest {
    @Test
    void shouldCarryTheShapeOfEachImageLayout() {
        assertThat(Image.gray(new float[6], 2, 3)).extracting(Image::height, Image::width, Image::channels)
            .containsExactly(2, 3, 1);
        assertThat(Image.rgb(new double[18], 2, 3).channels()).isEqualTo(3);
        assertThat(Image.rgba(new byte[24], 2, 3).channels()).isEqualTo(4);
        assertThat(Images.rgb(new float[5 * 2 * 3 * 3], 5, 2, 3))
            .extracting(Images::count, Images::height, Images::width, Images::channels).containsExactly(5, 2, 3, 3);
        BufferedImage argb = new BufferedImage(7, 4, BufferedImage.TYPE_INT_ARGB);
        assertThat(Image.of(argb)).extracting(Image::height, Image::width, Image::channels).containsExactly(4, 7, 4);
        assertThat(Figure.of(argb)).extracting(Figure::width, Figure::height).containsExactly(7, 4);
        assertThat(Figure.drawn(30, 20, g -> { })).extracting(Figure::width, Figure::height).containsExactly(30, 20);
    }

    @Test
    void shouldReturnANewValueForAnOptionAndLeaveTheOriginalAsItWas() {
        Image plain = Image.gray(new float[4], 2, 2);
        Image equalized = plain.equalized();
        assertThat(equalized).isNotSameAs(plain);
        assertThat(plain.isEqualized()).isFalse();
        assertThat(equalized.isEqualized()).isTrue();
        assertThat(equalized.toString()).contains("2x2x1").contains("equalized");
        Images batch = Images.gray(new byte[8], 2, 2, 2);
        assertThat(batch.equalizedPerImage().toString()).contains("EQUALIZE_PER_IMAGE");
        assertThat(batch.toString()).contains("CLIP");
    }

    @Test
    void shouldRefuseABadShapeWhereTheValueIsMadeNamingTheValues() {
        assertThatThrownBy(() -> Image.gray(new float[99], 10, 10)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("image shape 1x10x10x1 needs 100 values, array has 99");
        assertThatThrownBy(() -> Image.rgba(new byte[12], 2, 2)).hasMessageContaining("1x2x2x4 needs 16 values");
        assertThatThrownBy(() -> Images.gray(new double[25], 0, 5, 5)).hasMessageContaining("0x5x5x1")
            .hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Image.gray((float[]) null, 1, 1)).hasMessageContaining("null");
        assertThatThrownBy(() -> Image.of(null)).hasMessageContaining("null");
        assertThatThrownBy(() -> Figure.drawn(0, 5, g -> { })).hasMessageContaining("1x5x0x3");
        assertThatThrownBy(() -> Figure.drawn(5, 5, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> JFreeChartFigure.of(null, 5, 5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("chart");
    }

    @Test
    void shouldValidateAHistogramOfValuesAndItsRange() {
        double[] values = {1, 2, 3};
        assertThat(Histogram.of(values).isBinned()).isFalse();
        assertThatThrownBy(() -> Histogram.of(new int[0])).hasMessageContaining("at least one value: length=0");
        assertThatThrownBy(() -> Histogram.of((float[]) null)).hasMessageContaining("null");
        assertThatThrownBy(() -> Histogram.of(values).range(2, 2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("histogram range must lie in the array: offset=2, length=2, values.length=3");
        assertThatThrownBy(() -> Histogram.of(values).range(1, 0)).hasMessageContaining("length=0");
        assertThatThrownBy(() -> Histogram.of(values).bins(null)).hasMessageContaining("bins");
        assertThat(Histogram.of(values).range(1, 2).bins(HistogramBins.equalWidth(3)).toString())
            .contains("[1, 3)").contains("equalWidth 3");
    }

    @Test
    void shouldValidateABinnedHistogramAndTakeItsStatisticsByName() {
        Histogram h = Histogram.binned(new double[] {1, 5, 10}, new double[] {3, 3, 1});
        assertThat(h.isBinned()).isTrue();
        assertThat(h.min(0.2).max(9.5).sum(21.1).sumSquares(110.3).num(7).toString()).contains("3 buckets")
            .contains("num 7.0");
        assertThat(h.toString()).as("num defaults to the sum of the counts").contains("num 7.0");
        assertThatThrownBy(() -> Histogram.binned(new double[] {1, 2}, new double[] {1}))
            .hasMessageContaining("bucketLimits.length=2, bucketCounts.length=1");
        assertThatThrownBy(() -> Histogram.binned(new double[] {2, 1}, new double[] {1, 1}))
            .hasMessageContaining("bucketLimits[1]=1.0, bucketLimits[0]=2.0");
        assertThatThrownBy(() -> Histogram.binned(new double[] {1}, new double[] {-1}))
            .hasMessageContaining("bucketCounts[0]=-1.0");
    }

    @Test
    void shouldRefuseAnOptionOfTheOtherFormOfHistogram() {
        Histogram binned = Histogram.binned(new double[] {1}, new double[] {1});
        assertThatThrownBy(() -> binned.range(0, 1)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("range()");
        assertThatThrownBy(() -> binned.bins(HistogramBins.equalWidth(2))).isInstanceOf(IllegalStateException.class);
        Histogram values = Histogram.of(new double[] {1});
        assertThatThrownBy(() -> values.min(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("min()");
        assertThatThrownBy(() -> values.sumSquares(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldValidateBinsWhereTheyAreMade() {
        assertThat(HistogramBins.tensorflowDefault()).isSameAs(HistogramBins.tensorflowDefault());
        assertThat(HistogramBins.tensorflowDefault().toString()).contains("1549 edges");
        assertThat(HistogramBins.explicitEdges(0, 1, 2).toString()).contains("[0.0, 1.0, 2.0]");
        assertThatThrownBy(() -> HistogramBins.explicitEdges(0, 2, 1)).hasMessageContaining("edges[2]=1.0");
        assertThatThrownBy(() -> HistogramBins.explicitEdges((double[]) null)).hasMessageContaining("null");
        assertThatThrownBy(() -> HistogramBins.equalWidth(0)).hasMessageContaining("buckets=0");
        assertThatThrownBy(() -> HistogramBins.equalWidth(HistogramBins.MAX_BUCKETS + 1))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
