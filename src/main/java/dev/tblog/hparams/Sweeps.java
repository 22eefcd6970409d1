package dev.tblog.hparams;

import dev.tblog.sink.LogStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The sweeps declared in this process, by log folder: {@link #declare} writes (or finds) the
 * folder's experiment and remembers the declaration, so that {@code addParameters} of any logger
 * whose run lies in that folder, at any depth, is checked against it ({@link #check}). A run under
 * two declared folders is checked against the nearer one.
 *
 * <p>Local folders are compared by their real path (symbolic links resolved), so {@code runs} and
 * {@code ./runs/../runs} are one folder; folders of other storage by their URI.
 *
 * <p>Thread contract: any thread; the registry is a concurrent map, and a declaration is immutable.
 */
public final class Sweeps {
    private static final ConcurrentMap<String, SweepDeclaration> DECLARED = new ConcurrentHashMap<>();

    private Sweeps() {
    }

    /**
     * Declares the sweep of {@code logdir} (see {@link ExperimentFile}) and remembers it for the
     * checks of this process.
     *
     * @return whether this call wrote the folder's experiment ({@code false}: the same one was there)
     * @throws IllegalStateException the folder holds a different declaration; the message says what differs
     * @throws UncheckedIOException the folder cannot be created, written or read
     */
    public static boolean declare(Path logdir, SweepDeclaration declaration) {
        return declare(LogStorage.LOCAL, logdir, declaration);
    }

    /** {@link #declare(Path, SweepDeclaration)} in a folder of {@code storage}. */
    public static boolean declare(LogStorage storage, Path logdir, SweepDeclaration declaration) {
        return declare(storage, logdir, declaration, true, ExperimentFile.COMPLETE_WITHIN_MILLIS);
    }

    /**
     * {@link #declare(Path, SweepDeclaration)}, optionally without hard links and with another wait
     * for a file being written (for tests; see {@link ExperimentFile#publish}).
     */
    static boolean declare(Path logdir, SweepDeclaration declaration, boolean hardLinks, long completeWithinMillis) {
        return declare(LogStorage.LOCAL, logdir, declaration, hardLinks, completeWithinMillis);
    }

    private static boolean declare(LogStorage storage, Path logdir, SweepDeclaration declaration, boolean hardLinks,
                                   long completeWithinMillis) {
        ExperimentFile.Outcome outcome;
        try {
            outcome = ExperimentFile.publish(storage, logdir, declaration, hardLinks, completeWithinMillis);
            DECLARED.put(name(storage, key(storage, logdir)), declaration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot declare the sweep in " + name(storage, logdir) + ": " + e, e);
        }
        return outcome == ExperimentFile.Outcome.WRITTEN;
    }

    /** The folder as the registry knows it: its real path, or its absolute normal form if it does not exist. */
    static Path key(Path folder) {
        return key(LogStorage.LOCAL, folder);
    }

    /** A folder of {@code storage} as the registry knows it: for the local one, {@link #key(Path)}; else absolute. */
    static Path key(LogStorage storage, Path folder) {
        if (storage != LogStorage.LOCAL) {
            return storage.path(storage.uri(folder));
        }
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    /**
     * Checks one {@code addParameters} call of the run in {@code runDir} (a {@link #key}) against the
     * nearest sweep declared in this process above or at it; nothing to check when there is none.
     *
     * @throws IllegalArgumentException the call breaks the declaration (see {@link SweepDeclaration#check})
     */
    static void check(Path runDir, HParams call) {
        check(LogStorage.LOCAL, runDir, call);
    }

    /** {@link #check(Path, HParams)} for a run of {@code storage} ({@code runDir} a {@link #key(LogStorage, Path)}). */
    static void check(LogStorage storage, Path runDir, HParams call) {
        for (Path folder = runDir; folder != null; folder = folder.getParent()) {
            String name = name(storage, folder);
            SweepDeclaration declaration = DECLARED.get(name);
            if (declaration != null) {
                declaration.check(call, name);
                return;
            }
        }
    }

    /** The registry's name of a folder: a local path as it is, any other as its URI. */
    private static String name(LogStorage storage, Path folder) {
        return storage == LogStorage.LOCAL ? folder.toString() : storage.uri(folder).toString();
    }
}
