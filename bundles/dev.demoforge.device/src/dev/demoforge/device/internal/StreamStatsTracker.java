package dev.demoforge.device.internal;

import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamStats;

/**
 * Counts one stream's samples and measures its rate over one-second windows. Updated by the publishing driver
 * thread, read by any thread; a stale window reads as rate 0.
 */
final class StreamStatsTracker {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long samples;
    private long windowStartNanos;
    private long windowStartSamples;
    private double rateHz;
    private long lastHostNanos;
    private double latencyMillis = Double.NaN;

    synchronized void record(Sample sample, long nowNanos) {
        samples++;
        lastHostNanos = sample.hostNanos();
        latencyMillis = sample.hasDeviceTime() ? (sample.hostNanos() - sample.deviceNanos()) / 1e6 : Double.NaN;
        if (windowStartNanos == 0) {
            windowStartNanos = nowNanos;
            windowStartSamples = samples;
        } else if (nowNanos - windowStartNanos >= WINDOW_NANOS) {
            rateHz = (samples - windowStartSamples) * 1e9 / (nowNanos - windowStartNanos);
            windowStartNanos = nowNanos;
            windowStartSamples = samples;
        }
    }

    synchronized StreamStats snapshot(long nowNanos) {
        boolean stale = windowStartNanos == 0 || nowNanos - windowStartNanos > 2 * WINDOW_NANOS;
        return new StreamStats(samples, stale ? 0 : rateHz, lastHostNanos, latencyMillis);
    }
}
