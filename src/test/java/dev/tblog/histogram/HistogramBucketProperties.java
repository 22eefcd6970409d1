package dev.tblog.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Every value lands where a linear brute-force search over the edges puts it, for every kind of bins. */
class HistogramBucketProperties {

    private static final double[] E = HistogramReference.pythonDefaultEdges();

    @Property(tries = 2000)
    void shouldMatchBruteForceAndPyTorchTrimmingWithDefaultBins(@ForAll @Size(min = 1, max = 40) List<@From("interestingDoubles") Double> values) {
        HistogramAccumulator acc = new HistogramAccumulator(Bins.tensorflowDefault());
        double[] v = values.stream().mapToDouble(d -> d).toArray();
        acc.set(v);
        assertMatchesReference(acc, E, v);
    }

    @Property(tries = 1000)
    void shouldMatchBruteForceOnWidenedValuesForFloatInput(@ForAll @Size(min = 1, max = 40) List<@From("interestingFloats") Float> values) {
        float[] f = new float[values.size()];
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = values.get(i);
            d[i] = f[i];
        }
        HistogramAccumulator acc = new HistogramAccumulator(Bins.tensorflowDefault());
        acc.add(f, 0, f.length);
        assertMatchesReference(acc, E, d);
    }

    @Property(tries = 1000)
    void shouldCountNonFiniteValuesApartAndLeaveTheRestUntouched(
            @ForAll @Size(min = 1, max = 40) List<@From("doublesWithNonFinite") Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).toArray();
        HistogramAccumulator acc = new HistogramAccumulator(Bins.tensorflowDefault());
        acc.set(v);
        assertThat(acc.nanCount()).isEqualTo(values.stream().filter(d -> d.isNaN()).count());
        assertThat(acc.positiveInfinityCount()).isEqualTo(values.stream().filter(d -> d == Double.POSITIVE_INFINITY).count());
        assertThat(acc.negativeInfinityCount()).isEqualTo(values.stream().filter(d -> d == Double.NEGATIVE_INFINITY).count());
        assertMatchesReference(acc, E, v);
    }

    @Property(tries = 1000)
    void shouldMatchBruteForceWithExplicitEdges(@ForAll("sortedDistinctEdges") double[] edges,
                                            @ForAll @Size(min = 1, max = 40) List<@From("interestingDoubles") Double> values) {
        HistogramAccumulator acc = new HistogramAccumulator(Bins.explicitEdges(edges));
        double[] v = values.stream().mapToDouble(d -> d).toArray();
        acc.set(v);
        assertMatchesReference(acc, edges, v);
    }

    @Property(tries = 1000)
    void shouldUseNumpyLinspaceEdgesForEqualWidthBinsAndMatchBruteForce(
            @ForAll @IntRange(min = 1, max = 60) int buckets,
            @ForAll @Size(min = 1, max = 40) List<@From("equalWidthValues") Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).toArray();
        HistogramAccumulator acc = new HistogramAccumulator(Bins.equalWidth(buckets));
        acc.set(v);
        double lo = firstMin(v);
        double hi = firstMax(v);
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        // numpy.linspace(lo, hi, buckets + 1): arange * step + start, last element set to stop
        double step = (hi - lo) / buckets;
        double[] edges = new double[buckets + 1];
        for (int i = 0; i < buckets; i++) {
            edges[i] = i * step + lo;
        }
        edges[buckets] = hi;
        for (int i = 0; i <= buckets; i++) {
            assertThat(acc.edge(i)).as("edge %d", i).isEqualTo(edges[i]);
        }
        assertMatchesReference(acc, edges, v);
    }

    @Property(tries = 300)
    void shouldStayExactWithEqualWidthBinsOnHugeAndTinyRanges(
            @ForAll @IntRange(min = 1, max = 2000) int buckets,
            @ForAll("extremePairs") double[] v) {
        HistogramAccumulator acc = new HistogramAccumulator(Bins.equalWidth(buckets));
        acc.set(v);
        double[] edges = new double[buckets + 1];
        for (int i = 0; i <= buckets; i++) {
            edges[i] = acc.edge(i);
            assertThat(edges[i]).isFinite();
            if (i > 0) {
                assertThat(edges[i]).isGreaterThanOrEqualTo(edges[i - 1]);
            }
        }
        assertMatchesReference(acc, edges, v);
    }

    private static void assertMatchesReference(HistogramAccumulator acc, double[] edges, double[] values) {
        long[] expected = HistogramReference.bruteForceCounts(edges, values);
        assertThat(HistogramReference.bucketCountsOf(acc)).containsExactly(expected);
        long finite = java.util.Arrays.stream(values).filter(Double::isFinite).count();
        assertThat(acc.finiteCount()).isEqualTo(finite);
        if (finite == 0) {
            assertThat(acc.trimmedSize()).isZero();
            return;
        }
        double[][] want = HistogramReference.pytorchTrim(edges, expected);
        double[][] got = HistogramReference.trimmedOf(acc);
        assertThat(got[0]).containsExactly(want[0]);
        assertThat(got[1]).containsExactly(want[1]);
        assertThat(acc.min()).isEqualTo(firstMin(values));
        assertThat(acc.max()).isEqualTo(firstMax(values));
    }

    /** Smallest finite value; of -0.0 and 0.0 the first met (primitive comparison, as numpy's reduction). */
    private static double firstMin(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : values) {
            if (Double.isFinite(x) && x < m) {
                m = x;
            }
        }
        return m;
    }

    private static double firstMax(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            if (Double.isFinite(x) && x > m) {
                m = x;
            }
        }
        return m;
    }

    // ---- generators -------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Double> interestingDoubles() {
        Arbitrary<Double> nearEdges = Combinators.combine(
                Arbitraries.integers().between(0, E.length - 1), Arbitraries.integers().between(-2, 2))
                .as((i, d) -> shift(E[i], d));
        Arbitrary<Double> specials = Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e-12, -1e-12, Math.nextDown(1e-12), Math.nextUp(-1e-12),
                1e20, -1e20, Math.nextDown(1e20), 1e21, -1e21, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE);
        Arbitrary<Double> subnormals = Combinators.combine(
                Arbitraries.longs().between(1, (1L << 52) - 1), Arbitraries.of(1.0, -1.0))
                .as((bits, sign) -> sign * Double.longBitsToDouble(bits));
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> gaussianish = Arbitraries.doubles().between(-10, 10);
        return Arbitraries.oneOf(nearEdges, specials, subnormals, anyBits, gaussianish);
    }

    @Provide
    Arbitrary<Double> doublesWithNonFinite() {
        return Arbitraries.oneOf(interestingDoubles(),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.longBitsToDouble(0x7ff8_0000_0000_1234L), Double.longBitsToDouble(0xfff0_0000_0000_0001L)));
    }

    @Provide
    Arbitrary<Float> interestingFloats() {
        Arbitrary<Float> nearEdges = Combinators.combine(
                Arbitraries.integers().between(0, E.length - 1), Arbitraries.integers().between(-2, 2))
                .as((i, d) -> {
                    float f = (float) E[i];
                    for (int j = 0; j < Math.abs(d); j++) {
                        f = d > 0 ? Math.nextUp(f) : Math.nextDown(f);
                    }
                    return f;
                }).filter(Float::isFinite);
        Arbitrary<Float> anyBits = Arbitraries.integers().map(Float::intBitsToFloat).filter(Float::isFinite);
        Arbitrary<Float> specials = Arbitraries.of(0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-12f, -1e-12f,
                1e20f, -1e20f, Float.MAX_VALUE, -Float.MAX_VALUE);
        return Arbitraries.oneOf(nearEdges, anyBits, specials);
    }

    @Provide
    Arbitrary<double[]> sortedDistinctEdges() {
        return Arbitraries.oneOf(interestingDoubles(), Arbitraries.integers().between(-5, 5).map(i -> (double) i))
                .list().ofMinSize(2).ofMaxSize(30)
                .map(l -> l.stream().mapToDouble(d -> d + 0.0).distinct().sorted().toArray())
                .filter(a -> a.length >= 2);
    }

    @Provide
    Arbitrary<Double> equalWidthValues() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1000, 1000),
                Arbitraries.integers().between(-20, 20).map(i -> (double) i),
                Arbitraries.of(0.0, -0.0, 1e-300, -1e-300, 3.0, 7.0));
    }

    @Provide
    Arbitrary<double[]> extremePairs() {
        return Arbitraries.oneOf(interestingDoubles(),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, Math.nextUp(1.0), Double.MIN_VALUE, 0.0))
                .list().ofMinSize(1).ofMaxSize(12)
                .map(l -> l.stream().mapToDouble(d -> d).toArray());
    }

    private static double shift(double x, int ulps) {
        for (int j = 0; j < Math.abs(ulps); j++) {
            x = ulps > 0 ? Math.nextUp(x) : Math.nextDown(x);
        }
        return x;
    }
}
