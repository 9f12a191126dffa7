package dev.demoforge.device.api.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings schema of one device driver, in the order its Metatype description lists them.
 *
 * @param driverId the {@link dev.demoforge.device.api.DeviceDriverFactory#driverId()} it describes
 * @param label    the driver's name from the description
 * @param settings the properties it reads
 * @since 0.1
 */
public record DriverSettings(String driverId, String label, List<SettingSpec> settings) {

    public DriverSettings {
        settings = List.copyOf(settings);
    }

    public Optional<SettingSpec> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Every setting that has a default, with it; in schema order. */
    public Map<String, String> defaults() {
        Map<String, String> result = new LinkedHashMap<>();
        settings.forEach(s -> s.fallback().ifPresent(v -> result.put(s.key(), v)));
        return result;
    }

    /** Problems of a set of properties against this schema (unknown keys are allowed: drivers may read more). */
    public List<String> problems(Map<String, String> properties) {
        return settings.stream().map(s -> s.problem(properties.get(s.key()))).flatMap(Optional::stream).toList();
    }
}
