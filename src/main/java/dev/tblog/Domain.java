package dev.tblog;

import dev.tblog.hparams.HParamDomain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values a hyperparameter of a {@link Sweep} may take. TensorBoard's HPARAMS tab offers them in
 * its filter panel, and {@link Logger#addParameters} refuses a value outside them once the sweep is
 * declared:
 *
 * <table>
 *   <caption>domain → column type, filter, accepted values</caption>
 *   <tr><th>domain</th><th>column</th><th>filter</th><th>accepts</th></tr>
 *   <tr><td>{@code interval(1e-4, 1.0)}</td><td>number</td><td>a range slider from 1e-4 to 1</td>
 *       <td>any {@link Number} with 1e-4 &le; v &le; 1</td></tr>
 *   <tr><td>{@code discrete(10, 20, 50)}</td><td>number</td><td>a checkbox per value</td>
 *       <td>numbers equal to one of them ({@code 20}, {@code 20L} and {@code 20.0} alike)</td></tr>
 *   <tr><td>{@code discrete("adam", "sgd")}</td><td>text</td><td>a checkbox per value</td>
 *       <td>those strings</td></tr>
 *   <tr><td>{@code discrete(Solver.class)}</td><td>text</td><td>a checkbox per constant</td>
 *       <td>the enum's constants (or their names as strings)</td></tr>
 *   <tr><td>{@code bool()}</td><td>true/false</td><td>two checkboxes</td><td>{@link Boolean}s</td></tr>
 * </table>
 *
 * <p>Discrete values are listed in the order given (an enum's in declaration order). Bad domains
 * throw {@link IllegalArgumentException} naming the values: bounds not finite or reversed, no value,
 * a value twice, a {@code null}, a non-finite number.
 *
 * <p>Thread contract: immutable, any thread.
 */
public final class Domain {
    private final HParamDomain domain;

    private Domain(HParamDomain domain) {
        this.domain = domain;
    }

    /**
     * Real numbers from {@code min} to {@code max}, both included; finite, {@code min <= max}.
     *
     * @param min the lowest value, finite
     * @param max the highest value, finite and at least {@code min}
     * @return the interval domain
     */
    public static Domain interval(double min, double max) {
        return new Domain(HParamDomain.interval(min, max));
    }

    /**
     * These numbers (at least one, finite, none twice).
     *
     * @param values the numbers, in the order the filter lists them
     * @return the discrete numeric domain
     */
    public static Domain discrete(double... values) {
        return new Domain(HParamDomain.numbers(values));
    }

    /**
     * These strings (at least one, not null, none twice).
     *
     * @param values the strings, in the order the filter lists them
     * @return the discrete text domain
     */
    public static Domain discrete(String... values) {
        if (values == null) {
            throw new IllegalArgumentException("a discrete domain needs at least one value, got null");
        }
        return new Domain(HParamDomain.strings(Arrays.asList(values)));
    }

    /**
     * The names of an enum's constants, in declaration order; {@code addParameters} takes the constants.
     *
     * @param <E> the enum
     * @param enumType the enum's class, not null, with at least one constant
     * @return the discrete text domain of the constants' names
     */
    public static <E extends Enum<E>> Domain discrete(Class<E> enumType) {
        if (enumType == null) {
            throw new IllegalArgumentException("enum type of a discrete domain must not be null");
        }
        List<String> names = new ArrayList<>();
        for (E constant : enumType.getEnumConstants()) {
            names.add(constant.name());
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("enum " + enumType.getName() + " has no constants for a discrete domain");
        }
        return new Domain(HParamDomain.strings(names));
    }

    /** {@return the domain of {@code false} and {@code true}} */
    public static Domain bool() {
        return new Domain(HParamDomain.bools());
    }

    HParamDomain internal() {
        return domain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Domain d && d.domain.equals(domain);
    }

    @Override
    public int hashCode() {
        return domain.hashCode();
    }

    /** E.g. {@code interval [1.0E-4, 1.0]}, {@code discrete {"EULER", "RK4"}}, {@code discrete {false, true}}. */
    @Override
    public String toString() {
        return domain.toString();
    }
}
