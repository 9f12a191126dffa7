package dev.demoforge.device.api;

import java.util.Optional;

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

    /**
     * The kinematic model of the arm a device of this family with this configuration drives, if the driver knows
     * one. Datasets then can add the end-effector pose computed from the device's joint states. Fast, no hardware
     * access; the default declares none.
     *
     * @since 0.2
     */
    default Optional<KinematicModel> kinematicModel(DeviceConfig config) {
        return Optional.empty();
    }
}
