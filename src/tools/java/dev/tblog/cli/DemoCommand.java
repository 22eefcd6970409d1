package dev.tblog.cli;

import dev.tblog.demo.DemoSimulation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code demo [--logdir DIR] [--trials N] [--runs K] [--seed S]}: runs the demo simulation and logs it.
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
        return "usage: tblog demo [--logdir DIR] [--trials N] [--runs K] [--seed S]\n"
            + "  Runs a sweep of K runs of a small simulation (a 10x10 sheet of rate neurons learning\n"
            + "  5x5 patterns with a competitive Hebbian rule) at different learning rates, in parallel,\n"
            + "  each logging scalars, images, histograms, figures, text and its parameters to\n"
            + "  DIR/sweep-<MonDD_HH-mm-ss>/lr-<rate>.\n"
            + "  --logdir DIR   log folder (default runs)\n"
            + "  --trials N     training trials per run, 1 to 100000 (default 200)\n"
            + "  --runs K       runs in the sweep, 1 to 64 (default 3)\n"
            + "  --seed S       random seed (default 42)\n"
            + "  exit status: 0 success, 1 the logger failed, 2 bad arguments";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of("--logdir", "--trials", "--runs", "--seed"), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("unexpected argument " + args.positionals().get(0));
        }
        Path logdir = Path.of(args.get("--logdir", "runs"));
        int trials = (int) args.getLong("--trials", 200, 1, 100_000);
        int runs = (int) args.getLong("--runs", 3, 1, 64);
        long seed = args.getLong("--seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        Path sweep = new DemoSimulation(logdir, trials, runs, seed, out).run();
        out.println("logs written to " + sweep);
        out.println("view them with: tensorboard --logdir " + logdir);
        return 0;
    }
}
