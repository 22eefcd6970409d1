package dev.tblog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility apps (src/it) log every event kind: each app's one {@code logEveryKind} method
 * calls every public {@code add*} method of {@link Logger}. A new event kind is therefore added to
 * the apps too, and runs beside protobuf 3, Netty 4.1, Log4j2 on Disruptor 3 and on the module path.
 */
class CompatibilityAppsTest {
    private static final Path APPS = Path.of("src", "it");
    private static final Pattern LOG_EVERY_KIND =
        Pattern.compile("static void logEveryKind\\(Logger log, String prefix, long step\\) \\{\\n(.*?)\\n    }\\n",
            Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("\\blog\\.(add\\w+)\\(");

    @Test
    void shouldCallEveryAddMethodOfTheLoggerInEachApp() throws IOException {
        Set<String> kinds = new TreeSet<>();
        for (Method m : Logger.class.getMethods()) {
            if (m.getDeclaringClass() == Logger.class && Modifier.isPublic(m.getModifiers())
                && m.getName().startsWith("add")) {
                kinds.add(m.getName());
            }
        }
        assertThat(kinds).as("Logger's add* methods").contains("addScalar", "addImage", "addParameters");
        List<Path> apps = apps();
        assertThat(apps).as("apps in src/it").hasSizeGreaterThanOrEqualTo(4);
        for (Path app : apps) {
            String source = Files.readString(app);
            Matcher method = LOG_EVERY_KIND.matcher(source);
            assertThat(method.find()).as("%s has logEveryKind(Logger, String, long)", app).isTrue();
            Set<String> called = new TreeSet<>();
            Matcher call = CALL.matcher(method.group(1));
            while (call.find()) {
                called.add(call.group(1));
            }
            assertThat(called).as("the add* methods %s's logEveryKind calls", app)
                .containsExactlyInAnyOrderElementsOf(kinds);
        }
    }

    /** Each app's main class: src/it/NAME/src/main/java/app/Main.java. */
    private static List<Path> apps() throws IOException {
        List<Path> apps = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(APPS)) {
            for (Path dir : dirs.sorted().toList()) {
                Path main = dir.resolve(Path.of("src", "main", "java", "app", "Main.java"));
                if (Files.isRegularFile(main)) {
                    apps.add(main);
                }
            }
        }
        return apps;
    }
}
