package dev.tblog.jmhruns;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes one JMH result one TensorBoard run: the benchmark ({@code class.method}), the mode's
 * short label ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}) and the {@code @Param}
 * values, as JMH names them (the benchmark, mode and params of its JSON). Parameters are kept sorted
 * by name, the order JMH prints them in.
 *
 * <p>Thread contract: immutable, any thread.
 *
 * @param params parameter name to value, as JMH passes it (a string)
 */
public record TrialKey(String benchmark, String mode, Map<String, String> params) {
    /** @throws IllegalArgumentException a null or blank benchmark or mode, a null parameter name or value */
    public TrialKey {
        if (benchmark == null || benchmark.isBlank()) {
            throw new IllegalArgumentException("benchmark name must not be null or blank, got " + benchmark);
        }
        if (mode == null || mode.isBlank()) {
            throw new IllegalArgumentException("mode of " + benchmark + " must not be null or blank, got " + mode);
        }
        if (params == null) {
            throw new IllegalArgumentException("params of " + benchmark + " must not be null");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getKey() == null || p.getValue() == null) {
                throw new IllegalArgumentException("param of " + benchmark + " with a null name or value: " + params);
            }
            sorted.put(p.getKey(), p.getValue());
        }
        params = Collections.unmodifiableMap(sorted);
    }

    @Override
    public String toString() {
        return benchmark + " " + mode + (params.isEmpty() ? "" : " " + params);
    }
}
