package dev.tblog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API packages are listed once, by the {@code exports} of {@code src/module/module-info.java}
 * ({@link ExportedPackages}); everything else that names them must say the same: the javadoc
 * plugin's package list in pom.xml, the README (what the jar contains, the package table),
 * docs/architecture.md and the JPMS compatibility app, which checks the module as users get it.
 */
class ModuleExportsTest {
    private static final Pattern BACKTICKED_PACKAGE = Pattern.compile("`(dev\\.tblog(?:\\.\\w+)*)`");

    @Test
    void shouldExportPackagesThatHoldClassesOfTheLibrary() throws IOException {
        assertThat(ExportedPackages.ALL).contains("dev.tblog");
        for (String pkg : ExportedPackages.ALL) {
            Path dir = Path.of("target", "classes").resolve(pkg.replace('.', '/'));
            assertThat(dir).as("exported package %s", pkg).isDirectory();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.filter(f -> f.toString().endsWith(".class")).count())
                    .as("classes of exported package %s", pkg).isPositive();
            }
        }
    }

    @Test
    void shouldDocumentExactlyTheExportedPackagesInTheJavadocJar() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("<sourceFileInclude>([\\w/]+)/\\*\\.java</sourceFileInclude>").matcher(pom);
        while (m.find()) {
            documented.add(m.group(1).replace('/', '.'));
        }
        assertThat(documented).as("the javadoc plugin's sourceFileIncludes in pom.xml")
            .containsExactlyInAnyOrderElementsOf(ExportedPackages.ALL);
    }

    @Test
    void shouldNameExactlyTheExportedPackagesWhereTheReadmeSaysWhatTheJarContains() throws IOException {
        String section = section(Files.readString(Path.of("README.md")), "### What the jar contains");
        Matcher list = Pattern.compile("exports the API packages\\s*\\(([^)]*)\\)").matcher(section);
        assertThat(list.find()).as("'exports the API packages (...)' in README's 'What the jar contains'").isTrue();
        assertThat(backticked(list.group(1))).containsExactlyInAnyOrderElementsOf(ExportedPackages.ALL);
    }

    @Test
    void shouldMarkExactlyTheExportedPackagesAsApiInTheReadmesPackageTable() throws IOException {
        Set<String> api = new TreeSet<>();
        Set<String> internal = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]*) \\|").matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            Set<String> named = backticked(row.group(1));
            (row.group(1).contains("(API)") ? api : internal).addAll(named);
        }
        assertThat(api).as("README table rows marked (API)").containsExactlyInAnyOrderElementsOf(ExportedPackages.ALL);
        assertThat(internal).as("README table rows not marked (API)").doesNotContainAnyElementsOf(ExportedPackages.ALL)
            .isNotEmpty();
    }

    @Test
    void shouldNameExactlyTheExportedPackagesInTheArchitectureNotes() throws IOException {
        String notes = Files.readString(Path.of("docs", "architecture.md"));
        Matcher list = Pattern.compile("the packages the module exports\\s*\\(([^)]*)\\)").matcher(notes);
        assertThat(list.find()).as("'the packages the module exports (...)' in docs/architecture.md").isTrue();
        assertThat(backticked(list.group(1))).containsExactlyInAnyOrderElementsOf(ExportedPackages.ALL);
    }

    @Test
    void shouldCheckExactlyTheExportedPackagesInTheJpmsApp() throws IOException {
        String app = Files.readString(Path.of("src", "it", "jpms", "src", "main", "java", "app", "Main.java"));
        Matcher api = Pattern.compile("Set<String> API = Set\\.of\\(([^)]*)\\)").matcher(app);
        assertThat(api.find()).as("the JPMS app's API = Set.of(...)").isTrue();
        Set<String> checked = new TreeSet<>();
        Matcher quoted = Pattern.compile("\"([\\w.]+)\"").matcher(api.group(1));
        while (quoted.find()) {
            checked.add(quoted.group(1));
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(ExportedPackages.ALL);
    }

    @Test
    void shouldRejectAQualifiedExportAsAnApi(@TempDir Path dir) throws IOException {
        Path moduleInfo = dir.resolve("module-info.java");
        Files.writeString(moduleInfo, "module m {\n    exports a.b; // the API\n    /* exports c.d; */\n}\n");
        assertThat(ExportedPackages.read(moduleInfo)).containsExactly("a.b");
        Files.writeString(moduleInfo, "module m {\n    exports a.b;\n    exports c.d to other.module;\n}\n");
        assertThatThrownBy(() -> ExportedPackages.read(moduleInfo))
            .hasMessageContaining("qualified export").hasMessageContaining("c.d");
    }

    /** The text from the heading that starts with {@code heading} to the next heading. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading);
        assertThat(start).as("README heading %s...", heading).isNotNegative();
        int end = markdown.indexOf("\n#", start + heading.length());
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static Set<String> backticked(String text) {
        Set<String> packages = new TreeSet<>();
        Matcher m = BACKTICKED_PACKAGE.matcher(text);
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }
}
