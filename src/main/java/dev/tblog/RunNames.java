package dev.tblog;

import dev.tblog.record.Hosts;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Default run folder names, as the Python writers make them: {@code <MonDD_HH-mm-ss>_<hostname>},
 * English month, local time, e.g. {@code Apr22_12-11-22_machine}.
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class RunNames {
    /** The log folder used when none is given. */
    public static final Path DEFAULT_LOGDIR = Path.of("runs");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", Locale.ENGLISH);

    private RunNames() {
    }

    /** The run folder name for a logger created at {@code time}. */
    public static String defaultRunName(LocalDateTime time) {
        return timestamp(time) + '_' + Hosts.name();
    }

    /** {@code time} as run names show it, e.g. {@code Apr22_12-11-22}. */
    public static String timestamp(LocalDateTime time) {
        return FORMAT.format(time);
    }
}
