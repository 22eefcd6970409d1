package dev.tblog.read;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A record whose CRC does not match, with where it is.
 *
 * <p>Thread contract: immutable.
 */
public final class CorruptRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** Byte offset of the record's start in the file. */
    private final long offset;
    /** Whether records after this one can still be read. */
    private final boolean readable;

    /**
     * @param file the file holding the record
     * @param offset byte offset of the record's start in the file
     * @param what what is wrong, e.g. {@code data CRC mismatch}
     * @param readable whether the reader can go on past this record (a bad data CRC under a sound
     *     length) or not (a bad length CRC: nothing after it can be trusted)
     */
    public CorruptRecordException(Path file, long offset, String what, boolean readable) {
        super(file + " at offset " + offset + ": " + what);
        this.file = file;
        this.offset = offset;
        this.readable = readable;
    }

    /** {@return the file holding the record} */
    public Path file() {
        return file;
    }

    /** {@return the byte offset of the record's start in the file} */
    public long offset() {
        return offset;
    }

    /** {@return whether records after this one can still be read} */
    public boolean readable() {
        return readable;
    }
}
