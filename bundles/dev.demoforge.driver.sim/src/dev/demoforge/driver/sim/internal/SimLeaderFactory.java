package dev.demoforge.driver.sim.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;

/** Creates the simulated operator's leader arm ({@link LeaderDriver}). Device property {@code world} picks the shared world (default "default"). */
@Component(service = DeviceDriverFactory.class)
public final class SimLeaderFactory implements DeviceDriverFactory {

    private final SimWorlds worlds;

    @Activate
    public SimLeaderFactory(@Reference SimWorlds worlds) {
        this.worlds = worlds;
    }

    @Override
    public String driverId() {
        return "sim.leader";
    }

    @Override
    public String label() {
        return "Simulated leader arm";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return new LeaderDriver(config, worlds.world(config.property("world", SimWorlds.DEFAULT_WORLD)));
    }
}
