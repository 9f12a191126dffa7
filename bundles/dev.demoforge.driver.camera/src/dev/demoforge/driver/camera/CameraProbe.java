package dev.demoforge.driver.camera;

import java.time.Duration;
import java.util.List;

import dev.demoforge.driver.camera.internal.Probing;

/**
 * Opens a camera once, reports the negotiated format and the times of its first frames, and closes it.
 * Blocking: returns after {@code frames} frames, the time limit, or the first error. Thread-safe (no shared state).
 *
 * @since 0.1
 */
public final class CameraProbe {

    /**
     * Times of one probed frame.
     *
     * @param hostNanos  host monotonic time at which the frame was decoded ({@link System#nanoTime()}), ns
     * @param ptsMicros  presentation time FFmpeg gave the frame, µs (V4L2: the kernel's CLOCK_MONOTONIC buffer time)
     */
    public record FrameTime(long hostNanos, long ptsMicros) {
    }

    /**
     * What a probe found.
     *
     * @param url      what was opened
     * @param format   the negotiated format, or null when the source did not open
     * @param frames   times of the frames read
     * @param error    why the source did not open or stopped early, or "" when all frames came
     * @param openMillis time to open the source (connection and stream analysis), ms
     */
    public record Result(String url, NegotiatedFormat format, List<FrameTime> frames, String error, long openMillis) {

        /** Frame rate over the frames read (by host time), or 0 with fewer than two frames. */
        public double measuredFps() {
            if (frames.size() < 2) {
                return 0;
            }
            long span = frames.get(frames.size() - 1).hostNanos() - frames.get(0).hostNanos();
            return span <= 0 ? 0 : (frames.size() - 1) * 1e9 / span;
        }
    }

    private CameraProbe() {
    }

    /** Reads up to {@code frames} frames within {@code limit}. */
    public static Result probe(CameraSettings settings, int frames, Duration limit) {
        return Probing.probe(settings, frames, limit);
    }
}
