package dev.demoforge.recorder.internal;

import java.util.List;

import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamKind;

/**
 * Holds back each camera's first frames until every other stream of the episode is live, so that a camera's MP4
 * starts with a frame (a keyframe) exposed after every other stream's first sample: the dataset timeline then starts
 * on MP4 frame 0 and LeRobot export can copy the recorded packets (docs/time-sync.md, "Edges").
 * <p>
 * Capture time here is the host receive time minus the device's fixed latency ({@code timesync.latency_ns}, 0 when
 * absent). A camera frame is encoded once its capture time is at least {@link #MARGIN_NS} after the latest first
 * capture time of the non-camera data streams (event streams are not awaited: they may never speak). Frames held
 * back are counted as pre-roll ({@link StreamQueue#preRoll}), not as drops. Bounded: a frame received
 * {@link #MAX_WAIT_NS} or more after the recording started is always encoded, so a stream that never starts delays
 * the cameras by at most a second (it is a fault the alignment report shows).
 * <p>
 * Thread-safe: {@link #noteFirst} runs on driver threads, {@link #admits} on the encoder threads.
 */
final class CameraStartGate {

    /**
     * Margin above the latest first capture time, ns: 10 ms for the spread of a camera's receive latency above its
     * fixed latency (15–25 ms against 15 ms configured), which makes the receive time overstate the exposure
     * instant, plus 2 ms for the jitter of the clock fit the export maps capture times with.
     */
    static final long MARGIN_NS = 12_000_000L;
    /** Longest pre-roll, ns of host time after the recording's start. */
    static final long MAX_WAIT_NS = 1_000_000_000L;

    private final List<StreamQueue> awaited;
    private final long startHostNanos;

    CameraStartGate(List<StreamQueue> streams, long startHostNanos) {
        this.awaited = streams.stream().filter(q -> !q.isCamera() && q.stream.spec().kind() != StreamKind.EVENT)
                .toList();
        this.startHostNanos = startHostNanos;
    }

    /** Called with each sample of a non-camera stream before it is queued; does work for the first one only. */
    static void noteFirst(StreamQueue q, Sample sample) {
        if (q.firstCaptureNanos == StreamQueue.NOT_STARTED) {
            q.startOnce(sample.hostNanos() - q.latencyNs);
        }
    }

    /** Whether the camera's frame may open its MP4; once it did, the encoder no longer asks. */
    boolean admits(StreamQueue camera, Sample frame) {
        if (frame.hostNanos() - startHostNanos >= MAX_WAIT_NS) {
            return true;
        }
        long latest = Long.MIN_VALUE;
        for (StreamQueue q : awaited) {
            long first = q.firstCaptureNanos;
            if (first == StreamQueue.NOT_STARTED) {
                return false;
            }
            latest = Math.max(latest, first);
        }
        return frame.hostNanos() - camera.latencyNs >= latest + MARGIN_NS;
    }
}
