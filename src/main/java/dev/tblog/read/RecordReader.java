package dev.tblog.read;

import dev.tblog.record.RecordDescriptor;
import dev.tblog.sink.LogStorage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.net.URI;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the records of one tfevents file and checks both CRCs of each.
 *
 * <p>A last record cut short (the writer crashed mid-write) is the end of the file, not an error:
 * {@link #next()} returns {@code null} and {@link #tornTailOffset()} says where it began. A bad data
 * CRC throws {@link CorruptRecordException} and the next call goes on with the following record; a
 * bad length CRC throws one that is not {@linkplain CorruptRecordException#readable() readable}, and
 * the file ends there, as in TensorBoard's own loader.
 *
 * <p>Thread contract: not thread-safe, confine to one thread.
 */
public final class RecordReader implements AutoCloseable {
    /** A record's data, and where its record starts in the file. */
    public record Record(long offset, byte[] data) {
    }

    /** Longest record this reader accepts; longer lengths are taken as corruption. */
    private static final long MAX_DATA_BYTES = 1L << 30;

    private final Path file;
    private final InputStream in;
    private final CRC32C crc = new CRC32C();
    private final byte[] header = new byte[RecordDescriptor.HEADER_BYTES];
    private final byte[] footer = new byte[RecordDescriptor.CRC_BYTES];
    private long offset;
    private long tornTailOffset = -1;
    private boolean ended;

    private RecordReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Opens a file for reading from its start.
     *
     * @param file a tfevents file
     * @return the reader; close it
     * @throws IOException the file cannot be opened
     */
    public static RecordReader open(Path file) throws IOException {
        return new RecordReader(file, new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /**
     * Opens a file named by a URI ({@code hdfs://nn:8020/runs/exp/events.out.tfevents...},
     * {@code file:///...}) on the storage {@link LogStorage#of(URI)} picks for it.
     *
     * @param file the URI of a tfevents file; one without a scheme is a local path
     * @return the reader; close it
     * @throws IllegalArgumentException a scheme whose storage is not on the class path
     * @throws IOException the file cannot be opened
     */
    public static RecordReader open(URI file) throws IOException {
        LogStorage storage = LogStorage.of(file);
        return open(storage, storage.path(file));
    }

    /**
     * Opens a file of {@code storage} ({@code file} a path within it) for reading from its start.
     *
     * @param storage the storage the file is on
     * @param file a tfevents file, a path within {@code storage}
     * @return the reader; close it
     * @throws IOException the file cannot be opened
     */
    public static RecordReader open(LogStorage storage, Path file) throws IOException {
        return new RecordReader(file, new BufferedInputStream(storage.open(file), 1 << 16));
    }

    /**
     * The next record, or {@code null} at the end of the file (or of its readable part).
     *
     * @return the record, or {@code null}
     * @throws CorruptRecordException a record failed its CRC
     * @throws IOException the file cannot be read
     */
    public Record next() throws IOException {
        if (ended) {
            return null;
        }
        long start = offset;
        int headerRead = readFully(header);
        if (headerRead < header.length) {
            return endOfFile(start, headerRead);
        }
        ByteBuffer view = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long length = view.getLong(0);
        int lengthCrc = view.getInt(RecordDescriptor.LENGTH_BYTES);
        if (RecordDescriptor.maskedCrc(crc, header, 0, RecordDescriptor.LENGTH_BYTES) != lengthCrc) {
            ended = true;
            throw new CorruptRecordException(file, start, "length CRC mismatch", false);
        }
        if (length < 0 || length > MAX_DATA_BYTES) {
            ended = true;
            throw new CorruptRecordException(file, start, "implausible record length " + length, false);
        }
        byte[] data = new byte[(int) length];
        if (readFully(data) < data.length || readFully(footer) < footer.length) {
            return endOfFile(start, 1);
        }
        int dataCrc = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (RecordDescriptor.maskedCrc(crc, data, 0, data.length) != dataCrc) {
            throw new CorruptRecordException(file, start, "data CRC mismatch (" + length + " data bytes)", true);
        }
        return new Record(start, data);
    }

    /** {@return the offset where a torn last record begins, or -1 when the file ended on a record boundary} */
    public long tornTailOffset() {
        return tornTailOffset;
    }

    /** {@return the bytes consumed so far} */
    public long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private Record endOfFile(long start, int bytesOfRecordSeen) {
        ended = true;
        if (bytesOfRecordSeen > 0) {
            tornTailOffset = start;
        }
        return null;
    }

    private int readFully(byte[] target) throws IOException {
        int total = 0;
        while (total < target.length) {
            int n = in.read(target, total, target.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        offset += total;
        return total;
    }

    /**
     * Reads every record of a file into memory; for tests and small files.
     *
     * @param file a tfevents file
     * @return each record's data, in file order
     * @throws CorruptRecordException a record failed its CRC
     * @throws IOException the file cannot be read
     */
    public static List<byte[]> readAll(Path file) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try (RecordReader reader = open(file)) {
            for (Record r = reader.next(); r != null; r = reader.next()) {
                records.add(r.data());
            }
        }
        return records;
    }
}
