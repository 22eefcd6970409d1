package dev.tblog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a child JVM (its own heap, direct memory, locale or
 * open-files limit) and gives back its exit status and output. A child that outlives its time is
 * killed and reported as such, so a regression that hangs fails the test instead of the build.
 */
final class ChildJvm {
    /** What the child did. {@code exitCode} is -1 when it was killed for taking too long. */
    record Outcome(int exitCode, String stdout, String stderr) {
        /** The value of the last stdout line {@code KEY value...}, or null. */
        String value(String key) {
            String found = null;
            for (String line : stdout.split("\n")) {
                if (line.startsWith(key + " ")) {
                    found = line.substring(key.length() + 1);
                }
            }
            return found;
        }

        long longValue(String key) {
            String v = value(key);
            if (v == null) {
                throw new AssertionError("the child printed no " + key + " line; stdout:\n" + stdout + "\nstderr:\n"
                    + stderr);
            }
            return Long.parseLong(v.trim());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private Integer openFilesLimit;

    /** Adds JVM options, e.g. {@code -Xmx128m}, {@code -Dtblog.ring.size=1024}. */
    ChildJvm options(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Sets an environment variable of the child, e.g. {@code LANG=C}. */
    ChildJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs the child under {@code ulimit -n limit} (through bash). */
    ChildJvm openFilesLimit(int limit) {
        this.openFilesLimit = limit;
        return this;
    }

    /** Runs {@code mainClass} with {@code args}, waiting at most {@code seconds}. */
    Outcome run(Class<?> mainClass, long seconds, String... args) throws IOException, InterruptedException {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.add("-XX:TieredStopAtLevel=1");
        java.addAll(jvmOptions);
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add(mainClass.getName());
        java.addAll(List.of(args));
        List<String> command = java;
        if (openFilesLimit != null) {
            command = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + openFilesLimit + " && exec \"$@\"", "bash"));
            command.addAll(java);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        try {
            Process child = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code;
            if (child.waitFor(seconds, TimeUnit.SECONDS)) {
                code = child.exitValue();
            } else {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                code = -1;
            }
            return new Outcome(code, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
