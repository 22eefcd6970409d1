package dev.tblog.histogram;

import dev.tblog.encode.PayloadWriter;
import dev.tblog.proto.SummaryMetadata;

import java.io.IOException;

/**
 * What one histogram call writes, whoever binned it:
 * <ul>
 *   <li>when there is at least one finite value: the histogram of the finite values under {@code tag}, with
 *       plugin "histograms" metadata on the tag's first value;</li>
 *   <li>when there was at least one NaN or infinity: the scalar {@code <tag>/nonfinite} at the same step,
 *       the number of NaN and infinite values left out. All values non-finite: only that scalar.</li>
 * </ul>
 * <p>Thread contract: stateless; consumer thread only (it writes through a {@link PayloadWriter}).
 */
public final class HistogramRecords {
    /** The plugin that reads histograms: TensorBoard's HISTOGRAMS and DISTRIBUTIONS tabs. */
    public static final String PLUGIN_NAME = "histograms";
    /** Suffix of the companion scalar that counts the NaN and infinite values of a call. */
    public static final String NON_FINITE_SUFFIX = "/nonfinite";

    private static final byte[] METADATA = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(PLUGIN_NAME))
        .build().toByteArray();

    private HistogramRecords() {
    }

    /** The tag of the companion scalar of {@code tag}. */
    public static String nonFiniteTag(String tag) {
        return tag + NON_FINITE_SUFFIX;
    }

    /**
     * Writes the records of one call.
     *
     * @param body the histogram, already pointed at the values; ignored when {@code histogram} is false
     * @param histogram whether to write the histogram (false when every value was non-finite)
     * @param nonFinite the number of NaN and infinite values
     */
    public static void write(PayloadWriter out, String tag, long step, long wallTimeMillis, HistogramBody body,
                             boolean histogram, long nonFinite) throws IOException {
        if (histogram) {
            out.writeValue(null, tag, step, wallTimeMillis, METADATA, body);
        }
        if (nonFinite > 0) {
            out.writeScalar(null, nonFiniteTag(tag), step, wallTimeMillis, nonFinite);
        }
    }

    /** The serialized metadata written with a histogram tag's first value. */
    static byte[] metadata() {
        return METADATA.clone();
    }
}
