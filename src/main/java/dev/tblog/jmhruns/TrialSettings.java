package dev.tblog.jmhruns;

import java.util.List;

/**
 * How JMH ran a benchmark, as its JSON result records it: versions, the JVM and its options, threads,
 * forks and iterations. The run's summary text shows it, so that two runs that differ in more than
 * their code say so.
 *
 * <p>Thread contract: immutable, any thread.
 *
 * @param warmupTime one warm-up iteration's time as JMH prints it, e.g. {@code "1 s"}
 * @param measurementTime one measured iteration's time, e.g. {@code "2 s"}
 */
public record TrialSettings(String jmhVersion, String jvm, String jdkVersion, String vmName, String vmVersion,
                            List<String> jvmArgs, int threads, int forks, int warmupIterations, String warmupTime,
                            int measurementIterations, String measurementTime) {
    /** @throws IllegalArgumentException a null text or list, a negative count */
    public TrialSettings {
        for (String text : new String[] {jmhVersion, jvm, jdkVersion, vmName, vmVersion, warmupTime, measurementTime}) {
            if (text == null) {
                throw new IllegalArgumentException("trial settings must not hold null texts (empty if unknown)");
            }
        }
        if (jvmArgs == null) {
            throw new IllegalArgumentException("JVM arguments must not be null (empty for none)");
        }
        if (threads < 0 || forks < 0 || warmupIterations < 0 || measurementIterations < 0) {
            throw new IllegalArgumentException("threads, forks and iterations must be >= 0, got " + threads + ", " + forks
                + ", " + warmupIterations + ", " + measurementIterations);
        }
        jvmArgs = List.copyOf(jvmArgs);
    }
}
