package dev.demoforge.driver.ur.internal;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;

/**
 * Driver factory {@code ur-rtde}: a Universal Robots arm over RTDE. Properties: {@code host} (required),
 * {@code port} (30004), {@code rate_hz} (500), {@code joints}, {@code servo}, {@code servo_register},
 * {@code slow_controller} (degrade|refuse), {@code connect_timeout_ms}, {@code offline_after_ms},
 * {@code reconnect_ms} (see docs/network-drivers.md). The driver is also a {@link dev.demoforge.driver.ur.UrRobot}.
 */
@Component(service = DeviceDriverFactory.class)
public final class UrRtdeDriverFactory implements DeviceDriverFactory {

    @Override
    public String driverId() {
        return "ur-rtde";
    }

    @Override
    public String label() {
        return "Universal Robots arm (RTDE)";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return new UrRtdeDriver(UrConfig.parse(config));
    }
}
