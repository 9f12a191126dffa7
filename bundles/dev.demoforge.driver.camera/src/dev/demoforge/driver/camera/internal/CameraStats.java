package dev.demoforge.driver.camera.internal;

import dev.demoforge.driver.camera.NegotiatedFormat;

/**
 * Counters of one camera run.
 *
 * @param format     the format of the current or last connection, null before the first
 * @param grabbed    frames decoded and handed to the publishing thread
 * @param published  frames published to the framework
 * @param dropped    frames dropped because the publishing thread fell behind (oldest first)
 * @param reconnects connections lost (or failed) and retried
 * @param clockSteps presentation times that went backwards or stood still (new epoch, or frame skipped)
 * @param staleAtConnect frames of a live source dropped because they came in the burst buffered while connecting
 * @param handoff    grab-to-publish latency of recent frames
 */
record CameraStats(NegotiatedFormat format, long grabbed, long published, long dropped, long reconnects,
        long clockSteps, long staleAtConnect, HandoffLatency.Summary handoff) {
}
