package dev.tblog.pipeline;

/**
 * Folder names of sub-runs.
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class SubRunNames {
    private SubRunNames() {
    }

    /**
     * The sub-run of one key of {@code addScalars(mainTag, ...)}: {@code <mainTag with '/' as '_'>_<key>},
     * as the Python writers name it, so that TensorBoard draws all keys on one chart.
     */
    public static String scalarsMember(String mainTag, String key) {
        return mainTag.replace('/', '_') + '_' + key;
    }
}
