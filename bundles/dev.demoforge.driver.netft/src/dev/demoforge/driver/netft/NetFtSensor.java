package dev.demoforge.driver.netft;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A running {@code netft} driver seen as a sensor: its counters and the software bias. Implemented by the driver;
 * cast the {@link dev.demoforge.device.api.DeviceDriver} to it.
 * <p>
 * Threading: thread-safe and non-blocking (one datagram sent).
 *
 * @since 0.1
 */
@ProviderType
public interface NetFtSensor {

    /** Counters since the driver was created. */
    NetFtStats stats();

    /**
     * Asks the sensor to take its present reading as zero (RDT command 0x0042, "set software bias").
     *
     * @return false when the driver is not running or the datagram could not be sent
     */
    boolean bias();
}
