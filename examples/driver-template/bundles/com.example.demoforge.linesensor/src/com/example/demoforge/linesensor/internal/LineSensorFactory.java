package com.example.demoforge.linesensor.internal;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;

/**
 * Registered as an OSGi service by Declarative Services; DemoForge finds it by {@link #driverId()} when a station
 * names the driver. {@link #create} only reads the configuration: no I/O before {@link DeviceDriver#start}.
 */
@Component(service = DeviceDriverFactory.class)
public final class LineSensorFactory implements DeviceDriverFactory {

    @Override
    public String driverId() {
        return "example.linesensor";
    }

    @Override
    public String label() {
        return "Example line-protocol force-torque sensor (TCP)";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return new LineSensorDriver(config);
    }
}
