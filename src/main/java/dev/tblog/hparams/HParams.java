package dev.tblog.hparams;

import dev.tblog.encode.Utf16;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The validated, immutable argument of {@code addParameters(params, metrics)}: hyperparameters
 * typed for the hparams plugin, and the metric values to log as scalars.
 *
 * <p>Built on the producer's thread at the call site, so that bad input fails there with an
 * {@link IllegalArgumentException}; the consumer later encodes it without further checks.
 * Thread contract: immutable, any thread.
 *
 * <h2>Conversion rules</h2>
 * <table>
 *   <caption>params value → hparams type</caption>
 *   <tr><th>Java value</th><th>type</th><th>stored as</th></tr>
 *   <tr><td>{@link CharSequence}</td><td>STRING</td><td>{@code string_value} (toString)</td></tr>
 *   <tr><td>{@link Boolean}</td><td>BOOL</td><td>{@code bool_value}</td></tr>
 *   <tr><td>any {@link Number} (Integer, Long, Float, Double, BigDecimal, …)</td><td>FLOAT64</td>
 *       <td>{@code number_value} = {@code doubleValue()}; must be finite</td></tr>
 *   <tr><td>{@link Enum}</td><td>STRING</td><td>{@code string_value} = {@code name()}</td></tr>
 *   <tr><td>{@code null}</td><td colspan="2">skipped (the key is absent from this session)</td></tr>
 *   <tr><td>anything else</td><td colspan="2">{@code IllegalArgumentException} naming key and type</td></tr>
 * </table>
 *
 * <p>Other rules: both maps must be non-null (pass {@code Map.of()} for none); every key must be
 * non-null and not blank; keys and string values must not hold an unpaired UTF-16 surrogate (no
 * UTF-8 form, see {@link dev.tblog.encode.Utf16}); a metric value must be non-null (NaN and infinities are allowed: they
 * are stored as scalars, which TensorBoard shows); a metric key must not start with
 * {@value HParamsContent#TAG_PREFIX}, which the plugin reserves. A number hparam must be finite
 * because TensorBoard's JSON response cannot carry a NaN {@code number_value}.
 *
 * <h2>Order</h2>
 * Both maps are kept sorted by key ({@link String#compareTo}). The caller's iteration order is
 * often a {@code HashMap}'s, i.e. arbitrary; sorting makes the encoded bytes a function of the
 * content alone (reproducible files, byte-exact tests) and is what TensorBoard's own
 * {@code hparams_pb} does ({@code for hp_name in sorted(hparams)}). Column order in the HPARAMS tab
 * is decided by TensorBoard, not by this order, when no experiment tag is written.
 *
 * <p>Example: {@code HParams.of(Map.of("lr", 0.1, "solver", Solver.EULER, "plastic", true),
 * Map.of("accuracy", 0.91))} gives params {@code {lr=Num[0.1], plastic=Bool[true],
 * solver=Str[EULER]}} and metrics {@code {accuracy=0.91}}.
 */
final class HParams {

    private final SortedMap<String, HParamValue> params;
    private final SortedMap<String, Double> metrics;

    private HParams(SortedMap<String, HParamValue> params, SortedMap<String, Double> metrics) {
        this.params = Collections.unmodifiableSortedMap(params);
        this.metrics = Collections.unmodifiableSortedMap(metrics);
    }

    /**
     * Validates and converts the arguments of {@code addParameters}.
     *
     * @param params  hyperparameters; values as in the class table; non-null map
     * @param metrics metric name → value, non-null map, non-null values
     * @return the immutable, validated value
     * @throws IllegalArgumentException on any rule broken, naming the key and the offending type
     *                                  or value
     */
    public static HParams of(Map<String, ?> params, Map<String, ? extends Number> metrics) {
        if (params == null) {
            throw new IllegalArgumentException("params map must not be null (use Map.of() for none)");
        }
        if (metrics == null) {
            throw new IllegalArgumentException("metrics map must not be null (use Map.of() for none)");
        }
        TreeMap<String, HParamValue> p = new TreeMap<>();
        for (Map.Entry<String, ?> e : params.entrySet()) {
            String key = checkKey("hparam", e.getKey());
            Object v = e.getValue();
            if (v == null) {
                continue; // documented: a null value means "not set in this session"
            }
            p.put(key, convert(key, v));
        }
        TreeMap<String, Double> m = new TreeMap<>();
        for (Map.Entry<String, ? extends Number> e : metrics.entrySet()) {
            String key = checkKey("metric", e.getKey());
            if (key.startsWith(HParamsContent.TAG_PREFIX)) {
                throw new IllegalArgumentException("metric key '" + key + "' must not start with the reserved prefix "
                        + HParamsContent.TAG_PREFIX);
            }
            Number v = e.getValue();
            if (v == null) {
                throw new IllegalArgumentException("metric '" + key + "' has a null value");
            }
            m.put(key, v.doubleValue());
        }
        return new HParams(p, m);
    }

    private static String checkKey(String kind, String key) {
        if (key == null) {
            throw new IllegalArgumentException(kind + " key must not be null");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException(kind + " key must not be empty or blank, got '" + key + "'");
        }
        return Utf16.requireWellFormed(key, kind + " key");
    }

    private static HParamValue convert(String key, Object v) {
        if (v instanceof CharSequence s) {
            return new HParamValue.Str(Utf16.requireWellFormed(s.toString(), "hparam '" + key + "' value"));
        }
        if (v instanceof Boolean b) {
            return new HParamValue.Bool(b);
        }
        if (v instanceof Enum<?> en) {
            return new HParamValue.Str(en.name());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("hparam '" + key + "' of type " + v.getClass().getName()
                        + " must be finite, got " + d);
            }
            return new HParamValue.Num(d);
        }
        throw new IllegalArgumentException("hparam '" + key + "' has unsupported type " + v.getClass().getName()
                + " (supported: String/CharSequence, Boolean, Number, Enum)");
    }

    /** Hyperparameters sorted by key; unmodifiable. */
    public SortedMap<String, HParamValue> params() {
        return params;
    }

    /** Metric values sorted by key; unmodifiable. Written as float32 scalars, so precision is that of float. */
    public SortedMap<String, Double> metrics() {
        return metrics;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HParams h && h.params.equals(params) && h.metrics.equals(metrics);
    }

    @Override
    public int hashCode() {
        return 31 * params.hashCode() + metrics.hashCode();
    }

    @Override
    public String toString() {
        return "HParams{params=" + params + ", metrics=" + metrics + '}';
    }
}
