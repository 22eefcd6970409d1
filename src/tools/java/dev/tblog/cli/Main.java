package dev.tblog.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar tblog.jar <command> [options]}: the command line.
 *
 * <p>Exit status: 0 success, 1 the command found a problem (e.g. corrupt records), 2 bad arguments.
 *
 * <p>Thread contract: main thread.
 */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(Command... commands) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    /** The command line's commands. */
    static Main standard() {
        return new Main(new DemoCommand(), new InspectCommand(), new StressCommand(), new JmhCommand());
    }

    public static void main(String[] args) {
        System.exit(standard().run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs a command line; returns the exit status. */
    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(usage());
            return args.isEmpty() ? 2 : 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("tblog: unknown command '" + args.get(0) + "'");
            err.print(usage());
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.usage());
            return 0;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("tblog " + command.name() + ": " + e.getMessage());
            err.println(command.usage());
            return 2;
        } catch (Exception e) {
            err.println("tblog " + command.name() + ": " + e);
            return 1;
        }
    }

    private String usage() {
        StringBuilder sb = new StringBuilder("usage: java -jar tblog.jar <command> [options]   (<command> --help for more)\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        sb.append("exit status: 0 success, 1 a problem found, 2 bad arguments\n");
        return sb.toString();
    }
}
