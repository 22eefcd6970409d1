package dev.tblog.read;

import java.util.List;

/**
 * Renders inspection reports as text for people or JSON for programs.
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class InspectFormat {
    private InspectFormat() {
    }

    /**
     * A readable report: per run, its files, record count, tags, errors and torn tails.
     *
     * @param runs what {@link LogInspector#inspect} found
     * @return the report, one line per run, tag, error and torn tail
     */
    public static String text(List<RunReport> runs) {
        StringBuilder sb = new StringBuilder();
        for (RunReport run : runs) {
            sb.append("run ").append(run.name()).append(": ").append(run.files().size()).append(" file(s), ")
                .append(run.records()).append(" records\n");
            for (TagSummary t : run.tags().values()) {
                sb.append(String.format("  %-40s %-9s %8d values  steps %d..%d%s%n", t.tag(), t.kind(), t.count(),
                    t.firstStep(), t.lastStep(), t.detail().isEmpty() ? "" : "  (" + t.detail() + ")"));
            }
            for (String e : run.errors()) {
                sb.append("  ERROR ").append(e).append('\n');
            }
            for (String t : run.tornTails()) {
                sb.append("  torn last record (crash mid-write; not an error): ").append(t).append('\n');
            }
        }
        long sessions = LogInspector.sessions(runs);
        if (sessions > 0) {
            sb.append(sessions).append(" hparams session(s)\n");
        }
        sb.append(LogInspector.sound(runs) ? "every record sound\n" : "CORRUPT records found\n");
        return sb.toString();
    }

    /**
     * The same as JSON: {@code {"sound":…, "runs":[{"name":…, "files":[…], "records":…, "tags":[…], …}]}}.
     *
     * @param runs what {@link LogInspector#inspect} found
     * @return one JSON object
     */
    public static String json(List<RunReport> runs) {
        StringBuilder sb = new StringBuilder("{\"sound\":").append(LogInspector.sound(runs))
            .append(",\"hparamsSessions\":").append(LogInspector.sessions(runs)).append(",\"runs\":[");
        for (int r = 0; r < runs.size(); r++) {
            RunReport run = runs.get(r);
            sb.append(r == 0 ? "" : ",").append("{\"name\":").append(quote(run.name())).append(",\"files\":[");
            for (int f = 0; f < run.files().size(); f++) {
                sb.append(f == 0 ? "" : ",").append(quote(run.files().get(f).toString()));
            }
            sb.append("],\"records\":").append(run.records()).append(",\"tags\":[");
            int i = 0;
            for (TagSummary t : run.tags().values()) {
                sb.append(i++ == 0 ? "" : ",").append("{\"tag\":").append(quote(t.tag()))
                    .append(",\"kind\":").append(quote(t.kind())).append(",\"count\":").append(t.count())
                    .append(",\"firstStep\":").append(t.firstStep()).append(",\"lastStep\":").append(t.lastStep())
                    .append(",\"detail\":").append(quote(t.detail())).append('}');
            }
            sb.append("],\"errors\":").append(strings(run.errors())).append(",\"tornTails\":")
                .append(strings(run.tornTails())).append('}');
        }
        return sb.append("]}").toString();
    }

    private static String strings(List<String> list) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(list.get(i)));
        }
        return sb.append(']').toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
