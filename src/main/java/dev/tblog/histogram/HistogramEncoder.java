package dev.tblog.histogram;

import dev.tblog.encode.EventWriter;
import dev.tblog.encode.PayloadEncoder;
import dev.tblog.encode.PayloadKind;
import dev.tblog.proto.SummaryMetadata;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The consumer half of the histogram kind: bins copied values into a reusable accumulator and writes
 * the records of one call, whoever binned it:
 * <ul>
 *   <li>when there is at least one finite value: the histogram of the finite values under
 *       {@code tag}, with plugin "histograms" metadata on the tag's first value;</li>
 *   <li>when there was at least one NaN or infinity: the scalar {@code <tag>/nonfinite} at the same
 *       step, the number of NaN and infinite values left out. All values non-finite: only that scalar.</li>
 * </ul>
 * Accumulators, one per bins: the default bins' always, others (caller-given edges by identity of
 * the {@link Bins}, equal width by bucket count) in a small LRU map, so a run logging with a
 * handful of bins allocates once and a run with ever-new bins stays bounded.
 *
 * <p>Thread contract: consumer thread only.
 */
final class HistogramEncoder implements PayloadEncoder {
    /** The histogram kind: drops are counted as {@code "histogram"}. */
    public static final PayloadKind<HistogramEncoder> KIND =
        PayloadKind.of("histogram", HistogramEncoder.class, HistogramEncoder::new);
    /** The plugin that reads histograms: TensorBoard's HISTOGRAMS and DISTRIBUTIONS tabs. */
    public static final String PLUGIN_NAME = "histograms";
    /** Suffix of the companion scalar that counts the NaN and infinite values of a call. */
    public static final String NON_FINITE_SUFFIX = "/nonfinite";

    private static final int MAX_OTHER_ACCUMULATORS = 8;
    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME))
        .build().toByteArray();

    private final HistogramBody body = new HistogramBody();
    private final HistogramAccumulator tensorflowDefault = new HistogramAccumulator(Bins.tensorflowDefault());
    private final Map<Object, HistogramAccumulator> others = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, HistogramAccumulator> eldest) {
            return size() > MAX_OTHER_ACCUMULATORS;
        }
    };

    /** Bins the copied values and writes the call's records. */
    void write(CopiedHistogramPayload histogram, EventWriter out, long wallTimeMillis) throws IOException {
        HistogramAccumulator acc = accumulator(histogram.bins());
        histogram.addTo(acc);
        boolean any = acc.finiteCount() > 0;
        if (any) {
            body.of(acc);
        }
        write(out, histogram.tag(), histogram.step(), wallTimeMillis, any, acc.nonFiniteCount());
    }

    /** Writes the records of a histogram binned by the producer or by the caller. */
    void write(BinnedHistogramPayload histogram, EventWriter out, long wallTimeMillis) throws IOException {
        boolean any = histogram.bucketCount() > 0;
        if (any) {
            histogram.pointAt(body);
        }
        write(out, histogram.tag(), histogram.step(), wallTimeMillis, any, histogram.nonFinite());
    }

    private void write(EventWriter out, String tag, long step, long wallTimeMillis, boolean histogram, long nonFinite)
        throws IOException {
        if (histogram) {
            out.writeValue(null, tag, step, wallTimeMillis, METADATA, body);
        }
        if (nonFinite > 0) {
            out.writeScalar(null, tag + NON_FINITE_SUFFIX, step, wallTimeMillis, nonFinite);
        }
    }

    /** An empty accumulator for {@code bins}. */
    private HistogramAccumulator accumulator(Bins bins) {
        HistogramAccumulator acc;
        if (bins.kind() == Bins.Kind.TENSORFLOW_DEFAULT) {
            acc = tensorflowDefault;
        } else {
            Object key = bins.kind() == Bins.Kind.EQUAL_WIDTH ? (Object) bins.bucketCount() : bins;
            acc = others.get(key);
            if (acc == null) {
                acc = new HistogramAccumulator(bins);
                others.put(key, acc);
            }
        }
        acc.reset();
        return acc;
    }
}
