package dev.tblog;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the peer's log folder (PyTorch SummaryWriter, {@code shared/interop/pytorch-summarywriter})
 * is: in {@code shared/} beside the checkout ({@code ../shared} from a clone, as in CI; further up
 * from a worktree). Tests that compare with the peer find it here, and only here.
 */
public final class PeerFolder {
    private static final Path RELATIVE = Path.of("shared", "interop", "pytorch-summarywriter");
    private static final Path ROOT = find();

    private PeerFolder() {
    }

    /** The peer's log folder ({@code ../shared/...} when it is nowhere, so a test names what it missed). */
    public static Path root() {
        return ROOT;
    }

    /** The peer's main run file: scalars, images, histograms, figure, text. */
    public static Path mainFile() {
        return ROOT.resolve("events.out.tfevents.1795725812.vm.439.0");
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(RELATIVE))) {
                return dir.resolve(RELATIVE);
            }
        }
        return Path.of("..").resolve(RELATIVE);
    }
}
