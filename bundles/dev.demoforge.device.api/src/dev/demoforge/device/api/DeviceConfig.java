package dev.demoforge.device.api;

import java.util.Map;

/**
 * One device of a station: which driver runs it and with which settings.
 *
 * @param deviceId   unique within the station, used as the first part of stream topics ("arm", "cam_scene")
 * @param driverId   id of the {@link DeviceDriverFactory} that creates the driver
 * @param properties driver settings as strings (port, baud, ids, ...)
 * @since 0.1
 */
public record DeviceConfig(String deviceId, String driverId, Map<String, String> properties) {

    public DeviceConfig {
        if (deviceId == null || !deviceId.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("Device id must be letters, digits, '_', '-': " + deviceId);
        }
        properties = Map.copyOf(properties);
    }

    /** A property, or the fallback when it is absent. */
    public String property(String key, String fallback) {
        return properties.getOrDefault(key, fallback);
    }
}
