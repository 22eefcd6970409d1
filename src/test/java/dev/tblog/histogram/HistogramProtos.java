package dev.tblog.histogram;

import dev.tblog.proto.HistogramProto;

/**
 * Builds the generated {@link HistogramProto} from an accumulator, for tests, the reader and rare paths;
 * the consumer hand-encodes from {@link HistogramAccumulator#limitAt(int)} and
 * {@link HistogramAccumulator#countAt(int)} instead. Stateless; any thread (the accumulator itself stays
 * confined to its owner's thread).
 */
public final class HistogramProtos {

    private HistogramProtos() {
    }

    /**
     * min, max, num (the finite count), sum, sum_squares, and the stored range as {@code bucket_limit} /
     * {@code bucket}.
     *
     * @throws IllegalStateException when the accumulator holds no finite value: such a histogram must not be
     *                               written (report its non-finite counts instead)
     */
    public static HistogramProto toProto(HistogramAccumulator acc) {
        if (acc.finiteCount() == 0) {
            throw new IllegalStateException("no finite value to write: nanCount=" + acc.nanCount()
                    + ", positiveInfinityCount=" + acc.positiveInfinityCount()
                    + ", negativeInfinityCount=" + acc.negativeInfinityCount());
        }
        HistogramProto.Builder b = HistogramProto.newBuilder()
                .setMin(acc.min())
                .setMax(acc.max())
                .setNum(acc.finiteCount())
                .setSum(acc.sum())
                .setSumSquares(acc.sumSquares());
        for (int i = acc.trimmedStart(), end = acc.trimmedEnd(); i < end; i++) {
            b.addBucketLimit(acc.limitAt(i));
            b.addBucket(acc.countAt(i));
        }
        return b.build();
    }
}
