package dev.tblog.hparams;

import dev.tblog.encode.Encoders;
import dev.tblog.encode.EventWriter;
import dev.tblog.encode.Payload;
import dev.tblog.encode.PayloadKind;

import java.io.IOException;

/**
 * One {@code addParameters(params, metrics)} call as it travels through the ring: where its session
 * goes, its session-start metadata (encoded on the caller's thread) and its metrics. Plain data;
 * {@link HParamsEncoder} writes it.
 *
 * <p>Thread contract: built by one producer, immutable from then on.
 */
final class HParamsPayload implements Payload {
    private final String subRun;
    private final byte[] sessionStartMetadata;
    private final String[] metricTags;
    private final double[] metricValues;

    /**
     * @param subRun the sub-run folder of the session, or {@code null} for the logger's run itself
     * @param metricTags, metricValues the metrics in key order; owned by this payload
     */
    HParamsPayload(String subRun, byte[] sessionStartMetadata, String[] metricTags, double[] metricValues) {
        this.subRun = subRun;
        this.sessionStartMetadata = sessionStartMetadata;
        this.metricTags = metricTags;
        this.metricValues = metricValues;
    }

    @Override
    public PayloadKind<HParamsEncoder> kind() {
        return HParamsEncoder.KIND;
    }

    @Override
    public void writeTo(Encoders encoders, EventWriter out, long wallTimeMillis) throws IOException {
        encoders.get(HParamsEncoder.KIND).write(this, out, wallTimeMillis);
    }

    String subRun() {
        return subRun;
    }

    byte[] sessionStartMetadata() {
        return sessionStartMetadata;
    }

    int metricCount() {
        return metricTags.length;
    }

    String metricTag(int i) {
        return metricTags[i];
    }

    double metricValue(int i) {
        return metricValues[i];
    }

    @Override
    public String toString() {
        return "HParamsPayload[" + (subRun == null ? "run" : subRun) + ", " + metricTags.length + " metrics]";
    }
}
