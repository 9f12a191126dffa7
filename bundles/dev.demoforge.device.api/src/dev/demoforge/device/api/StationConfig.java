package dev.demoforge.device.api;

import java.util.List;

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
}
