package dev.demoforge.driver.sim.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;

/** Creates simulated cameras ({@link CameraDriver}; properties {@code view}, {@code fps}). Device property {@code world} picks the shared world (default "default"). */
@Component(service = DeviceDriverFactory.class)
public final class SimCameraFactory implements DeviceDriverFactory {

    private final SimWorlds worlds;

    @Activate
    public SimCameraFactory(@Reference SimWorlds worlds) {
        this.worlds = worlds;
    }

    @Override
    public String driverId() {
        return "sim.camera";
    }

    @Override
    public String label() {
        return "Simulated camera";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return CameraDriver.create(config, worlds.world(config.property("world", SimWorlds.DEFAULT_WORLD)));
    }
}
