package dev.tblog.hadoop;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A local Hadoop file system that behaves as an object store does for a writer: a file created is
 * invisible (not listed, not readable) until its stream is closed, then appears whole (it is written
 * to a staging folder outside the tree and moved into place at close); its streams cannot
 * {@code hflush} or {@code hsync} (they claim neither capability); {@code append} is refused. It
 * serves the {@code file} scheme of a configuration that names it ({@code fs.file.impl}), so that
 * paths stay Hadoop's local ones.
 *
 * <p>Thread contract: as Hadoop's local file system; each stream one writer thread.
 */
public final class VisibleOnCloseFileSystem extends RawLocalFileSystem {
    /** Where files being written wait, outside every tree a test reads. */
    private static final java.nio.file.Path STAGING = stagingFolder();

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        return open(f, overwrite);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        return open(f, overwrite);
    }

    @Override
    public FSDataOutputStream append(Path f, int bufferSize, Progressable progress) {
        throw new UnsupportedOperationException("append is not supported here (an object store)");
    }

    private FSDataOutputStream open(Path f, boolean overwrite) throws IOException {
        java.nio.file.Path target = pathToFile(makeQualified(f)).toPath();
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(f + " exists");
        }
        java.nio.file.Path staged = STAGING.resolve(UUID.randomUUID().toString());
        OutputStream file = new FileOutputStream(staged.toFile());
        OutputStream publishing = new FilterOutputStream(file) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                super.close();
                Files.createDirectories(target.getParent());
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            }
        };
        return new FSDataOutputStream(publishing, statistics);
    }

    private static java.nio.file.Path stagingFolder() {
        try {
            return Files.createTempDirectory("objstore-staging");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
