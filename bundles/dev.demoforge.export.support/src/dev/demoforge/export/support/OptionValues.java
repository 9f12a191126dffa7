package dev.demoforge.export.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.demoforge.export.api.OptionSpec;

/**
 * The option values passed to {@code DatasetExporter.begin}, checked against the exporter's {@link OptionSpec}s:
 * an unknown key or a bad value is refused with an {@link IllegalArgumentException} naming the option, the value
 * and what is allowed ({@code MCAP export option jpeg_quality='0' must be a whole number from 1 to 100}); a missing
 * key takes its spec's default. Values are trimmed; choices and booleans are compared in lower case. Reads the map
 * it is given (not a copy); use it on the thread that called {@code begin}.
 *
 * @since 0.3
 */
public final class OptionValues {

    private final String format;
    private final List<OptionSpec> specs;
    private final Map<String, String> values;

    /**
     * Refuses keys that none of {@code specs} declares.
     *
     * @param format the format's name in messages ({@code "MCAP"})
     * @param specs  the exporter's option schema
     * @param values the values as passed to {@code begin}; {@code null} means none
     */
    public OptionValues(String format, List<OptionSpec> specs, Map<String, String> values) {
        this.format = format;
        this.specs = List.copyOf(specs);
        this.values = values == null ? Map.of() : values;
        for (String key : this.values.keySet()) {
            if (this.specs.stream().noneMatch(s -> s.key().equals(key))) {
                throw new IllegalArgumentException("unknown " + format + " export option '" + key + "'; options: "
                        + this.specs.stream().map(OptionSpec::key).toList());
            }
        }
    }

    /** The value of {@code key}, or its default, trimmed. */
    public String string(String key) {
        String v = values.get(key);
        return (v == null ? spec(key).defaultValue() : v).trim();
    }

    /** The value of {@code key} in lower case, which must be one of its spec's choices. */
    public String choice(String key) {
        String v = string(key).toLowerCase(Locale.ROOT);
        List<String> choices = spec(key).choices();
        if (!choices.contains(v)) {
            throw bad(key, "is not one of " + choices);
        }
        return v;
    }

    /** The value of {@code key}, {@code true} or {@code false} in any case. */
    public boolean bool(String key) {
        return switch (string(key).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, "must be true or false");
        };
    }

    /** The value of {@code key}, a whole number from {@code min} to {@code max} (inclusive). */
    public int integer(String key, int min, int max) {
        try {
            int n = Integer.parseInt(string(key));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "must be a whole number from " + min + " to " + max);
    }

    /** The value of {@code key}, a number in {@code [0, 1)}. */
    public double fraction(String key) {
        try {
            double d = Double.parseDouble(string(key));
            if (d >= 0 && d < 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "must be a number from 0 (inclusive) to 1 (exclusive)");
    }

    /**
     * An {@link IllegalArgumentException} for a value of {@code key} that breaks a rule of the format's own:
     * {@code FORMAT export option KEY='VALUE' WHY}.
     */
    public IllegalArgumentException bad(String key, String why) {
        return new IllegalArgumentException(format + " export option " + key + "='" + values.get(key) + "' " + why);
    }

    private OptionSpec spec(String key) {
        return specs.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + format + " export option " + key));
    }
}
