package dev.tblog.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed arguments: {@code --name value} options, {@code --flag} switches and positionals.
 *
 * <p>Thread contract: not thread-safe, confine to one thread.
 */
public final class Args {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses arguments.
     *
     * @param valued options that take a value
     * @param flags options that take none
     * @throws UsageException an unknown option, or a valued option without a value
     */
    public static Args parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option " + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    parsed.options.put(name, value);
                } else if (flags.contains(name) && value == null) {
                    parsed.options.put(name, "true");
                } else {
                    throw new UsageException("unknown option " + a);
                }
            } else {
                parsed.positionals.add(a);
            }
        }
        return parsed;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** An integer option within [min, max]. */
    public long getLong(String name, long fallback, long min, long max) throws UsageException {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new UsageException(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public List<String> positionals() {
        return positionals;
    }
}
