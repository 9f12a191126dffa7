package dev.demoforge.driver.serial;

import java.util.List;

/**
 * What a probe of a serial bus found.
 *
 * @param driverId  the family probed ("dynamixel")
 * @param port      the port
 * @param baud      bits per second
 * @param servos    the servos that answered, in id order
 * @param stats     bus counters of the probe (damaged replies show up here)
 * @param elapsedMs how long the probe took, ms
 * @since 0.1
 */
public record ProbeResult(String driverId, String port, int baud, List<Found> servos, BusStats stats, long elapsedMs) {

    /**
     * One servo that answered.
     *
     * @param id          bus id
     * @param modelNumber what it reported
     * @param model       the model's name, or "unknown"
     * @param firmware    firmware version
     * @param position    present position, counts; {@code Integer.MIN_VALUE} when it could not be read
     * @param radians     present position without calibration (0 at mid-range), rad; NaN when unknown
     */
    public record Found(int id, int modelNumber, String model, int firmware, int position, double radians) {
    }

    public ProbeResult {
        servos = List.copyOf(servos);
    }
}
