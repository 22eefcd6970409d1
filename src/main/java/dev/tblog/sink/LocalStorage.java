package dev.tblog.sink;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local file system: {@link LogStorage#LOCAL}. Event files are {@link FileChannelSink}s.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class LocalStorage implements LogStorage {
    static final LocalStorage INSTANCE = new LocalStorage();

    private LocalStorage() {
    }

    @Override
    public EventSink create(Path runDir, String fileName) throws IOException {
        return FileChannelSink.create(runDir, fileName);
    }

    @Override
    public Path path(URI uri) {
        if (uri.getScheme() == null) {
            return Path.of(uri.getPath());
        }
        if (!uri.getScheme().equals("file")) {
            throw new IllegalArgumentException(uri + " is not a local path (scheme '" + uri.getScheme() + "')");
        }
        return Path.of(uri);
    }

    @Override
    public URI uri(Path path) {
        return path.toAbsolutePath().normalize().toUri();
    }

    @Override
    public boolean isFile(Path path) {
        return Files.isRegularFile(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    @Override
    public InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public String toString() {
        return "LogStorage.LOCAL";
    }
}
