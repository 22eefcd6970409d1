package dev.tblog.stress;

import dev.tblog.Image;
import dev.tblog.Logger;

/**
 * The stress calls of the payload kinds (images, histograms), kept apart so each kind is one line.
 *
 * <p>Thread contract: one per producer thread.
 */
final class StressCalls {
    private final Logger log;
    private final String imageTag;
    private final String histogramTag;
    private final double[] values;
    private final Image image;

    StressCalls(Logger log, int id, double[] values, float[] pixels, int side) {
        this.log = log;
        this.imageTag = "stress/image/" + id;
        this.histogramTag = "stress/histogram/" + id;
        this.values = values;
        this.image = Image.gray(pixels, side, side);
    }

    void log(EventMix.Kind kind, long step) {
        switch (kind) {
            case IMAGE:
                log.addImage(imageTag, image, step);
                break;
            case HISTOGRAM:
                log.addHistogram(histogramTag, values, step);
                break;
            default:
                throw new IllegalArgumentException("not a payload kind: " + kind);
        }
    }
}
