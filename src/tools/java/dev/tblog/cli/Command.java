package dev.tblog.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One sub-command of {@code java -jar tblog.jar}.
 *
 * <p>Thread contract: run on the main thread.
 */
public interface Command {
    /** The word that selects it. */
    String name();

    /** One line saying what it does. */
    String summary();

    /** The full usage text printed by {@code --help}. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the exit status
     * @throws UsageException bad arguments: Main prints the message and the usage, exit status 2
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
