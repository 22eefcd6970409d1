package dev.tblog.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    static final Path DOCUMENTED = Path.of("config", "tblog.properties");

    @TempDir
    Path dir;

    static final Path README = Path.of("README.md");

    @Test
    void shouldDocumentEveryKeyTheCodeKnowsWithItsDefaultInTheConfigFile() throws IOException {
        String text = Files.readString(DOCUMENTED, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^#?\\s*([a-zA-Z]+(?:\\.[a-zA-Z]+)*)\\s*=\\s*(\\S*)\\s*$").matcher(text);
        Set<String> documented = new TreeSet<>();
        while (m.find()) {
            ConfigKey<?> key = ConfigKey.byName(m.group(1));
            assertThat(key).as("documented key %s is known to the code", m.group(1)).isNotNull();
            assertThat(m.group(2)).as("default of %s", key).isEqualTo(key.defaultText());
            documented.add(m.group(1));
        }
        Set<String> known = new TreeSet<>();
        for (ConfigKey<?> key : ConfigKey.ALL) {
            known.add(key.name());
        }
        assertThat(documented).isEqualTo(known);
    }

    /** The README's table: one row per key, in the order of {@link ConfigKey#ALL}, each cell from the key. */
    @Test
    void shouldDocumentEveryKeyInTheReadmeTableAsTheKeySaysIt() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## Configuration\n");
        assertThat(section).as("the README's configuration section").isPositive();
        int next = readme.indexOf("\n## ", section + 1);
        Matcher m = Pattern.compile("(?m)^\\| `([a-zA-Z.]+)` \\| (.*?) \\| (.*?) \\|$")
            .matcher(readme.substring(section, next < 0 ? readme.length() : next));
        List<String> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3));
        }
        List<String> expected = new ArrayList<>();
        for (ConfigKey<?> key : ConfigKey.ALL) {
            expected.add(key.name() + " | " + key.defaultText() + " | " + key.doc());
        }
        assertThat(rows).isEqualTo(expected);
    }

    /** Every key constant is in ALL, once, and the typed getter of each returns what the key parses. */
    @Test
    void shouldListEveryKeyOnceAndReadEachThroughItsTypedGetter() throws Exception {
        List<ConfigKey<?>> declared = new ArrayList<>();
        for (Field f : ConfigKey.class.getFields()) {
            if (f.getType() == ConfigKey.class) {
                declared.add((ConfigKey<?>) f.get(null));
            }
        }
        assertThat(ConfigKey.ALL).containsExactlyInAnyOrderElementsOf(declared).doesNotHaveDuplicates();
        Map<String, String> nonDefaults = Map.of("ring.size", "1024", "ring.waitStrategy", "yielding",
            "ring.producerType", "single", "overflow.policy", "drop", "overflow.stallTimeoutMillis", "5",
            "payload.maxPendingBytes", "65536", "image.maxPixels", "7", "image.pngCompressionLevel", "9",
            "histogram.consumerBinMaxValues", "3", "write.thresholdBytes", "4096");
        Map<String, String> more = Map.of("scalars.maxSubRuns", "7", "file.maxBytes", "65536",
            "file.maxAgeMillis", "250", "logdir", "hdfs://nn:8020/runs", "selfMetrics.enabled", "true",
            "selfMetrics.intervalMillis", "100", "fsync.policy", "flush", "shutdownHook.enabled", "false",
            "shutdown.timeoutMillis", "9", "write.coalesceSteps", "false");
        Map<String, String> evenMore = Map.of("ring.producersTakeTurns", "false");
        TblogConfig config = TblogConfig.defaults().with(nonDefaults).with(more).with(evenMore);
        for (ConfigKey<?> key : ConfigKey.ALL) {
            String text = nonDefaults.containsKey(key.name()) ? nonDefaults.get(key.name())
                : more.containsKey(key.name()) ? more.get(key.name()) : evenMore.get(key.name());
            assertThat(text).as("the test sets %s", key).isNotNull();
            assertThat((Object) config.get(key)).as(key.name()).isEqualTo(key.parse(text))
                .isNotEqualTo(key.defaultValue());
            assertThat(TblogConfig.defaults().get(key)).isEqualTo(key.defaultValue());
            assertThat(config.toString()).contains(key.name() + "=" + text);
        }
        assertThat(config.ringSize()).isEqualTo(1024);
        assertThat(config.overflowStallTimeoutMillis()).isEqualTo(5L);
        assertThat(config.fsyncPolicy()).isEqualTo(FsyncPolicy.FLUSH);
        assertThat(config.shutdownHook()).isFalse();
        assertThat(config.producersTakeTurns()).isFalse();
        assertThat(config.writeCoalesceSteps()).isFalse();
    }

    @Test
    void shouldLoadTheDocumentedFileAsItIs() {
        TblogConfig config = ConfigLoader.load(Map.of("tblog.config", DOCUMENTED.toString()), Map.of(), null);
        assertThat(config.toString()).isEqualTo(TblogConfig.defaults().toString().replace("from defaults",
            "from file " + DOCUMENTED));
    }

    @Test
    void shouldPreferTheFileNamedBySystemPropertyOverTheEnvironmentAndLetSystemPropertiesOverrideKeys() throws IOException {
        Path byProperty = write("a.properties", "ring.size=1024\noverflow.policy=drop\n");
        Path byEnv = write("b.properties", "ring.size=2048\n");
        TblogConfig config = ConfigLoader.load(
            Map.of("tblog.config", byProperty.toString(), "tblog.overflow.policy", "block"),
            Map.of("TBLOG_CONFIG", byEnv.toString()), null);
        assertThat(config.ringSize()).isEqualTo(1024);
        assertThat(config.overflowPolicy()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(config.source()).contains(byProperty.toString()).contains("system properties");
    }

    @Test
    void shouldUseTheEnvironmentVariableWithoutTheSystemProperty() throws IOException {
        Path byEnv = write("b.properties", "ring.size=2048\n");
        TblogConfig config = ConfigLoader.load(Map.of(), Map.of("TBLOG_CONFIG", byEnv.toString()), null);
        assertThat(config.ringSize()).isEqualTo(2048);
    }

    @Test
    void shouldUseTheClassPathResourceWhenNoFileIsNamed() throws IOException {
        write("tblog.properties", "fsync.policy=never\n");
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null);
        TblogConfig config = ConfigLoader.load(Map.of(), Map.of(), loader);
        assertThat(config.fsyncPolicy()).isEqualTo(FsyncPolicy.NEVER);
    }

    @Test
    void shouldUseTheDefaultsWhenNothingIsFound() {
        TblogConfig config = ConfigLoader.load(Map.of(), Map.of(), null);
        assertThat(config.ringSize()).isEqualTo(65536);
        assertThat(config.overflowPolicy()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(config.waitStrategy()).isEqualTo(WaitStrategyChoice.PARKING);
    }

    @Test
    void shouldFailOnAnUnknownKeyInAFileNamingTheKey() throws IOException {
        Path file = write("x.properties", "ring.sise=1024\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("tblog.config", file.toString()), Map.of(), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ring.sise");
    }

    @Test
    void shouldFailOnAMissingNamedFile() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("tblog.config", "/no/such/file"), Map.of(), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/no/such/file");
    }

    @ParameterizedTest
    @CsvSource({
        "ring.size, 1000, power of two",
        "ring.size, -64, power of two",
        "ring.size, many, power of two",
        "ring.waitStrategy, spinning, sleeping",
        "overflow.policy, lose, block",
        "write.thresholdBytes, 10, 4096",
        "fsync.policy, always, never",
        "shutdownHook.enabled, yes, true or false",
        "shutdown.timeoutMillis, 0, 1 to",
    })
    void badValueFailsNamingKeyValueAndWhatIsAllowed(String key, String value, String allowedHint) {
        assertThatThrownBy(() -> TblogConfig.defaults().with(Map.of(key, value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key).hasMessageContaining("'" + value + "'").hasMessageContaining(allowedHint);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
