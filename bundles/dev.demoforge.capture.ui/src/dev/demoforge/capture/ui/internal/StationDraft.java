package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;

/**
 * The station as the editor holds it until it is saved: the connected station's devices, in order, with the devices
 * added and without the devices removed since, each with its (mutable) property map. Not thread-safe: the UI thread
 * owns it; {@link #toConfig()} gives an immutable copy for jobs.
 */
final class StationDraft {

    /** What a new device id may be made of. */
    static final Pattern NEW_ID = Pattern.compile("[a-z0-9_]+");

    private record Entry(String driverId, Map<String, String> properties) {
    }

    private final StationConfig base;
    private final Map<String, Entry> devices = new LinkedHashMap<>();

    StationDraft(StationConfig base) {
        this.base = base;
        base.devices().forEach(d -> devices.put(d.deviceId(), new Entry(d.driverId(), new HashMap<>(d.properties()))));
    }

    /** The station this draft started from (the connected one). */
    StationConfig base() {
        return base;
    }

    List<String> deviceIds() {
        return List.copyOf(devices.keySet());
    }

    boolean contains(String deviceId) {
        return devices.containsKey(deviceId);
    }

    Optional<String> driverId(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId)).map(Entry::driverId);
    }

    /** The device's pending properties, edited in place by the forms; null when the draft has no such device. */
    Map<String, String> properties(String deviceId) {
        Entry entry = devices.get(deviceId);
        return entry == null ? null : entry.properties();
    }

    /** Whether the device was added since the station was connected. */
    boolean isAdded(String deviceId) {
        return devices.containsKey(deviceId) && base.devices().stream().noneMatch(d -> d.deviceId().equals(deviceId));
    }

    /** The connected devices that this draft removes, in station order. */
    List<String> removed() {
        return base.devices().stream().map(DeviceConfig::deviceId).filter(id -> !devices.containsKey(id)).toList();
    }

    /** What is wrong with a new device id, or empty when it can be added. */
    Optional<String> problemWithNewId(String deviceId, Messages messages) {
        if (deviceId == null || deviceId.isBlank()) {
            return Optional.of(messages.addDeviceIdEmpty);
        }
        if (!NEW_ID.matcher(deviceId).matches()) {
            return Optional.of(MessageFormat.format(messages.addDeviceIdChars, deviceId));
        }
        if (devices.containsKey(deviceId)) {
            return Optional.of(MessageFormat.format(messages.addDeviceIdTaken, deviceId));
        }
        return Optional.empty();
    }

    /** Adds a device with the given properties (its driver's defaults) at the end. */
    void add(String deviceId, String driverId, Map<String, String> properties) {
        if (devices.containsKey(deviceId)) {
            throw new IllegalArgumentException("Device " + deviceId + " is already in station " + base.id());
        }
        devices.put(deviceId, new Entry(driverId, new HashMap<>(properties)));
    }

    void remove(String deviceId) {
        devices.remove(deviceId);
    }

    /** The pending station, immutable. */
    StationConfig toConfig() {
        List<DeviceConfig> list = new ArrayList<>();
        devices.forEach((id, e) -> list.add(new DeviceConfig(id, e.driverId(), e.properties())));
        return new StationConfig(base.id(), base.robotType(), list);
    }
}
