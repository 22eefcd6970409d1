package dev.tblog.histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The consumer's reusable accumulators, one per bins: the default bins' always, the others (caller-given
 * edges by identity of the {@link HistogramBins}, equal width by bucket count) in a small LRU map, so that
 * a run logging with a handful of bins allocates once and a run with ever-new bins stays bounded.
 *
 * <p>Thread contract: consumer thread only (held through {@link dev.tblog.encode.PayloadWriter#scratch}).
 */
public final class ConsumerAccumulators {
    private static final int MAX_OTHERS = 8;

    private final HistogramAccumulator tensorflowDefault = new HistogramAccumulator(HistogramBins.tensorflowDefault());
    private final Map<Object, HistogramAccumulator> others = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, HistogramAccumulator> eldest) {
            return size() > MAX_OTHERS;
        }
    };

    /** An empty accumulator for {@code bins}. */
    public HistogramAccumulator forBins(HistogramBins bins) {
        HistogramAccumulator acc;
        if (bins.kind() == HistogramBins.Kind.TENSORFLOW_DEFAULT) {
            acc = tensorflowDefault;
        } else {
            Object key = bins.kind() == HistogramBins.Kind.EQUAL_WIDTH ? (Object) bins.bucketCount() : bins;
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
