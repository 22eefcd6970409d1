package dev.tblog.jmhruns;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLayoutTest {
    private static TrialKey key(String mode, String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return new TrialKey("dev.tblog.bench.RingSizeBenchmark.producers1", mode, params);
    }

    @Test
    void shouldPutEachRunUnderItsBenchmarkWithTheModeThenTheParametersSortedByName() {
        Path run = RunLayout.runDir(Path.of("runs", "jmh"), null, key("thrpt", "wait", "sleeping", "ringSize", "1024"));
        assertThat(run).isEqualTo(Path.of("runs", "jmh", "dev.tblog.bench.RingSizeBenchmark.producers1",
            "thrpt,ringSize=1024,wait=sleeping"));
        assertThat(RunLayout.runDir(Path.of("runs"), null, key("avgt")).getFileName()).isEqualTo(Path.of("avgt"));
    }

    @Test
    void shouldPutALabelsRunsInAFolderOfTheLabelBelowTheLogFolder() {
        assertThat(RunLayout.runDir(Path.of("runs"), "before", key("ss", "n", "1")))
            .isEqualTo(Path.of("runs", "before", "dev.tblog.bench.RingSizeBenchmark.producers1", "ss,n=1"));
        assertThat(RunLayout.runsRoot(Path.of("runs"), null)).isEqualTo(Path.of("runs"));
    }

    @Test
    void shouldWriteEveryCharacterOutsideTheSafeSetAsPercentEncodedUtf8() {
        String folder = RunLayout.paramsFolder(key("thrpt", "path", "a/b c,d=e%", "name", "Zürich"));
        assertThat(folder).isEqualTo("thrpt,name=Z%C3%BCrich,path=a%2Fb%20c%2Cd%3De%25");
        assertThat(folder).matches("[A-Za-z0-9._+\\-%,=]+");
    }

    @Test
    void shouldGiveDifferentCombinationsDifferentFolders() {
        // Values holding the separators must not make two combinations one folder.
        List<TrialKey> keys = List.of(key("thrpt", "a", "1,b=2"), key("thrpt", "a", "1", "b", "2"),
            key("thrpt", "a", "1=b,2"), key("avgt", "a", "1", "b", "2"), key("thrpt", "a", "1", "b", "2 "));
        Set<String> folders = new HashSet<>();
        keys.forEach(k -> folders.add(RunLayout.paramsFolder(k)));
        assertThat(folders).hasSize(keys.size());
    }

    @Test
    void shouldShortenALongNameWithAHashOfTheWholeName() {
        String longValue = "x".repeat(300);
        String a = RunLayout.paramsFolder(key("thrpt", "data", longValue + "a"));
        String b = RunLayout.paramsFolder(key("thrpt", "data", longValue + "b"));
        assertThat(a).hasSize(RunLayout.KEPT_CHARS + 17).startsWith("thrpt,data=xxx").contains("~");
        assertThat(a).isNotEqualTo(b);
        assertThat(RunLayout.paramsFolder(key("thrpt", "data", longValue + "a"))).as("the same every time").isEqualTo(a);
        assertThat(RunLayout.paramsFolder(key("thrpt", "data", "x".repeat(150))).length())
            .as("a name that fits is kept whole").isEqualTo("thrpt,data=".length() + 150);
    }

    @Test
    void shouldRefuseALabelThatIsNotAFolderName() {
        for (String bad : new String[] {"", ".", "..", "a/b", "a\\b", "c:", "tab\there"}) {
            assertThatThrownBy(() -> RunLayout.checkLabel(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label");
        }
        assertThatThrownBy(() -> RunLayout.checkLabel(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RunLayout.checkLabel("commit-0a1b2c3 (x86)")).isEqualTo("commit-0a1b2c3 (x86)");
    }
}
