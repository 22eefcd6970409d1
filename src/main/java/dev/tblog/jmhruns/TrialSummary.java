package dev.tblog.jmhruns;

import java.util.Locale;
import java.util.Map;

/**
 * A run's summary for the TEXT tab, in Markdown: its results as JMH's table shows them (score ±
 * error, unit; each secondary result), how it ran (forks, iterations, threads), the JMH and JVM
 * versions, the JVM's options and the machine. Example (abridged):
 * <pre>
 * **dev.tblog.bench.RingSizeBenchmark.producers1** · thrpt · ringSize=1024
 *
 * | result | score | ± error (99.9%) | unit |
 * |---|--:|--:|---|
 * | score | 17.31 | 0.4203 | ops/us |
 *
 * | setting | value |
 * |---|---|
 * | forks | 1 |
 * ...
 * </pre>
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class TrialSummary {
    private TrialSummary() {
    }

    /**
     * @param machine the machine it ran on, or {@code null} when unknown (JMH's JSON does not say)
     * @param label the runs' label, or {@code null}
     * @param source what wrote the run: the profiler, or the converter and its file
     */
    public static String markdown(TrialKey key, Estimate primary, Map<String, Estimate> secondaries,
                                  TrialSettings settings, String machine, String label, String source) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(cell(key.benchmark())).append("** · ").append(cell(key.mode()));
        key.params().forEach((name, value) -> md.append(" · ").append(cell(name)).append('=').append(cell(value)));
        md.append("\n\n| result | score | ± error (99.9%) | unit |\n|---|--:|--:|---|\n");
        row(md, "score", primary);
        secondaries.forEach((name, estimate) -> row(md, JmhTags.secondaryName(name), estimate));
        md.append("\n| setting | value |\n|---|---|\n");
        setting(md, "forks", Integer.toString(settings.forks()));
        setting(md, "warm-up", settings.warmupIterations() + " × " + settings.warmupTime());
        setting(md, "measurement", settings.measurementIterations() + " × " + settings.measurementTime());
        setting(md, "threads", Integer.toString(settings.threads()));
        setting(md, "JMH", settings.jmhVersion());
        setting(md, "JDK", settings.jdkVersion() + ", " + settings.vmName() + " " + settings.vmVersion());
        setting(md, "JVM", settings.jvm());
        setting(md, "JVM options", settings.jvmArgs().isEmpty() ? "none" : "`" + String.join(" ", settings.jvmArgs()) + "`");
        setting(md, "machine", machine == null ? "not recorded (JMH's JSON does not say)" : machine);
        if (label != null) {
            setting(md, "label", label);
        }
        setting(md, "written by", source);
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Estimate e) {
        md.append("| ").append(cell(name)).append(" | ").append(number(e.score())).append(" | ")
            .append(number(e.error())).append(" | ").append(cell(e.unit())).append(" |\n");
    }

    private static void setting(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    /** Four significant digits, as a table cell; NaN as {@code –}. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v != 0 && (Math.abs(v) >= 1e7 || Math.abs(v) < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** Text safe in a table cell: {@code |} escaped, line breaks as spaces. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
