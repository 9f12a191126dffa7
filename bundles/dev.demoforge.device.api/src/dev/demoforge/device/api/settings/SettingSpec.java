package dev.demoforge.device.api.settings;

import java.util.List;
import java.util.Optional;

/**
 * One property a driver reads from its {@link dev.demoforge.device.api.DeviceConfig}.
 *
 * @param key          the property key ("port", "rate_hz", "timesync.latency_ns")
 * @param label        short name shown next to the field
 * @param description  one or two sentences, with the unit where there is one; may be empty
 * @param type         how the value is edited and checked
 * @param defaultValue the value the driver assumes when the property is absent, or null when it has none
 * @param required     whether the driver refuses a configuration without it
 * @param options      the allowed values when the setting is a choice, otherwise empty
 * @since 0.1
 */
public record SettingSpec(String key, String label, String description, SettingType type, String defaultValue,
        boolean required, List<String> options) {

    public SettingSpec {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A setting needs a key");
        }
        description = description == null ? "" : description;
        options = List.copyOf(options);
    }

    /** The default, if the driver has one. */
    public Optional<String> fallback() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether the value is picked from {@link #options()}. */
    public boolean isChoice() {
        return !options.isEmpty();
    }

    /**
     * Checks one value against the type and the options.
     *
     * @return empty when acceptable, otherwise a reason naming the setting
     */
    public Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(key + " is required") : Optional.empty();
        }
        if (isChoice() && !options.contains(value.strip())) {
            return Optional.of(key + " must be one of " + options + ", was '" + value + "'");
        }
        if (!type.accepts(value)) {
            return Optional.of(key + " must be " + type.name().toLowerCase(java.util.Locale.ROOT) + ", was '" + value
                    + "'");
        }
        return Optional.empty();
    }
}
