package dev.demoforge.device.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The devices that together form a recording station.
 *
 * @param id        station id ("sim", "koch-lab-3")
 * @param robotType free text naming the embodiment, copied into datasets ("demoforge_sim_arm", "koch")
 * @param devices   the devices, in display order
 * @since 0.1
 */
public record StationConfig(String id, String robotType, List<DeviceConfig> devices) {

    public StationConfig {
        devices = List.copyOf(devices);
    }

    /**
     * What this station changes against another (typically a saved copy against the built-in station it was saved
     * from), one readable line per difference, in device order: robot type, devices added or removed, a device's
     * driver, each property set, changed or unset; the display order when only that differs. Empty when equal.
     *
     * @since 0.4
     */
    public List<String> differencesFrom(StationConfig other) {
        List<String> lines = new ArrayList<>();
        if (!Objects.equals(robotType, other.robotType)) {
            lines.add("robot type " + other.robotType + " → " + robotType);
        }
        for (DeviceConfig d : devices) {
            DeviceConfig o = other.device(d.deviceId()).orElse(null);
            if (o == null) {
                lines.add("device " + d.deviceId() + " added (" + d.driverId() + ")");
                continue;
            }
            if (!o.driverId().equals(d.driverId())) {
                lines.add("device " + d.deviceId() + ": driver " + o.driverId() + " → " + d.driverId());
            }
            TreeSet<String> keys = new TreeSet<>(d.properties().keySet());
            keys.addAll(o.properties().keySet());
            for (String k : keys) {
                String mine = d.properties().get(k);
                String theirs = o.properties().get(k);
                if (!Objects.equals(mine, theirs)) {
                    lines.add("device " + d.deviceId() + ": " + k + " " + (theirs == null ? "set to " + mine
                            : mine == null ? "unset (was " + theirs + ")" : theirs + " → " + mine));
                }
            }
        }
        for (DeviceConfig o : other.devices) {
            if (device(o.deviceId()).isEmpty()) {
                lines.add("device " + o.deviceId() + " removed (" + o.driverId() + ")");
            }
        }
        if (lines.isEmpty() && !ids(devices).equals(ids(other.devices))) {
            lines.add("device order " + ids(other.devices) + " → " + ids(devices));
        }
        return lines;
    }

    /**
     * The device of that id, empty when the station has none.
     *
     * @since 0.4
     */
    public Optional<DeviceConfig> device(String deviceId) {
        return devices.stream().filter(d -> d.deviceId().equals(deviceId)).findFirst();
    }

    private static List<String> ids(List<DeviceConfig> devices) {
        return devices.stream().map(DeviceConfig::deviceId).toList();
    }
}
