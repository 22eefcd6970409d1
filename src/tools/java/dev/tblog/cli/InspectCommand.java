package dev.tblog.cli;

import dev.tblog.read.InspectFormat;
import dev.tblog.read.LogInspector;
import dev.tblog.read.RunReport;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code inspect PATH|URI [--json]}: a local path, or a URI ({@code hdfs://nn:8020/runs},
 * {@code s3a://bucket/runs}: through Hadoop's FileSystem, when it is on the class path); per run, files, records, tags with kind, count and step range,
 * CRC errors and torn tails. Exit 0 when every record is sound, 1 otherwise.
 *
 * <p>Thread contract: main thread.
 */
final class InspectCommand implements Command {
    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "check and describe a log folder or event file";
    }

    @Override
    public String usage() {
        return "usage: tblog inspect PATH|URI [--json]\n"
            + "  Reads every event file under PATH (a log folder or one file; or a URI such as\n"
            + "  hdfs://nn:8020/runs or s3a://bucket/runs, read through Hadoop's FileSystem, whose client\n"
            + "  jars must then be on the class path), checks both CRCs of every\n"
            + "  record, and prints per run: files, records, and per tag its kind, count, first and last\n"
            + "  step; CRC errors with file and offset; torn last records (a crash mid-write: not errors).\n"
            + "  --json   print JSON instead of text\n"
            + "  exit status: 0 every record sound, 1 corrupt records, 2 bad arguments or unreadable PATH";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of(), Set.of("--json"));
        if (args.positionals().size() != 1) {
            throw new UsageException("inspect needs exactly one PATH or URI");
        }
        String where = args.positionals().get(0);
        URI uri = uriOrNull(where);
        List<RunReport> runs;
        try {
            runs = uri != null ? LogInspector.inspect(uri) : LogInspector.inspect(Path.of(where));
        } catch (java.io.IOException | IllegalArgumentException e) {
            err.println("tblog inspect: " + e.getMessage());
            return 2;
        }
        out.print(args.has("--json") ? InspectFormat.json(runs) + "\n" : InspectFormat.text(runs));
        return LogInspector.sound(runs) ? 0 : 1;
    }

    /** The argument as a URI when it names a scheme of two letters or more (C: is a Windows drive), else null. */
    private static URI uriOrNull(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && uri.getScheme().length() > 1 ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
