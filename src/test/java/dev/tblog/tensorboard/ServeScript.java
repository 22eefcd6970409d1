package dev.tblog.tensorboard;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code shared/tools/tensorboard/serve.sh LOGDIR PORT}, the peer's launcher of TensorBoard's own
 * backend: found in {@code shared/} beside the checkout, in the nearest parent folder of the working
 * directory that holds it (as {@link dev.tblog.PeerFolder} finds the peer's logs), and run once per
 * server. It prints the server's pid once the whole folder is loaded and exits; the server lives on
 * in its own session until it is killed.
 *
 * <p>Thread contract: stateless; {@link #run} blocks its caller until the script exits.
 */
final class ServeScript {
    /** serve.sh's exit status when its bundle or Debian packages cannot be had: skip, do not fail. */
    static final int UNAVAILABLE = 3;

    private static final Path RELATIVE = Path.of("shared", "tools", "tensorboard", "serve.sh");

    private ServeScript() {
    }

    /** serve.sh in {@code shared/} of the nearest parent folder of the working directory, if any. */
    static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(RELATIVE);
            if (Files.isRegularFile(script)) {
                return Optional.of(script);
            }
        }
        return Optional.empty();
    }

    /** Where {@link #find()} looks, for a skip message. */
    static String searched() {
        return RELATIVE + " in the parents of " + Path.of("").toAbsolutePath();
    }

    /**
     * What one run of the script ended with.
     *
     * @param exitCode the script's exit status ({@code -1} when it ran past the timeout and was killed)
     * @param pid the server's pid when {@code exitCode == 0}
     * @param stderr what the script said on standard error (its reason on failure)
     */
    record Outcome(int exitCode, long pid, String stderr) {
        boolean started() {
            return exitCode == 0 && pid > 0;
        }
    }

    /**
     * Runs {@code script LOGDIR PORT} and waits for it (a first run may install Debian packages:
     * minutes). On a timeout the script and whatever it started are killed.
     */
    static Outcome run(Path script, Path logdir, int port, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tblog-serve-", ".out");
        Path err = Files.createTempFile("tblog-serve-", ".err");
        try {
            Process process = new ProcessBuilder(List.of("bash", script.toString(), logdir.toString(),
                Integer.toString(port)))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Outcome(-1, 0, "serve.sh did not return within " + timeout + "; killed. "
                    + Files.readString(err, StandardCharsets.UTF_8));
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8).trim();
            String stderr = Files.readString(err, StandardCharsets.UTF_8).trim();
            int exit = process.exitValue();
            if (exit == 0 && !printed.matches("\\d+")) {
                return new Outcome(1, 0, "serve.sh exited 0 but printed '" + printed + "', not a pid. " + stderr);
            }
            return new Outcome(exit, exit == 0 ? Long.parseLong(printed) : 0, stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
