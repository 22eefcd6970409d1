package dev.tblog.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@link AssetSink#LOCAL_FILES}: write to a temporary name, then rename over the target.
 *
 * <p>The temporary file is {@code .<name>.tmp.<pid>.<counter>.<random>} in the target's own folder,
 * opened with {@code CREATE_NEW}: two writers (threads, processes, hosts on a shared file system)
 * never share one, and a rename within one folder is atomic on POSIX file systems. A crash can leave a temporary
 * file behind; nothing refers to it and TensorBoard ignores it.
 *
 * <p>Thread contract: stateless, any thread.
 */
final class LocalAssetSink implements AssetSink {
    private static final long PID = ProcessHandle.current().pid();
    /** Unique temporary names within this JVM; the pid and a random part set JVMs apart. */
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    @Override
    public void writeAtomically(Path file, ByteBuffer content, boolean force) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve(tempName(file.getFileName().toString()));
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                if (force) {
                    channel.force(true);
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
        if (force) {
            forceFolder(folder);
        }
    }

    @Override
    public List<String> list(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        } catch (NoSuchFileException missing) {
            return List.of();
        }
        return names;
    }

    @Override
    public byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    private static String tempName(String name) {
        return "." + name + ".tmp." + PID + "." + TEMP_COUNTER.incrementAndGet() + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }

    /** Makes the rename durable: fsync of the folder, where the platform allows opening one. */
    private static void forceFolder(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            return; // e.g. Windows cannot open a folder as a channel; its rename is durable by itself
        }
        try (channel) {
            channel.force(true);
        }
    }

    @Override
    public String toString() {
        return "AssetSink.LOCAL_FILES";
    }
}
