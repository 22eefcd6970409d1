package dev.tblog.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Finds and reads the configuration. The first that exists wins: the file named by the system
 * property {@code tblog.config}, the file named by the environment variable {@code TBLOG_CONFIG},
 * {@code tblog.properties} on the class path, the built-in defaults. Then every system property
 * {@code tblog.<key>} overrides that key.
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class ConfigLoader {
    /** System property naming a config file. */
    public static final String CONFIG_FILE_PROPERTY = "tblog.config";
    /** Environment variable naming a config file. */
    public static final String CONFIG_FILE_ENV = "TBLOG_CONFIG";
    /** Class-path resource read when no file is named. */
    public static final String CLASSPATH_RESOURCE = "tblog.properties";
    /** Prefix of system properties that override single keys. */
    public static final String PROPERTY_PREFIX = "tblog.";

    private ConfigLoader() {
    }

    /** {@return the configuration from this JVM's system properties, environment and class path} */
    public static TblogConfig load() {
        return load(asMap(System.getProperties()), System.getenv(), Thread.currentThread().getContextClassLoader());
    }

    /**
     * The configuration from the given sources (the testable form of {@link #load()}).
     *
     * @param systemProperties {@code tblog.config} names a file, {@code tblog.<key>} overrides a key
     * @param environment {@code TBLOG_CONFIG} names a file when the system property does not
     * @param classLoader finds {@code tblog.properties} on the class path when no file is named; may be null
     * @return the defaults, overridden by the file, then by the system properties
     * @throws IllegalArgumentException a named file is missing, or a key or value is bad
     */
    public static TblogConfig load(Map<String, String> systemProperties, Map<String, String> environment,
                                   ClassLoader classLoader) {
        TblogConfig config = TblogConfig.defaults();
        String file = systemProperties.get(CONFIG_FILE_PROPERTY);
        String fileSource = "-D" + CONFIG_FILE_PROPERTY;
        if (file == null) {
            file = environment.get(CONFIG_FILE_ENV);
            fileSource = CONFIG_FILE_ENV;
        }
        if (file != null) {
            config = config.with(readFile(Path.of(file), fileSource), "file " + file);
        } else if (classLoader != null) {
            try (InputStream in = classLoader.getResourceAsStream(CLASSPATH_RESOURCE)) {
                if (in != null) {
                    config = config.with(read(new InputStreamReader(in, StandardCharsets.UTF_8)),
                        "class path " + CLASSPATH_RESOURCE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE + " from the class path", e);
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        systemProperties.forEach((k, v) -> {
            if (k.startsWith(PROPERTY_PREFIX) && !k.equals(CONFIG_FILE_PROPERTY)) {
                overrides.put(k.substring(PROPERTY_PREFIX.length()), v);
            }
        });
        return config.with(overrides, "system properties");
    }

    /**
     * Reads a properties file into key-value pairs (unvalidated).
     *
     * @param file the properties file
     * @param namedBy what named the file, for the message when it is missing
     * @return key to value text, in the file's order
     * @throws IllegalArgumentException when the file is missing or unreadable
     */
    public static Map<String, String> readFile(Path file, String namedBy) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " (named by " + namedBy + ") does not exist");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return asMap(properties);
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
