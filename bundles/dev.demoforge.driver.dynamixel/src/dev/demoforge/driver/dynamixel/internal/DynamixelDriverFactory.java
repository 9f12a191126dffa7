package dev.demoforge.driver.dynamixel.internal;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.driver.serial.ServoArmConfig;
import dev.demoforge.driver.serial.ServoArmDriver;

/**
 * Driver factory {@code dynamixel}: an arm of Dynamixel X-series servos on one port. Properties as in
 * {@link ServoArmConfig} ({@code port}, {@code baud}, {@code ids}, {@code model} / {@code model.<id>},
 * {@code joints}, {@code rate_hz}, {@code calibration}, ...); the driver is a {@link ServoArmDriver}.
 */
@Component(service = DeviceDriverFactory.class)
public final class DynamixelDriverFactory implements DeviceDriverFactory {

    private final DynamixelFamily family = new DynamixelFamily();

    @Override
    public String driverId() {
        return family.driverId();
    }

    @Override
    public String label() {
        return "Dynamixel arm (Protocol 2.0)";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return ServoArmDriver.create(family, config);
    }
}
