package dev.tblog.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local event file written through a {@link FileChannel}, opened with {@code CREATE_NEW}; made
 * by {@link EventSinkFactory#LOCAL_FILES}. A file closed before any byte reached it is removed.
 *
 * <p>Thread contract: consumer thread only.
 */
final class FileChannelSink implements EventSink {
    private final Path path;
    private final FileChannel channel;
    private long size;

    private FileChannelSink(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Creates the folder if missing and the file, which must not exist.
     *
     * @throws FileAlreadyExistsException when the file exists
     */
    static FileChannelSink create(Path runDir, String fileName) throws IOException {
        Files.createDirectories(runDir);
        Path path = runDir.resolve(fileName);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FileChannelSink(path, channel);
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            size += channel.write(bytes);
        }
    }

    @Override
    public void force() throws IOException {
        channel.force(false);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    /**
     * Closes the file; a file that never received a byte (its first record could not be written:
     * a full disk, a failed construction) is removed, so that no empty event file is left behind.
     */
    @Override
    public void close() throws IOException {
        channel.close();
        if (size == 0) {
            Files.deleteIfExists(path);
        }
    }
}
