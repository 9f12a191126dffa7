package dev.demoforge.driver.ur;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A running {@code ur-rtde} driver seen as a robot: its controller, its counters and joint servoing through RTDE
 * input registers. Implemented by the driver; cast the {@link dev.demoforge.device.api.DeviceDriver} to it.
 * <p>
 * Servoing follows the pattern of UR's RTDE examples: the driver writes six joint targets (rad) to
 * {@code input_double_register_<base>..<base+5>} and 1 to {@code input_int_register_<base>} ("servo on"); a URScript
 * program running on the controller reads them every cycle and calls {@code servoj} (see docs/network-drivers.md).
 * Servoing needs the device property {@code servo=true}, which adds the input recipe at connection.
 * <p>
 * Threading: all methods are thread-safe and non-blocking apart from one socket write of at most a few dozen bytes.
 *
 * @since 0.1
 */
@ProviderType
public interface UrRobot {

    /** The controller's software version, once connected (kept after a disconnection). */
    Optional<ControllerVersion> controllerVersion();

    /** The output frequency agreed with the controller, Hz; 0 before the first connection. */
    double streamingRateHz();

    /** Counters since the driver was created. */
    RtdeStats stats();

    /**
     * Sends joint targets (six values, rad) to the controller's input registers with "servo on".
     *
     * @return false when not streaming, when servoing is not configured or the write failed (the reason is in the
     *         device status)
     * @throws IllegalArgumentException when {@code jointPositions} does not hold six finite numbers
     */
    boolean servoJ(double[] jointPositions);

    /** Sets "servo on" to 0 so the URScript loop stops following; false when not streaming or not configured. */
    boolean stopServo();
}
