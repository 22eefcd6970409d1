package dev.tblog.hparams;

import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import dev.tblog.proto.hparams.DataType;
import dev.tblog.proto.hparams.HParamInfo;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The values a declared hyperparameter may take, as the hparams plugin stores them in
 * {@code HParamInfo} (type and {@code domain} oneof) and as {@code addParameters} checks them:
 *
 * <table>
 *   <caption>domain → what TensorBoard's filter panel offers</caption>
 *   <tr><th>domain</th><th>type</th><th>stored as</th><th>filter</th><th>accepts</th></tr>
 *   <tr><td>{@link Interval} [min, max]</td><td>FLOAT64</td><td>{@code domain_interval}</td>
 *       <td>a range slider</td><td>numbers with min &le; v &le; max</td></tr>
 *   <tr><td>{@link Numbers}</td><td>FLOAT64</td><td>{@code domain_discrete}, number values</td>
 *       <td>a checkbox per value</td><td>those numbers</td></tr>
 *   <tr><td>{@link Strings}</td><td>STRING</td><td>{@code domain_discrete}, string values</td>
 *       <td>a checkbox per value</td><td>those strings (an enum: its constants' names)</td></tr>
 *   <tr><td>{@link Bools}</td><td>BOOL</td><td>{@code domain_discrete} [false, true]</td>
 *       <td>two checkboxes</td><td>booleans</td></tr>
 * </table>
 *
 * <p>Discrete values keep the order given (TensorBoard lists them in that order). Example:
 * {@code HParamDomain.strings(List.of("EULER", "RK4"))} is {@code discrete {"EULER", "RK4"}}, type
 * STRING; it contains {@code Str("RK4")} and not {@code Str("rk4")} nor {@code Num(1.0)}.
 *
 * <p>Thread contract: immutable, any thread.
 */
public sealed interface HParamDomain permits HParamDomain.Interval, HParamDomain.Numbers, HParamDomain.Strings,
    HParamDomain.Bools {

    /** The type TensorBoard gives the column. */
    DataType type();

    /** Whether a value given to {@code addParameters} belongs to this domain (its type included). */
    boolean contains(HParamValue value);

    /** Sets the type and the domain of an {@code HParamInfo}. */
    void writeTo(HParamInfo.Builder info);

    /**
     * Real numbers from {@code min} to {@code max}, both included.
     *
     * @throws IllegalArgumentException a bound not finite, or {@code min > max}
     */
    static HParamDomain interval(double min, double max) {
        return new Interval(min, max);
    }

    /**
     * These numbers, in this order.
     *
     * @throws IllegalArgumentException no value, a value not finite, a value twice
     */
    static HParamDomain numbers(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("a discrete domain needs at least one value, got null");
        }
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return new Numbers(List.of(boxed));
    }

    /**
     * These strings, in this order.
     *
     * @throws IllegalArgumentException no value, a null value, a value twice
     */
    static HParamDomain strings(List<String> values) {
        if (values == null) {
            throw new IllegalArgumentException("a discrete domain needs at least one value, got null");
        }
        return new Strings(List.copyOf(checkNoNull(values)));
    }

    /** {@code false} and {@code true}. */
    static HParamDomain bools() {
        return Bools.INSTANCE;
    }

    /**
     * An {@code HParamInfo}'s type and domain as messages show them, e.g. {@code interval [1.0E-4, 1.0]},
     * {@code discrete {"EULER", "RK4"}}, {@code discrete {0.1, 0.5}}, {@code discrete {false, true}};
     * {@code STRING, no domain} for one without a domain (TensorFlow's writer allows that).
     */
    static String describe(HParamInfo info) {
        return switch (info.getDomainCase()) {
            case DOMAIN_INTERVAL -> "interval [" + info.getDomainInterval().getMinValue() + ", "
                + info.getDomainInterval().getMaxValue() + "]";
            case DOMAIN_DISCRETE -> {
                StringJoiner values = new StringJoiner(", ", "discrete {", "}");
                info.getDomainDiscrete().getValuesList().forEach(v -> values.add(describe(v)));
                yield values.toString();
            }
            case DOMAIN_NOT_SET -> info.getType().name().replace("DATA_TYPE_", "") + ", no domain";
        };
    }

    private static String describe(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> '"' + value.getStringValue() + '"';
            case NUMBER_VALUE -> Double.toString(value.getNumberValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> value.getKindCase().name().toLowerCase(Locale.ROOT);
        };
    }

    private static List<String> checkNoNull(List<String> values) {
        for (String v : values) {
            if (v == null) {
                throw new IllegalArgumentException("a discrete domain's strings must not be null: " + values);
            }
        }
        return values;
    }

    /** Values of a discrete domain: at least one, none twice. */
    private static <T> void checkDiscrete(List<T> values, String quote) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a discrete domain needs at least one value");
        }
        Set<T> seen = new HashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException("discrete domain lists " + quote + v + quote + " twice: " + values);
            }
        }
    }

    private static String describeDomain(HParamDomain domain) {
        HParamInfo.Builder info = HParamInfo.newBuilder();
        domain.writeTo(info);
        return describe(info.build());
    }

    /** Real numbers in [min, max]; FLOAT64, {@code domain_interval}. */
    record Interval(double min, double max) implements HParamDomain {
        public Interval {
            if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
                throw new IllegalArgumentException("an interval needs finite bounds with min <= max, got ["
                    + min + ", " + max + "]");
            }
        }

        @Override
        public DataType type() {
            return DataType.DATA_TYPE_FLOAT64;
        }

        @Override
        public boolean contains(HParamValue value) {
            return value instanceof HParamValue.Num n && n.value() >= min && n.value() <= max;
        }

        @Override
        public void writeTo(HParamInfo.Builder info) {
            info.setType(type()).setDomainInterval(dev.tblog.proto.hparams.Interval.newBuilder()
                .setMinValue(min).setMaxValue(max));
        }

        @Override
        public String toString() {
            return describeDomain(this);
        }
    }

    /** A list of finite numbers, at least one, none twice; FLOAT64, {@code domain_discrete}. */
    record Numbers(List<Double> values) implements HParamDomain {
        public Numbers {
            values = List.copyOf(values);
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("a discrete domain's numbers must be finite, got " + v);
                }
            }
            // -0.0 and 0.0 are one value to contains(); Double.equals would tell them apart.
            checkDiscrete(values.stream().map(v -> v == 0.0 ? 0.0 : v).toList(), "");
        }

        @Override
        public DataType type() {
            return DataType.DATA_TYPE_FLOAT64;
        }

        @Override
        public boolean contains(HParamValue value) {
            if (value instanceof HParamValue.Num n) {
                for (double v : values) {
                    if (v == n.value()) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public void writeTo(HParamInfo.Builder info) {
            ListValue.Builder list = ListValue.newBuilder();
            values.forEach(v -> list.addValues(Value.newBuilder().setNumberValue(v)));
            info.setType(type()).setDomainDiscrete(list);
        }

        @Override
        public String toString() {
            return describeDomain(this);
        }
    }

    /** A list of strings, at least one, none twice; STRING, {@code domain_discrete}. */
    record Strings(List<String> values) implements HParamDomain {
        public Strings {
            values = List.copyOf(values);
            checkDiscrete(values, "\"");
        }

        @Override
        public DataType type() {
            return DataType.DATA_TYPE_STRING;
        }

        @Override
        public boolean contains(HParamValue value) {
            return value instanceof HParamValue.Str s && values.contains(s.value());
        }

        @Override
        public void writeTo(HParamInfo.Builder info) {
            ListValue.Builder list = ListValue.newBuilder();
            values.forEach(v -> list.addValues(Value.newBuilder().setStringValue(v)));
            info.setType(type()).setDomainDiscrete(list);
        }

        @Override
        public String toString() {
            return describeDomain(this);
        }
    }

    /** {@code false} and {@code true}; BOOL, {@code domain_discrete}. */
    record Bools() implements HParamDomain {
        static final Bools INSTANCE = new Bools();

        @Override
        public DataType type() {
            return DataType.DATA_TYPE_BOOL;
        }

        @Override
        public boolean contains(HParamValue value) {
            return value instanceof HParamValue.Bool;
        }

        @Override
        public void writeTo(HParamInfo.Builder info) {
            info.setType(type()).setDomainDiscrete(ListValue.newBuilder()
                .addValues(Value.newBuilder().setBoolValue(false))
                .addValues(Value.newBuilder().setBoolValue(true)));
        }

        @Override
        public String toString() {
            return describeDomain(this);
        }
    }
}
