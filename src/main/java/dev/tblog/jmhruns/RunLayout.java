package dev.tblog.jmhruns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where each JMH result goes, the same for the profiler and the converter, so that their runs
 * compare:
 * <pre>
 * runs/jmh/                                              the log folder (logdir=, --logdir)
 *   events.out.tfevents.0000000000.sweep                 the declared sweep: HPARAMS's columns
 *   dev.tblog.bench.RingSizeBenchmark.producers1/        one folder per benchmark
 *     thrpt,ringSize=1024/                               a run per mode and @Param combination
 *     thrpt,ringSize=65536/
 *   before/dev.tblog.bench.RingSizeBenchmark.producers1/thrpt,ringSize=1024/   with label=before
 * </pre>
 *
 * <p>The run's folder starts with the mode's short label (JMH's Mode column), then each
 * {@code name=value} sorted by name, separated by commas; a benchmark without parameters is just
 * {@code thrpt}. Every character other than letters, digits and {@code . _ + -} is written as
 * {@code %XX} (its UTF-8 bytes; a comma or {@code =} inside a value too), so names are safe on any
 * file system and tell apart every combination. A name past {@value #MAX_NAME_CHARS} characters
 * keeps its first {@value #KEPT_CHARS} and ends with {@code ~} and 16 hex digits of its SHA-256.
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class RunLayout {
    /** The longest folder name written whole (file systems allow 255 bytes). */
    static final int MAX_NAME_CHARS = 200;
    /** What a longer name keeps before its hash. */
    static final int KEPT_CHARS = 180;

    private RunLayout() {
    }

    /** The run folder of a result: {@code logdir[/label]/<benchmark>/<mode,name=value,...>}. */
    public static Path runDir(Path logdir, String label, TrialKey key) {
        return runsRoot(logdir, label).resolve(folderName(key.benchmark())).resolve(paramsFolder(key));
    }

    /** The folder that holds the benchmark folders: the log folder, or its label's sub-folder. */
    public static Path runsRoot(Path logdir, String label) {
        return label == null ? logdir : logdir.resolve(checkLabel(label));
    }

    /** The run's folder name below its benchmark's: e.g. {@code thrpt,ringSize=1024,wait=sleeping}. */
    public static String paramsFolder(TrialKey key) {
        StringBuilder name = new StringBuilder(escape(key.mode()));
        for (Map.Entry<String, String> p : key.params().entrySet()) {
            name.append(',').append(escape(p.getKey())).append('=').append(escape(p.getValue()));
        }
        return shorten(name.toString());
    }

    /** A benchmark's folder name: its name, escaped. */
    static String folderName(String benchmark) {
        return shorten(escape(benchmark));
    }

    /**
     * A label as a folder name, unchanged.
     *
     * @throws IllegalArgumentException a null or empty label, {@code .} or {@code ..}, a label with
     *     {@code /}, {@code \}, {@code :} or a control character
     */
    public static String checkLabel(String label) {
        if (label == null || label.isEmpty() || label.equals(".") || label.equals("..")) {
            throw new IllegalArgumentException("a label must be a folder name, got '" + label + "'");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("a label must be a folder name without '/', '\\', ':' or control "
                    + "characters, got '" + label + "'");
            }
        }
        return label;
    }

    /** Letters, digits and {@code . _ + -} as they are; every other character as {@code %XX} per UTF-8 byte. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                || c == '+' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static String shorten(String name) {
        if (name.length() <= MAX_NAME_CHARS) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, KEPT_CHARS) + "~" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
