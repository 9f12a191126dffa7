package dev.demoforge.driver.sim.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationProvider;

/**
 * The simulated station "sim", the product's default: follower arm, leader arm, scene and wrist cameras and a wrist
 * force-torque sensor, all in the world "default". Each device declares its fixed latency
 * ({@code timesync.latency_ns}): the smallest latency of its transport model, which no clock fit can see.
 */
@Component(service = StationProvider.class)
public final class SimStationProvider implements StationProvider {

    /** Device property of the time sync's fixed latency, ns ({@code TimeSyncService.LATENCY_PROPERTY}). */
    static final String LATENCY = "timesync.latency_ns";

    static final StationConfig STATION = new StationConfig("sim", "demoforge_sim_arm", List.of(
            new DeviceConfig("arm", "sim.arm", Map.of(LATENCY, "200000")),
            new DeviceConfig("leader", "sim.leader", Map.of(LATENCY, "200000")),
            new DeviceConfig("cam_scene", "sim.camera", Map.of("view", "scene", "fps", "30", LATENCY, "15000000")),
            new DeviceConfig("cam_wrist", "sim.camera", Map.of("view", "wrist", "fps", "30", LATENCY, "15000000")),
            new DeviceConfig("ft", "sim.ft", Map.of(LATENCY, "150000"))));

    @Override
    public StationConfig station() {
        return STATION;
    }
}
