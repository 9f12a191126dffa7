package dev.demoforge.driver.sim.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationProvider;

/**
 * The simulated station "sim-teleop": the devices of "sim" in their own world ("teleop"), with the follower arm
 * driven by the leader through the teleoperation service ({@code teleop.leader=leader}, 200 Hz, identity mapping):
 * the arm's joints are a simulated servo tracking the goals it is sent, and those goals are its action stream.
 */
@Component(service = StationProvider.class)
public final class SimTeleopStationProvider implements StationProvider {

    static final StationConfig STATION = teleop();

    private static StationConfig teleop() {
        List<DeviceConfig> devices = SimStationProvider.STATION.devices().stream().map(d -> {
            Map<String, String> p = new HashMap<>(d.properties());
            p.put("world", "teleop");
            if (d.deviceId().equals("arm")) {
                p.put("teleop.leader", "leader");
                p.put("teleop.rate_hz", "200");
            }
            return new DeviceConfig(d.deviceId(), d.driverId(), p);
        }).toList();
        return new StationConfig("sim-teleop", SimStationProvider.STATION.robotType(), devices);
    }

    @Override
    public StationConfig station() {
        return STATION;
    }
}
