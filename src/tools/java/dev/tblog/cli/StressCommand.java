package dev.tblog.cli;

import dev.tblog.config.ConfigLoader;
import dev.tblog.config.TblogConfig;
import dev.tblog.stress.EventMix;
import dev.tblog.stress.StressReport;
import dev.tblog.stress.StressRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code stress}: drives the real logger with a config and prints what it sustains.
 *
 * <p>Thread contract: main thread.
 */
final class StressCommand implements Command {
    @Override
    public String name() {
        return "stress";
    }

    @Override
    public String summary() {
        return "measure what a config file buys on this machine (events/s, latency, drops, memory)";
    }

    @Override
    public String usage() {
        return "usage: tblog stress [--config FILE] [--producers P] [--seconds S] [--mix KIND=W,...]\n"
            + "                    [--policy block|drop] [--logdir DIR]\n"
            + "  Runs P threads logging as fast as they can for S seconds through a real logger built\n"
            + "  from the config file, then closes it and prints: sustained events/s and bytes/s (first\n"
            + "  call to end of close), producer-side latency p50/p99/p99.9/max, drops by kind, lost,\n"
            + "  peak heap and RSS, and whether published == written + dropped + lost.\n"
            + "  --config FILE     a tblog.properties (default: built-in defaults, -Dtblog.* overrides)\n"
            + "  --producers P     producer threads, 1 to 256 (default 4)\n"
            + "  --seconds S       run time, 1 to 3600 (default 10)\n"
            + "  --mix KIND=W,...  share of kinds scalar, image (100x100 floats), histogram (10,000\n"
            + "                    doubles), text (default scalar=100)\n"
            + "  --policy P        override overflow.policy: block or drop\n"
            + "  --logdir DIR      where to write (default: a temporary folder, deleted afterwards)\n"
            + "  exit status: 0 counts add up, 1 they do not or the run failed, 2 bad arguments";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments,
            Set.of("--config", "--producers", "--seconds", "--mix", "--policy", "--logdir"), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("unexpected argument " + args.positionals().get(0));
        }
        int producers = (int) args.getLong("--producers", 4, 1, 256);
        int seconds = (int) args.getLong("--seconds", 10, 1, 3600);
        EventMix mix;
        TblogConfig config;
        try {
            mix = EventMix.parse(args.get("--mix", "scalar=100"));
            config = args.has("--config")
                ? TblogConfig.defaults().with(ConfigLoader.readFile(Path.of(args.get("--config", "")), "--config"))
                : ConfigLoader.load();
            if (args.has("--policy")) {
                config = config.with(Map.of("overflow.policy", args.get("--policy", "")));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        boolean temporary = !args.has("--logdir");
        Path logdir = temporary ? Files.createTempDirectory("tblog-stress") : Path.of(args.get("--logdir", ""));
        try {
            out.printf("stress: %d producer(s), %d s, mix %s, policy %s%n", producers, seconds, mix,
                config.overflowPolicy());
            StressReport report = new StressRun(config, logdir, producers, seconds, mix).run();
            report.print(out);
            return report.countsAddUp() ? 0 : 1;
        } finally {
            if (temporary) {
                deleteTree(logdir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
