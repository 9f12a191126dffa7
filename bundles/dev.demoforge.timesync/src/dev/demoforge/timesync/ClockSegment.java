package dev.demoforge.timesync;

/**
 * One continuous stretch of a device clock: between two clock steps (a reset, a jump) the clock is a straight line
 * against the host clock, {@code device = host + offsetNs + (host - refHostNs) * driftPpm * 1e-6} (the convention of
 * the simulated station's {@code clock_truth}). Immutable.
 *
 * @param fromHostNs   host receive time of the first sample that belongs to this segment (host ns)
 * @param fromDeviceNs device time of that sample (device ns)
 * @param refHostNs    host instant the offset refers to (host ns)
 * @param offsetNs     device minus host time at {@code refHostNs}, ns
 * @param driftPpm     rate error of the device clock in parts per million, positive when it runs fast
 * @param samples      samples the segment was fitted on
 * @since 0.1
 */
public record ClockSegment(long fromHostNs, long fromDeviceNs, long refHostNs, long offsetNs, double driftPpm,
        long samples) {

    /** The host instant (ns) at which the device clock read {@code deviceNanos}, under this segment's line. */
    public long toHostNanos(long deviceNanos) {
        long sinceRef = deviceNanos - offsetNs - refHostNs;
        return refHostNs + Math.round(sinceRef / (1 + driftPpm * 1e-6));
    }

    /** The device clock reading (ns) at host instant {@code hostNanos}, under this segment's line. */
    public long toDeviceNanos(long hostNanos) {
        return hostNanos + offsetNs + Math.round((hostNanos - refHostNs) * driftPpm * 1e-6);
    }
}
