package dev.tblog.encode;

import dev.tblog.sink.AssetSink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole files of one run beside its event files (the projector's config, tensors, metadata,
 * sprites), reached by paths relative to the run folder and written through the storage's
 * {@link AssetSink}: each write replaces its file atomically, and is made durable first unless the
 * logger's {@code fsync.policy} is {@code never}.
 *
 * <p>Paths are relative, '/'-separated, and stay inside the run folder ({@code IllegalArgumentException}
 * otherwise: kinds build them from {@code record.RunNames}, never from user text).
 *
 * <p>Thread contract: consumer thread only (the sink itself may be shared).
 */
public final class RunAssets {
    private final Path runDir;
    private final AssetSink sink;
    private final boolean durable;

    /**
     * @param durable whether each file is fsynced before it replaces the old one
     */
    public RunAssets(Path runDir, AssetSink sink, boolean durable) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.sink = sink;
        this.durable = durable;
    }

    /** Writes {@code content} (position to limit) as the whole file {@code relativePath}, atomically. */
    public void write(String relativePath, ByteBuffer content) throws IOException {
        sink.writeAtomically(resolve(relativePath), content, durable);
    }

    /** The names of the files directly in {@code relativeFolder}; empty if it does not exist. */
    public List<String> list(String relativeFolder) throws IOException {
        return sink.list(resolve(relativeFolder));
    }

    /** The whole content of {@code relativePath}. */
    public byte[] read(String relativePath) throws IOException {
        return sink.read(resolve(relativePath));
    }

    /** The run folder the paths are relative to. */
    public Path runDir() {
        return runDir;
    }

    private Path resolve(String relativePath) {
        Path path = runDir.resolve(relativePath).normalize();
        if (relativePath.isEmpty() || relativePath.startsWith("/") || !path.startsWith(runDir) || path.equals(runDir)) {
            throw new IllegalArgumentException("asset path '" + relativePath + "' is not inside the run folder " + runDir);
        }
        return path;
    }

    @Override
    public String toString() {
        return "RunAssets[" + runDir + ", " + sink + (durable ? ", durable" : "") + "]";
    }
}
