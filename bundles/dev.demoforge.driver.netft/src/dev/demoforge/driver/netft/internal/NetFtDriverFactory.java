package dev.demoforge.driver.netft.internal;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;

/**
 * Driver factory {@code netft}: an ATI Net F/T force-torque sensor over RDT. Properties: {@code host} (required),
 * {@code port} (49152), {@code counts_per_force}, {@code counts_per_torque} (1000000), {@code rate_hz} (1000),
 * {@code offline_after_ms}, {@code reconnect_ms}, {@code bias_on_start} (see docs/network-drivers.md). The driver is
 * also a {@link dev.demoforge.driver.netft.NetFtSensor}.
 */
@Component(service = DeviceDriverFactory.class)
public final class NetFtDriverFactory implements DeviceDriverFactory {

    @Override
    public String driverId() {
        return "netft";
    }

    @Override
    public String label() {
        return "ATI Net F/T force-torque sensor (RDT)";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return new NetFtDriver(NetFtConfig.parse(config));
    }
}
