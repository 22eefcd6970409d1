package dev.tblog.sink;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a new event file in a run folder; the seam where other storage plugs in.
 *
 * <p>Thread contract: implementations must be safe to call from any thread (the logger opens its
 * first file on the constructing thread, later ones on the consumer).
 */
@FunctionalInterface
public interface EventSinkFactory {
    /**
     * Creates the run folder if missing and a new file in it; never truncates an existing file.
     *
     * @param runDir the run folder
     * @param fileName a name from {@link dev.tblog.record.EventFileNames}
     */
    EventSink create(Path runDir, String fileName) throws IOException;
}
