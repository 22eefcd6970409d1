package dev.tblog.pipeline;

import dev.tblog.sink.EventSink;

import java.io.IOException;

/**
 * The rolling rules of event files: by size ({@code file.maxBytes}), once a file holds at least the
 * limit, and by age ({@code file.maxAgeMillis}), once a file that holds records past its first has
 * been open that long (checked at the end of each batch; the logger's timer makes sure a batch
 * comes); either way the next records go to a new file. The check runs after each write of whole records, so a record
 * is never split and a file may pass the limit by one write (at most {@code write.thresholdBytes}
 * plus one record). The new file's name sorts after the old one (see
 * {@link dev.tblog.record.RunNames}), it starts with its own {@code file_version} record, and
 * the tag cache (metadata written, last steps) carries over: TensorBoard reads the folder's files as
 * one run and uses the first metadata per tag and run.
 *
 * <p>Thread contract: stateless, consumer thread.
 */
final class FileRotation {
    private FileRotation() {
    }

    /** Whether a file of {@code fileBytes} must be rotated under the limit {@code maxFileBytes} (0: never). */
    static boolean due(long fileBytes, long maxFileBytes) {
        return maxFileBytes > 0 && fileBytes >= maxFileBytes;
    }

    /**
     * Whether a file opened at {@code openedAtMillis} must be rotated at {@code nowMillis} under the
     * age limit {@code maxAgeMillis} (0: never). A file holding nothing but its first record is
     * never rotated, so an idle logger makes no files.
     */
    static boolean aged(long nowMillis, long openedAtMillis, long maxAgeMillis, boolean holdsRecords) {
        return maxAgeMillis > 0 && holdsRecords && nowMillis - openedAtMillis >= maxAgeMillis;
    }

    /** Closes a rotated-out file, first forcing it to disk when asked; tries to close even if the force fails. */
    static void retire(EventSink old, boolean force) throws IOException {
        try {
            if (force) {
                old.force();
            }
        } finally {
            old.close();
        }
    }
}
