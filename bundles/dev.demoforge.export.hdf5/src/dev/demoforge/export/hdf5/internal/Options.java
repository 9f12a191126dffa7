package dev.demoforge.export.hdf5.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.demoforge.export.api.OptionSpec;

/**
 * Option values checked against an exporter's {@link OptionSpec}s: unknown keys and bad values are refused with an
 * {@link IllegalArgumentException} naming the option, the value and what is allowed; missing keys take defaults.
 */
final class Options {

    /** {@code color_order}: what channel order image arrays are stored in. */
    static final String COLOR_ORDER = "color_order";
    /** {@code gzip}: deflate level of every dataset, 0 = no filter. */
    static final String GZIP = "gzip";

    private final String format;
    private final List<OptionSpec> specs;
    private final Map<String, String> values;

    Options(String format, List<OptionSpec> specs, Map<String, String> values) {
        this.format = format;
        this.specs = specs;
        this.values = values == null ? Map.of() : values;
        for (String key : this.values.keySet()) {
            if (specs.stream().noneMatch(s -> s.key().equals(key))) {
                throw new IllegalArgumentException("unknown " + format + " export option '" + key + "'; options: "
                        + specs.stream().map(OptionSpec::key).toList());
            }
        }
    }

    static OptionSpec colorOrderSpec() {
        return new OptionSpec(COLOR_ORDER, "Image channel order in the arrays", OptionSpec.CHOICE, "rgb",
                List.of("rgb", "bgr"));
    }

    static OptionSpec gzipSpec() {
        return new OptionSpec(GZIP, "gzip level (0 = none, 1-9)", OptionSpec.INT, "0", List.of());
    }

    private OptionSpec spec(String key) {
        return specs.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no option " + key));
    }

    private String raw(String key) {
        String v = values.get(key);
        return (v == null ? spec(key).defaultValue() : v).trim();
    }

    String choice(String key) {
        String v = raw(key).toLowerCase(Locale.ROOT);
        List<String> choices = spec(key).choices();
        if (!choices.contains(v)) {
            throw bad(key, "is not one of " + choices);
        }
        return v;
    }

    boolean bool(String key) {
        String v = raw(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, "must be true or false");
        };
    }

    int integer(String key, int min, int max) {
        try {
            int n = Integer.parseInt(raw(key));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "must be a whole number from " + min + " to " + max);
    }

    double fraction(String key) {
        try {
            double d = Double.parseDouble(raw(key));
            if (d >= 0 && d < 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "must be a number from 0 (inclusive) to 1 (exclusive)");
    }

    /** {@link #COLOR_ORDER} is {@code rgb}. */
    boolean rgb() {
        return choice(COLOR_ORDER).equals("rgb");
    }

    private IllegalArgumentException bad(String key, String why) {
        return new IllegalArgumentException(format + " export option " + key + "='" + values.get(key) + "' " + why);
    }
}
