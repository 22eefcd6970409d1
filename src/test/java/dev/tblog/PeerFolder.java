package dev.tblog;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Where the peer's log folder (PyTorch SummaryWriter) is: the test resource
 * {@code interop/pytorch-summarywriter} (copied from {@code shared/interop}, with its text dump beside
 * it), so the interop tests run on any clone. Tests that compare with the peer find it here, and only here.
 */
public final class PeerFolder {
    private static final String RESOURCE = "/interop/pytorch-summarywriter";
    private static final Path ROOT = find();

    private PeerFolder() {
    }

    /** The peer's log folder. */
    public static Path root() {
        return ROOT;
    }

    /** The peer's main run file: scalars, images, histograms, figure, text. */
    public static Path mainFile() {
        return ROOT.resolve("events.out.tfevents.1795725812.vm.439.0");
    }

    private static Path find() {
        URL url = PeerFolder.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("test resource " + RESOURCE + " is missing from the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + RESOURCE + " has no file path: " + url, e);
        }
    }
}
