package dev.demoforge.device.api;

/**
 * Live figures of one stream since the station connected.
 *
 * @param samples        samples published
 * @param rateHz         achieved rate over the last second, samples per second
 * @param lastHostNanos  host monotonic time of the newest sample, or 0 before the first
 * @param latencyMillis  host receive time minus device time of the newest sample in ms, NaN without device time
 *                       (includes the unknown device clock offset until time sync has run)
 * @since 0.1
 */
public record StreamStats(long samples, double rateHz, long lastHostNanos, double latencyMillis) {
}
