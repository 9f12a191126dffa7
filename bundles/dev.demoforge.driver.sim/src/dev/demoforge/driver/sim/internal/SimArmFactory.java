package dev.demoforge.driver.sim.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.KinematicModel;

/**
 * Creates the simulated follower arm ({@link ArmDriver}). Device property {@code world} picks the shared world (default
 * "default"); the arm's kinematic model is that world's {@link dev.demoforge.driver.sim.SimArmModel}.
 */
@Component(service = DeviceDriverFactory.class)
public final class SimArmFactory implements DeviceDriverFactory {

    private final SimWorlds worlds;

    @Activate
    public SimArmFactory(@Reference SimWorlds worlds) {
        this.worlds = worlds;
    }

    @Override
    public String driverId() {
        return "sim.arm";
    }

    @Override
    public String label() {
        return "Simulated follower arm";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return new ArmDriver(config, worlds.world(config.property("world", SimWorlds.DEFAULT_WORLD)));
    }

    @Override
    public Optional<KinematicModel> kinematicModel(DeviceConfig config) {
        return Optional.of(worlds.world(config.property("world", SimWorlds.DEFAULT_WORLD)).model());
    }
}
