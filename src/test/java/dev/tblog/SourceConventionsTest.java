package dev.tblog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The habits of the tree, checked on the sources: every test reads as behaviour ({@code shouldDoX}),
 * and every type of the library states its thread contract.
 */
class SourceConventionsTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path TEST = Path.of("src", "test", "java");
    private static final Pattern TEST_ANNOTATION =
        Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|Property|Example|TestFactory)\\b");
    private static final Pattern METHOD = Pattern.compile("\\bvoid (\\w+)\\(");
    private static final Pattern TOP_LEVEL_TYPE =
        Pattern.compile("(?m)^(public )?(final |sealed |abstract )*(class|interface|enum|record) (\\w+)");

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldNameEveryTestMethodAsABehaviourStartingWithShould() throws IOException {
        List<String> offenders = new ArrayList<>();
        int tests = 0;
        for (Path file : javaFiles(TEST)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!TEST_ANNOTATION.matcher(lines.get(i)).find()) {
                    continue;
                }
                for (int j = i + 1; j < Math.min(i + 8, lines.size()); j++) {
                    Matcher m = METHOD.matcher(lines.get(j));
                    if (m.find()) {
                        tests++;
                        if (!m.group(1).startsWith("should")) {
                            offenders.add(file.getFileName() + ": " + m.group(1));
                        }
                        break;
                    }
                }
            }
        }
        assertThat(tests).as("test methods found").isGreaterThan(100);
        assertThat(offenders).as("test methods not named shouldDoX").isEmpty();
    }

    @Test
    void shouldStateAThreadContractOnEveryTypeOfTheLibrary() throws IOException {
        List<String> offenders = new ArrayList<>();
        int types = 0;
        for (Path file : javaFiles(MAIN)) {
            String text = Files.readString(file);
            Matcher m = TOP_LEVEL_TYPE.matcher(text);
            if (file.getFileName().toString().equals("package-info.java") || !m.find()) {
                continue;
            }
            types++;
            String javadoc = text.substring(0, m.start());
            if (!javadoc.contains("Thread contract")) {
                offenders.add(MAIN.relativize(file).toString());
            }
        }
        assertThat(types).isGreaterThan(50);
        assertThat(offenders).as("types whose Javadoc has no 'Thread contract'").isEmpty();
    }
}
