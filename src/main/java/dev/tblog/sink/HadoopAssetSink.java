package dev.tblog.sink;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The {@link AssetSink} of a {@link HadoopStorage}: the projector's files on HDFS or an object store.
 *
 * <p>Where the file system can show a file before it is closed (HDFS: its streams {@code hflush}),
 * a reader could see a part of a file written in place, so the file is written under a temporary
 * name in the target's folder and renamed over the target with {@code Options.Rename.OVERWRITE}
 * (through {@link FileContext}; one NameNode operation, atomic). Where it cannot (object stores: an
 * object appears whole when its stream closes, and a rename is a copy), the file is written in place,
 * which is already all-or-nothing for readers.
 *
 * <p>Thread contract: any thread; Hadoop's {@code FileSystem} and {@code FileContext} are thread-safe.
 */
final class HadoopAssetSink implements AssetSink {
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private final FileSystem fs;
    private final Function<Path, org.apache.hadoop.fs.Path> toHadoop;
    /**
     * Whether the file system's streams can hflush (readers could see a part of a file written in
     * place); null until the first write finds out.
     */
    private volatile Boolean visibleBeforeClose;

    HadoopAssetSink(FileSystem fs, Function<Path, org.apache.hadoop.fs.Path> toHadoop) {
        this.fs = fs;
        this.toHadoop = toHadoop;
    }

    @Override
    public void writeAtomically(Path file, ByteBuffer content, boolean force) throws IOException {
        org.apache.hadoop.fs.Path target = toHadoop.apply(file);
        fs.mkdirs(target.getParent());
        if (Boolean.FALSE.equals(visibleBeforeClose)) {
            writeInPlace(target, content);
            return;
        }
        org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(target.getParent(), tempName(target.getName()));
        boolean renamed = false;
        try {
            boolean flushes;
            try (FSDataOutputStream out = fs.create(temp, false)) {
                flushes = out.hasCapability("hflush");
                if (flushes) {
                    write(out, content.duplicate());
                    if (force && out.hasCapability("hsync")) {
                        out.hsync();
                    }
                }
            }
            visibleBeforeClose = flushes; // the file system's, the same for every file: asked once
            if (!flushes) {
                fs.delete(temp, false);
                writeInPlace(target, content);
                return;
            }
            FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(temp, target, Options.Rename.OVERWRITE);
            renamed = true;
            content.position(content.limit());
        } finally {
            if (!renamed) {
                fs.delete(temp, false); // a failed write or rename leaves no temporary file
            }
        }
    }

    /** Storage that shows a file only once closed (an object store): the target, written whole. */
    private void writeInPlace(org.apache.hadoop.fs.Path target, ByteBuffer content) throws IOException {
        try (FSDataOutputStream out = fs.create(target, true)) {
            write(out, content);
        }
    }

    @Override
    public List<String> list(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (FileStatus status : fs.listStatus(toHadoop.apply(folder))) {
                if (status.isFile()) {
                    names.add(status.getPath().getName());
                }
            }
        } catch (FileNotFoundException missing) {
            return List.of();
        }
        return names;
    }

    @Override
    public byte[] read(Path file) throws IOException {
        try (InputStream in = fs.open(toHadoop.apply(file))) {
            return in.readAllBytes();
        }
    }

    private static void write(FSDataOutputStream out, ByteBuffer content) throws IOException {
        byte[] chunk = new byte[Math.min(content.remaining(), 64 * 1024)];
        while (content.hasRemaining()) {
            int n = Math.min(chunk.length, content.remaining());
            content.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    private static String tempName(String name) {
        return "." + name + ".tmp." + PID + "." + TEMP_COUNTER.incrementAndGet() + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }

    @Override
    public String toString() {
        return "HadoopAssetSink[" + fs.getUri() + "]";
    }
}
