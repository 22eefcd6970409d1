package dev.tblog.jmhruns;

import dev.tblog.Domain;
import dev.tblog.Sweep;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The HPARAMS table of a suite of JMH benchmarks, declared once per log folder as a {@link Sweep},
 * so that TensorBoard shows one row per run with these columns and no others:
 * <ul>
 *   <li>{@value #BENCHMARK} (shown as "benchmark"): the benchmarks of the suite;</li>
 *   <li>{@value #MODE} ("mode"): JMH's four modes, {@code thrpt avgt sample ss};</li>
 *   <li>{@value #UNIT} ("unit"): the unit of the score, one of JMH's fourteen ({@code ops/us},
 *       {@code ns/op}, ...);</li>
 *   <li>every {@code @Param} of the suite under its own name, with the values the suite declares:
 *       numbers when every value is one (checkboxes in numeric order), {@code true}/{@code false}
 *       as a boolean, else strings (sorted: JMH's JSON sorts them too, so a sweep read from a JSON
 *       file and one read from the jar's benchmark list are the same);</li>
 *   <li>the metrics {@value #SCORE} ("score") and {@value #ERROR} ("error"), not the iteration
 *       curves.</li>
 * </ul>
 * The {@code jmh:} names cannot clash with a {@code @Param}, which is a Java field name.
 *
 * <p><b>Where.</b> In the log folder itself, so that every label's runs below it share the table;
 * if the folder already holds a different sweep (an earlier suite, other values), in the label's
 * folder instead; if that fails too, nowhere: the runs are logged with their parameters unchecked,
 * and a warning says why. The columns of a sweep are fixed once written, which is why the domain is
 * taken from what the whole suite declares (the profiler: the benchmark list of the jar; the
 * converter: the whole JSON file), not from the runs done so far.
 *
 * <p><b>Checked values.</b> {@link #hparams} gives a run's values typed as declared; a value the
 * sweep does not hold (a {@code -p} override outside the {@code @Param} list) is left out of that
 * run's row, with a warning, rather than refused: the run's scores are still logged.
 *
 * <p>Thread contract: build on one thread; once built, immutable but for the set of warnings
 * already given, which is synchronized.
 */
public final class SuiteSweep {
    /** The benchmark column. */
    public static final String BENCHMARK = "jmh:benchmark";
    /** The mode column. */
    public static final String MODE = "jmh:mode";
    /** The unit column. */
    public static final String UNIT = "jmh:unit";
    /** The score metric: the tag of the final score's scalar. */
    public static final String SCORE = "result/score";
    /** The error metric: the tag of the final score's error. */
    public static final String ERROR = "result/error";
    /** JMH's modes by short label, in JMH's order. */
    public static final List<String> MODES = List.of("thrpt", "avgt", "sample", "ss");
    /** JMH's units: operations per time for thrpt, time per operation for the others. */
    public static final List<String> UNITS = units();

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final List<String> benchmarks;
    private final Map<String, ParamDomain> params;
    private final Set<String> warned = new LinkedHashSet<>();
    private volatile Path declaredIn;

    private SuiteSweep(List<String> benchmarks, Map<String, ParamDomain> params) {
        this.benchmarks = benchmarks;
        this.params = params;
    }

    private static List<String> units() {
        List<String> units = new ArrayList<>();
        List<String> times = List.of("ns", "us", "ms", "s", "min", "hr", "day");
        times.forEach(t -> units.add("ops/" + t));
        times.forEach(t -> units.add(t + "/op"));
        return List.copyOf(units);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The benchmarks the sweep declares, sorted. */
    public List<String> benchmarks() {
        return benchmarks;
    }

    /** The parameters the sweep declares and their values, as declared (numbers as their text). */
    public Map<String, List<String>> params() {
        Map<String, List<String>> view = new TreeMap<>();
        params.forEach((name, domain) -> view.put(name, domain.texts()));
        return view;
    }

    /** Where the sweep was declared, if it was. */
    public Optional<Path> declaredIn() {
        return Optional.ofNullable(declaredIn);
    }

    /**
     * Declares the sweep in {@code logdir}, or, if that folder holds a different one, in its label's
     * folder; never throws for a folder that holds another sweep or cannot be written: it warns and
     * leaves the runs unchecked.
     *
     * @param label the runs' label, or {@code null}
     * @return where it was declared
     */
    public Optional<Path> declare(Path logdir, String label, Consumer<String> warnings) {
        List<Path> candidates = new ArrayList<>(List.of(logdir));
        if (label != null) {
            candidates.add(RunLayout.runsRoot(logdir, label));
        }
        List<String> refusals = new ArrayList<>();
        for (Path folder : candidates) {
            try {
                build(folder).declare();
                declaredIn = folder;
                if (!refusals.isEmpty()) {
                    warnings.accept("the HPARAMS columns of these runs are declared in " + folder + ", since "
                        + String.join("; ", refusals) + ": point TensorBoard at " + folder + " to see them");
                }
                return Optional.of(folder);
            } catch (IllegalStateException | UncheckedIOException e) {
                refusals.add(folder + " holds another suite's sweep (" + e.getMessage() + ")");
            }
        }
        warnings.accept("no sweep declared for these runs: " + String.join("; ", refusals) + ". Their parameters "
            + "are logged, but HPARAMS shows the columns of the sweep already there; use another logdir or a label");
        return Optional.empty();
    }

    private Sweep.Builder build(Path folder) {
        Sweep.Builder sweep = Sweep.in(folder)
            .hparam(BENCHMARK, Domain.discrete(benchmarks.toArray(String[]::new)), "benchmark",
                "The JMH benchmark: class and method")
            .hparam(MODE, Domain.discrete(MODES.toArray(String[]::new)), "mode",
                "JMH's mode: thrpt = operations per time, avgt = time per operation, sample = sampled time per "
                    + "operation, ss = single shot")
            .hparam(UNIT, Domain.discrete(UNITS.toArray(String[]::new)), "unit", "The unit of the score and its error");
        params.forEach((name, domain) -> sweep.hparam(name, domain.domain(), name, "@Param " + name));
        return sweep
            .metric(SCORE, "score", "The benchmark's score over all measured iterations of every fork, in its unit")
            .metric(ERROR, "error", "Half-width of the score's 99.9% confidence interval (NaN from one iteration)");
    }

    /**
     * A run's row: benchmark, mode, unit and parameters, typed as the sweep declares them (numbers
     * as {@code Double}, booleans as {@code Boolean}, else strings). A value the declared sweep does
     * not hold is left out, with a warning (once per value). Without a declaration, every value is
     * kept, typed by its own text.
     */
    public Map<String, Object> hparams(TrialKey key, String unit, Consumer<String> warnings) {
        boolean checked = declaredIn != null;
        Map<String, Object> row = new LinkedHashMap<>();
        put(row, BENCHMARK, key.benchmark(), !checked || benchmarks.contains(key.benchmark()), key, warnings);
        put(row, MODE, key.mode(), !checked || MODES.contains(key.mode()), key, warnings);
        put(row, UNIT, unit, !checked || UNITS.contains(unit), key, warnings);
        key.params().forEach((name, text) -> {
            ParamDomain domain = params.get(name);
            if (!checked) {
                row.put(name, ParamDomain.of(List.of(text)).typed(text));
            } else if (domain == null || !domain.contains(text)) {
                put(row, name, text, false, key, warnings);
            } else {
                row.put(name, domain.typed(text));
            }
        });
        return row;
    }

    private void put(Map<String, Object> row, String name, String value, boolean declared, TrialKey key,
                     Consumer<String> warnings) {
        if (declared) {
            row.put(name, value);
            return;
        }
        String warning = name + "=" + value + " is not among the values the sweep of " + declaredIn
            + " declares: left out of the HPARAMS row of " + key + " (its scores are logged); use another logdir or "
            + "a label for a suite with other values";
        synchronized (warned) {
            if (warned.add(name + "=" + value)) {
                warnings.accept(warning);
            }
        }
    }

    /**
     * Collects the suite: each benchmark with the values of its parameters; a parameter shared by
     * several benchmarks gets the union of their values.
     *
     * <p>Thread contract: not thread-safe; one thread builds.
     */
    public static final class Builder {
        private final Set<String> benchmarks = new LinkedHashSet<>();
        private final Map<String, Set<String>> params = new TreeMap<>();

        private Builder() {
        }

        /**
         * A benchmark and the values its parameters take (a parameter without values, e.g. one that
         * JMH requires {@code -p} for, adds none).
         */
        public Builder benchmark(String benchmark, Map<String, ? extends Collection<String>> paramValues) {
            if (benchmark == null || benchmark.isBlank()) {
                throw new IllegalArgumentException("benchmark name must not be null or blank, got " + benchmark);
            }
            benchmarks.add(benchmark);
            paramValues.forEach((name, values) -> params.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(values));
            return this;
        }

        /** A run's benchmark and parameter values, e.g. the first one seen, whose values may come from {@code -p}. */
        public Builder trial(TrialKey key) {
            Map<String, List<String>> values = new TreeMap<>();
            key.params().forEach((name, value) -> values.put(name, List.of(value)));
            return benchmark(key.benchmark(), values);
        }

        /** @throws IllegalArgumentException no benchmark added */
        public SuiteSweep build() {
            if (benchmarks.isEmpty()) {
                throw new IllegalArgumentException("a suite needs at least one benchmark");
            }
            Map<String, ParamDomain> domains = new TreeMap<>();
            params.forEach((name, values) -> {
                if (!values.isEmpty()) {
                    domains.put(name, ParamDomain.of(values));
                }
            });
            // Sorted, so that every writer of the same suite (the profiler from the jar's list, the
            // converter from a JSON file) declares the very same sweep.
            return new SuiteSweep(List.copyOf(new TreeSet<>(benchmarks)), domains);
        }
    }

    /** A parameter's values: numbers when all are, booleans when all are {@code true}/{@code false}, else strings. */
    private record ParamDomain(Kind kind, List<String> texts) {
        enum Kind { NUMBER, BOOL, STRING }

        static ParamDomain of(Collection<String> values) {
            Kind kind = values.stream().allMatch(ParamDomain::isNumber) ? Kind.NUMBER
                : values.stream().allMatch(v -> v.equals("true") || v.equals("false")) ? Kind.BOOL : Kind.STRING;
            List<String> texts = new ArrayList<>(new TreeSet<>(values));
            if (kind == Kind.NUMBER) {
                // One text per number ("1" and "1.0" are one checkbox), in numeric order.
                TreeMap<Double, String> byValue = new TreeMap<>();
                texts.forEach(t -> byValue.putIfAbsent(normal(Double.parseDouble(t)), t));
                texts = new ArrayList<>(byValue.values());
            }
            return new ParamDomain(kind, List.copyOf(texts));
        }

        /** Plain decimal notation (not {@code 0x1p3}, {@code 1d} or {@code NaN}) of a finite number. */
        static boolean isNumber(String text) {
            return NUMBER.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
        }

        private static double normal(double v) {
            return v == 0.0 ? 0.0 : v;
        }

        boolean contains(String text) {
            return switch (kind) {
                case NUMBER -> isNumber(text) && texts.stream()
                    .anyMatch(t -> Double.parseDouble(t) == Double.parseDouble(text));
                case BOOL, STRING -> texts.contains(text);
            };
        }

        Object typed(String text) {
            return switch (kind) {
                case NUMBER -> Double.parseDouble(text);
                case BOOL -> Boolean.parseBoolean(text);
                case STRING -> text;
            };
        }

        Domain domain() {
            return switch (kind) {
                case NUMBER -> Domain.discrete(texts.stream().mapToDouble(Double::parseDouble).toArray());
                case BOOL -> Domain.bool();
                case STRING -> Domain.discrete(texts.toArray(String[]::new));
            };
        }
    }

    @Override
    public String toString() {
        return "SuiteSweep[" + benchmarks.size() + " benchmarks, params " + new TreeSet<>(params.keySet()) + "]";
    }
}
