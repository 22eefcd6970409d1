package dev.tblog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link in README.md, docs/*.md and benchmarks/RESULTS.md points at a file or folder that exists. */
class DocLinksTest {
    /** A Markdown link or image: {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void shouldResolveEveryRelativeLinkOfTheDocumentation() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("benchmarks", "RESULTS.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : documents) {
            Matcher m = LINK.matcher(Files.readString(document));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // http:, https:, mailto: or an anchor in the same file
                }
                links++;
                String path = target.replaceFirst("#.*$", "");
                Path parent = document.getParent() == null ? Path.of(".") : document.getParent();
                if (!Files.exists(parent.resolve(path).normalize())) {
                    broken.add(document + " -> " + target);
                }
            }
        }
        assertThat(links).as("relative links found").isPositive();
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }
}
