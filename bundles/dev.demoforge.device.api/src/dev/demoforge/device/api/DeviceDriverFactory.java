package dev.demoforge.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates drivers for one device family. Register an implementation as an OSGi service (a DS component); the
 * workbench finds it by {@link #driverId()}.
 *
 * @since 0.1
 */
@ConsumerType
public interface DeviceDriverFactory {

    /** Stable id used in station configurations ("sim.arm", "dynamixel"). */
    String driverId();

    /** Name shown to users. */
    String label();

    /**
     * Creates a driver for one configured device. Must not touch the hardware yet (that is {@link DeviceDriver#start});
     * throws {@link IllegalArgumentException} naming the bad property when the configuration is unusable.
     */
    DeviceDriver create(DeviceConfig config);
}
