package dev.tblog.jmhruns;

import dev.tblog.record.RunNames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a benchmark ran on, in one line for the run's summary: host name, operating system,
 * processors (with the CPU model where Linux tells it) and memory. JMH's JSON does not record it,
 * so only the profiler, which runs on that machine, can say.
 *
 * <p>Thread contract: stateless, any thread.
 */
public final class Machine {
    private Machine() {
    }

    /**
     * This machine, e.g. {@code build-7 · Linux 6.18 amd64 · 2 CPUs (AMD EPYC 7B13) · 24.0 GiB}; the
     * parts it cannot read are left out.
     */
    public static String describe() {
        StringBuilder line = new StringBuilder(RunNames.host());
        line.append(" · ").append(System.getProperty("os.name", "?")).append(' ')
            .append(System.getProperty("os.version", "")).append(' ').append(System.getProperty("os.arch", ""));
        line.append(" · ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs");
        String model = linuxField(Path.of("/proc/cpuinfo"), "model name");
        if (!model.isEmpty()) {
            line.append(" (").append(model).append(')');
        }
        String memory = linuxField(Path.of("/proc/meminfo"), "MemTotal");
        if (memory.endsWith(" kB")) {
            try {
                double kib = Long.parseLong(memory.substring(0, memory.length() - 3).trim());
                line.append(" · ").append(String.format(Locale.ROOT, "%.1f GiB", kib / (1024 * 1024)));
            } catch (NumberFormatException e) {
                // an unexpected format: leave the memory out
            }
        }
        return line.toString();
    }

    /** The value of the first {@code name: value} line of a Linux /proc file; empty where there is none. */
    static String linuxField(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
