package dev.demoforge.driver.feetech.internal;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.driver.serial.ServoArmConfig;
import dev.demoforge.driver.serial.ServoArmDriver;

/**
 * Driver factory {@code feetech}: an arm of Feetech STS servos (SO-100, SO-101) on one port. Properties as in
 * {@link ServoArmConfig} ({@code port}, {@code baud}, {@code ids}, {@code model} / {@code model.<id>},
 * {@code joints}, {@code rate_hz}, {@code calibration}, ...); the driver is a {@link ServoArmDriver}.
 */
@Component(service = DeviceDriverFactory.class)
public final class FeetechDriverFactory implements DeviceDriverFactory {

    private final FeetechFamily family = new FeetechFamily();

    @Override
    public String driverId() {
        return family.driverId();
    }

    @Override
    public String label() {
        return "Feetech arm (SCS/STS)";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return ServoArmDriver.create(family, config);
    }
}
