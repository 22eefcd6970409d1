package dev.tblog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public API packages, read from the one place that lists them: the module descriptor
 * {@code src/module/module-info.java}, whose {@code exports} lines are the API. The tests that name
 * the API packages ({@link ApiBoundaryTest}, {@link ModuleExportsTest}) take them from here.
 */
final class ExportedPackages {
    static final Path MODULE_INFO = Path.of("src", "module", "module-info.java");

    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern EXPORTS = Pattern.compile("\\bexports\\s+([\\w.]+)\\s*(\\bto\\b[^;]*)?;");

    /** The packages module-info.java exports, sorted. */
    static final Set<String> ALL = read(MODULE_INFO);

    private ExportedPackages() {
    }

    /** The packages a module descriptor's source exports; a qualified export is not an API and fails. */
    static Set<String> read(Path moduleInfo) {
        String source;
        try {
            source = COMMENT.matcher(Files.readString(moduleInfo)).replaceAll(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> packages = new TreeSet<>();
        Matcher m = EXPORTS.matcher(source);
        while (m.find()) {
            if (m.group(2) != null) {
                throw new IllegalStateException(moduleInfo + ": a qualified export is not an API: " + m.group());
            }
            packages.add(m.group(1));
        }
        if (packages.isEmpty()) {
            throw new IllegalStateException(moduleInfo + " exports nothing");
        }
        return Collections.unmodifiableSet(packages);
    }
}
