package dev.demoforge.timesync;

import org.osgi.annotation.versioning.ProviderType;

import dev.demoforge.device.api.DeviceConfig;

/**
 * Estimates device clocks against the host monotonic clock, robust to one-sided transport delay: a sample is received
 * after it was taken, never before, so the line mapping device time to host time is fitted under the lower convex
 * hull of the (device time, host receive time) pairs (the line touching the hull that minimises the total delay
 * above it), per stretch between clock steps, with outliers below the envelope rejected.
 * <p>
 * Threading: thread-safe; {@link #estimate} is CPU-bound, O(n) in the pairs, and does not block otherwise.
 *
 * @since 0.1
 */
@ProviderType
public interface TimeSyncService {

    /**
     * Device property holding the device's fixed latency in ns: the constant part of the delay from capture to
     * receipt (exposure to arrival for a camera), which no clock fit can see. Absent means 0.
     */
    String LATENCY_PROPERTY = "timesync.latency_ns";

    /** A new online estimator for one clock. */
    ClockEstimator estimator(String clockId, long fixedLatencyNs);

    /**
     * A new estimator for a clock that is being recorded: fed online like {@link #estimator} in bounded memory, but
     * meant to be read once, through {@link ClockEstimator#finish()}, when the recording ends. Its final model takes
     * the hull's own slope (as {@link #estimate} does, not pulled towards the prior), so it equals the
     * whole-recording fit up to where a clock step's first sample lies (sought among the last 16384 pairs) and the
     * residual statistics (the last 16384 pairs). The recorder stores it with the raw episode.
     *
     * @since 0.2
     */
    ClockEstimator recordingEstimator(String clockId, long fixedLatencyNs);

    /**
     * Fits a clock on a whole recording at once (what dataset export uses): the same estimator as {@link #estimator},
     * with residual statistics over every pair and clock-step boundaries placed on the exact sample.
     *
     * @param deviceNanos device time stamps, device ns, the first {@code count} used, in receive order
     * @param hostNanos   host receive times, host ns, same order
     * @throws IllegalArgumentException if count is 0 or larger than an array
     */
    ClockModel estimate(String clockId, long[] deviceNanos, long[] hostNanos, int count, long fixedLatencyNs);

    /**
     * The fixed latency configured for a device of a station ({@link #LATENCY_PROPERTY} of its {@link DeviceConfig}),
     * 0 when the station or device is unknown or the property is absent.
     *
     * @throws IllegalArgumentException naming station, device and property when the value is not a whole number ≥ 0
     */
    long fixedLatencyNs(String stationId, String deviceId);

    /**
     * The fixed latency a device configuration declares, ns.
     *
     * @throws IllegalArgumentException naming the device and property when the value is not a whole number ≥ 0
     */
    static long fixedLatencyNs(DeviceConfig device) {
        String v = device.property(LATENCY_PROPERTY, null);
        if (v == null) {
            return 0;
        }
        try {
            long ns = Long.parseLong(v.trim());
            if (ns >= 0) {
                return ns;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Device " + device.deviceId() + ": property " + LATENCY_PROPERTY
                + " must be a whole number of ns ≥ 0, was '" + v + "'");
    }
}
