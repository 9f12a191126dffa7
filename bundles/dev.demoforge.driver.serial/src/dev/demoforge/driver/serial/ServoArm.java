package dev.demoforge.driver.serial;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Commands and figures of a running serial-bus arm ({@link ServoArmDriver} implements it: cast the driver a factory
 * created). Commands are queued to the bus thread and run between two readings; each returns a future that completes
 * when the instruction went out (and was acknowledged where the protocol replies), or exceptionally with the reason
 * (not connected, servo error, model without that feature). Thread-safe; no method blocks.
 * <p>
 * Angles are radians after {@link Calibration}; currents are milliamps.
 *
 * @since 0.1
 */
@ProviderType
public interface ServoArm {

    /** Servo ids in joint order. */
    List<Integer> ids();

    /** Turns torque on or off on every servo. */
    CompletableFuture<Void> torque(boolean on);

    /** Switches every servo to a mode (turning torque off first, as the control tables require). */
    CompletableFuture<Void> mode(OperatingMode mode);

    /** Goal positions, one per joint, radians; clamped to each joint's calibrated range. */
    CompletableFuture<Void> goalPositions(double[] radians);

    /** Goal currents, one per joint, mA (current-control modes). */
    CompletableFuture<Void> goalCurrents(double[] milliamps);

    /**
     * Makes the present pose read zero: stores new homing offsets in the calibration and, when the device has a
     * calibration file, saves it.
     */
    CompletableFuture<Calibration> calibrateHoming();

    /** The calibration in use. */
    Calibration calibration();

    /** Models found at the last connection, by id; empty before. */
    Map<Integer, ServoModel> models();

    /** Bus counters of the current connection plus those of earlier ones. */
    BusStats busStats();

    /** How often the port was lost while open. */
    long portLosses();
}
