package dev.tblog;

import dev.tblog.sink.HadoopStorage;
import dev.tblog.jmh.TensorBoardProfiler;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundary is deliberate: the exported packages ({@link #EXPORTED}, what module-info exports)
 * name no internal type in any public or protected signature (fields, constructors, methods, super
 * types), so that the internal packages can change freely. JFreeChart appears in one place only,
 * Hadoop in one other ({@link HadoopStorage}, which takes a Hadoop {@code Configuration}), and JMH
 * only in the JMH profiler.
 */
class ApiBoundaryTest {
    /** The packages the module exports (src/module/module-info.java): the public API. */
    static final Set<String> EXPORTED = ExportedPackages.ALL;

    private static List<Class<?>> publicTypesOf(String pkg) throws Exception {
        Path dir = Path.of("target", "classes").resolve(pkg.replace('.', '/'));
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                if (simple.equals("package-info")) {
                    continue;
                }
                // Nested types too: their binary names (Outer$Inner) are their file names.
                Class<?> c = Class.forName(pkg + "." + simple, false, ApiBoundaryTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic()) {
                    types.add(c);
                }
            }
        }
        return types;
    }

    @Test
    void shouldNameNoInternalTypeInTheSignaturesOfTheExportedPackages() throws Exception {
        Set<String> leaks = new TreeSet<>();
        int checked = 0;
        for (String pkg : EXPORTED) {
            for (Class<?> type : publicTypesOf(pkg)) {
                checked++;
                List<Type> named = new ArrayList<>();
                if (type.getGenericSuperclass() != null) {
                    named.add(type.getGenericSuperclass());
                }
                named.addAll(List.of(type.getGenericInterfaces()));
                for (Field f : type.getDeclaredFields()) {
                    if (visible(f.getModifiers())) {
                        named.add(f.getGenericType());
                    }
                }
                List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    members.add(c);
                }
                for (Executable e : members) {
                    if (!visible(e.getModifiers()) || e.isSynthetic()) {
                        continue;
                    }
                    named.addAll(List.of(e.getGenericParameterTypes()));
                    named.addAll(List.of(e.getGenericExceptionTypes()));
                    if (e instanceof Method m) {
                        named.add(m.getGenericReturnType());
                    }
                }
                for (Type t : named) {
                    collectLeaks(type, t, leaks, new HashSet<>());
                }
            }
        }
        assertThat(checked).as("public types checked").isGreaterThan(20);
        assertThat(leaks).as("internal types named by the API").isEmpty();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** @param seen the type variables being followed: {@code E extends Enum<E>} names itself */
    private static void collectLeaks(Class<?> owner, Type t, Set<String> leaks, Set<TypeVariable<?>> seen) {
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive()) {
                return;
            }
            String pkg = c.getPackageName();
            boolean allowed = pkg.startsWith("java.") || EXPORTED.contains(pkg)
                || (owner == JFreeChartFigure.class && pkg.startsWith("org.jfree."))
                || (owner == HadoopStorage.class && pkg.startsWith("org.apache.hadoop."))
                || (owner == TensorBoardProfiler.class && pkg.startsWith("org.openjdk.jmh."));
            if (!allowed) {
                leaks.add(owner.getName() + " names " + c.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            collectLeaks(owner, p.getRawType(), leaks, seen);
            for (Type a : p.getActualTypeArguments()) {
                collectLeaks(owner, a, leaks, seen);
            }
        } else if (t instanceof GenericArrayType g) {
            collectLeaks(owner, g.getGenericComponentType(), leaks, seen);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collectLeaks(owner, b, leaks, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collectLeaks(owner, b, leaks, seen);
            }
        } else if (t instanceof TypeVariable<?> v && seen.add(v)) {
            for (Type b : v.getBounds()) {
                if (b != Object.class) {
                    collectLeaks(owner, b, leaks, seen);
                }
            }
        }
    }

    @Test
    void shouldExportExactlyThePackagesTheModuleDescriptorExports() throws Exception {
        Set<String> exports = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src", "module", "module-info.java"))) {
            String trimmed = line.trim();
            if (trimmed.startsWith("exports ")) {
                exports.add(trimmed.substring("exports ".length(), trimmed.length() - 1).trim());
            }
        }
        assertThat(exports).isEqualTo(new TreeSet<>(EXPORTED));
    }

    @Test
    void shouldKeepJmhOutOfEveryExportedTypeButTheProfiler() throws Exception {
        for (String pkg : EXPORTED) {
            for (Class<?> type : publicTypesOf(pkg)) {
                if (type == TensorBoardProfiler.class) {
                    continue;
                }
                String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
                try (InputStream in = type.getResourceAsStream(file)) {
                    assertThat(in).as(file).isNotNull();
                    assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
                        .as(type.getName()).doesNotContain("org/openjdk/jmh");
                }
            }
        }
    }

    @Test
    void shouldKeepJFreeChartOutOfEveryExportedTypeButJFreeChartFigure() throws Exception {
        for (String pkg : EXPORTED) {
            for (Class<?> type : publicTypesOf(pkg)) {
                if (type == JFreeChartFigure.class) {
                    continue;
                }
                String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
                try (InputStream in = type.getResourceAsStream(file)) {
                    assertThat(in).as(file).isNotNull();
                    assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
                        .as(type.getName()).doesNotContain("org/jfree");
                }
            }
        }
    }
}
