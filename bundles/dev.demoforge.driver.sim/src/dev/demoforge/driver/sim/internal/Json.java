package dev.demoforge.driver.sim.internal;

import java.util.Locale;

/** A minimal JSON object writer for the simulator's ground-truth events; numbers in a fixed, locale-free format. */
final class Json {

    private final StringBuilder sb = new StringBuilder("{");
    private boolean first = true;

    Json field(String name, String value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    Json field(String name, long value) {
        key(name).append(value);
        return this;
    }

    Json field(String name, boolean value) {
        key(name).append(value);
        return this;
    }

    /** A double with 6 decimals (µm, µrad, µs resolution for the units used here). */
    Json field(String name, double value) {
        key(name).append(number(value));
        return this;
    }

    /** A value that is already JSON (a nested object or an array). */
    Json raw(String name, String json) {
        key(name).append(json);
        return this;
    }

    String end() {
        return sb.append('}').toString();
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private StringBuilder key(String name) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        quote(name);
        return sb.append(':');
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
