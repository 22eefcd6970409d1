package dev.tblog.cli;

import dev.tblog.demo.DemoSimulation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code demo [--logdir DIR] [--trials N] [--seed S]}: runs the demo simulation and logs it.
 *
 * <p>Thread contract: main thread.
 */
final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run a small simulation that logs to ./runs, then open TensorBoard on it";
    }

    @Override
    public String usage() {
        return "usage: tblog demo [--logdir DIR] [--trials N] [--seed S]\n"
            + "  Runs a small simulation and logs it with tblog.\n"
            + "  --logdir DIR   log folder (default runs)\n"
            + "  --trials N     training trials (default 200)\n"
            + "  --seed S       random seed (default 42)\n"
            + "  exit status: 0 success, 1 the logger failed, 2 bad arguments";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("--logdir", "--trials", "--seed"), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("unexpected argument " + args.positionals().get(0));
        }
        Path logdir = Path.of(args.get("--logdir", "runs"));
        int trials = (int) args.getLong("--trials", 200, 1, 1_000_000);
        long seed = args.getLong("--seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        Path run = new DemoSimulation(logdir, trials, seed, out).run();
        out.println("logs written to " + run);
        out.println("view them with: tensorboard --logdir " + logdir);
        return 0;
    }
}
