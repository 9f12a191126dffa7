package dev.demoforge.export.api;

import java.util.List;
import java.util.Objects;

/**
 * One exporter option the workbench renders as a form field; its value reaches
 * {@link DatasetExporter#begin} as a string in the options map. Immutable.
 *
 * @param key          option key in the options map
 * @param label        user-facing label
 * @param type         one of {@code "string"}, {@code "int"}, {@code "bool"}, {@code "choice"}
 * @param defaultValue value used when the map has no entry for {@code key}
 * @param choices      allowed values for {@code "choice"}; empty otherwise
 * @since 0.1
 */
public record OptionSpec(String key, String label, String type, String defaultValue, List<String> choices) {

    /** Option type of free text. */
    public static final String STRING = "string";
    /** Option type of an integer. */
    public static final String INT = "int";
    /** Option type of {@code "true"} / {@code "false"}. */
    public static final String BOOL = "bool";
    /** Option type of one of {@link #choices()}. */
    public static final String CHOICE = "choice";

    /** Validates and copies. */
    public OptionSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (!List.of(STRING, INT, BOOL, CHOICE).contains(type)) {
            throw new IllegalArgumentException("option '" + key + "': unknown type '" + type + "'");
        }
        if (type.equals(CHOICE) && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("option '" + key + "': default '" + defaultValue + "' not in " + choices);
        }
    }
}
