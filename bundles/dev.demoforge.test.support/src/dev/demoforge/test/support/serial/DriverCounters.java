package dev.demoforge.test.support.serial;

/**
 * A serial driver's error counters, as the servo-bus kits read them from a running driver
 * ({@link ServoBusSetup#counters()}). A snapshot, immutable.
 *
 * @param errors       damaged or missing replies (timeouts, checksum errors, malformed packets, servo errors)
 * @param garbageBytes bytes skipped between packets
 * @param portLosses   times the open port failed
 * @param summary      the driver's own description of its counters ("3 timeouts, 12 garbage bytes")
 * @since 0.2
 */
public record DriverCounters(long errors, long garbageBytes, long portLosses, String summary) {
}
