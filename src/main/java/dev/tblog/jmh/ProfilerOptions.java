package dev.tblog.jmh;

import dev.tblog.jmhruns.RunLayout;
import org.openjdk.jmh.profile.ProfilerException;

import java.nio.file.Path;

/**
 * The profiler's options, JMH's {@code -prof class:key=value;key=value} after the colon:
 * {@code logdir} (default {@code runs/jmh}) and {@code label} (default none). {@code help} or a bad
 * option throws {@link ProfilerException} with the usage, which JMH prints before running anything.
 *
 * <p>Thread contract: immutable, any thread.
 */
record ProfilerOptions(Path logdir, String label) {
    static final String USAGE = """
        Usage: -prof dev.tblog.jmh.TensorBoardProfiler[:logdir=DIR;label=NAME]
          logdir=DIR   the TensorBoard log folder (default runs/jmh); each benchmark and parameter
                       combination is the run DIR[/NAME]/<benchmark>/<mode,param=value,...>
          label=NAME   a folder for this run's results (a commit, a machine), so that several
                       runs of the suite compare side by side in one log folder (default: none)
        Then: tensorboard --logdir DIR""";

    static ProfilerOptions parse(String line) throws ProfilerException {
        Path logdir = Path.of("runs", "jmh");
        String label = null;
        for (String option : (line == null ? "" : line).split(";")) {
            if (option.isBlank()) {
                continue;
            }
            int eq = option.indexOf('=');
            String key = (eq < 0 ? option : option.substring(0, eq)).trim();
            String value = eq < 0 ? null : option.substring(eq + 1);
            if (key.equals("help")) {
                throw new ProfilerException(USAGE);
            }
            if (value == null || value.isEmpty()) {
                throw new ProfilerException("option '" + key + "' needs a value (key=value)\n" + USAGE);
            }
            try {
                switch (key) {
                    case "logdir" -> logdir = Path.of(value);
                    case "label" -> label = RunLayout.checkLabel(value);
                    default -> throw new ProfilerException("unknown option '" + key + "'\n" + USAGE);
                }
            } catch (IllegalArgumentException e) { // InvalidPathException is one
                throw new ProfilerException("bad " + key + " '" + value + "': " + e.getMessage() + "\n" + USAGE);
            }
        }
        return new ProfilerOptions(logdir, label);
    }
}
