package dev.demoforge.dataset.internal;

import java.util.List;

/**
 * Where an episode's dataset rows start and end. Streams do not start and stop at the same instant: a camera frame
 * is exposed 15–25 ms before it is received, threads start a little apart, the recorder stops every stream at one
 * host instant but their capture instants lie up to a latency before it. A row before some stream's first sample (or
 * after its last) would hold that stream's edge value, a value from another instant, so such rows are left out: the
 * timeline starts at the first reference frame at or after every other stream's first sample, and ends at the last
 * one at or before every stream's last sample.
 * <p>
 * Only edges of at most {@value #MAX_EDGE_NS} ns are trimmed on each side. A stream missing for longer at an edge
 * (a device that connected late or was lost and never came back) is a fault, not a skew: its rows are kept, held at
 * the edge value, and reported ({@code rows_outside}, {@code rows_over_tolerance}) rather than silently cutting the
 * episode short. Streams without samples are ignored here (reported as missing by the alignment report).
 * <p>
 * Another camera is shown by its nearest frame, so it counts as live from {@link #cameraLeadNs one lead} before its
 * first frame: the recorder starts every camera's video at the same instant (the first frame exposed after every
 * other stream is live), so the cameras' first frames lie up to one frame period plus the spread of their receive
 * latency apart, and requiring each to precede the other would cut the reference camera's first frame, the keyframe
 * LeRobot export needs to copy packets, about every other episode.
 */
final class EdgeTrim {

    /** Longest edge trimmed, ns: a second covers every latency and start-up skew seen; longer is a device fault. */
    static final long MAX_EDGE_NS = 1_000_000_000L;
    /** Spread of a camera's receive latency above its fixed latency (15–25 ms against 15 ms) plus 5 ms, ns. */
    static final long CAMERA_SPREAD_NS = 15_000_000L;

    /** Another camera: capture times of its frames and its nominal frame period, ns. */
    record OtherCamera(TimeSeries frames, long periodNs) {
    }

    private EdgeTrim() {
    }

    /**
     * The reference frames to use as rows: {@code [first, end)} within {@code [0, decodable)}.
     *
     * @param reference capture times of the reference camera's frames
     * @param decodable frames of the reference camera the MP4 really holds
     * @param others    capture times of every other aligned stream
     */
    static int[] rows(TimeSeries reference, int decodable, List<TimeSeries> others) {
        return rows(reference, decodable, others, List.of());
    }

    /** How long before its first frame another camera counts as live: one frame period plus the latency spread. */
    static long cameraLeadNs(long periodNs) {
        return periodNs + CAMERA_SPREAD_NS;
    }

    /**
     * As {@link #rows(TimeSeries, int, List)}, with the other cameras counted live from
     * {@link #cameraLeadNs(long)} before their first frame.
     */
    static int[] rows(TimeSeries reference, int decodable, List<TimeSeries> others, List<OtherCamera> cameras) {
        if (decodable == 0) {
            return new int[] {0, 0};
        }
        long start = Long.MIN_VALUE;
        long stop = Long.MAX_VALUE;
        for (TimeSeries s : others) {
            if (s.size() > 0) {
                start = Math.max(start, s.time(0));
                stop = Math.min(stop, s.time(s.size() - 1));
            }
        }
        for (OtherCamera c : cameras) {
            if (c.frames().size() > 0) {
                start = Math.max(start, c.frames().time(0) - cameraLeadNs(c.periodNs()));
                stop = Math.min(stop, c.frames().time(c.frames().size() - 1));
            }
        }
        long firstTime = reference.time(0);
        long lastTime = reference.time(decodable - 1);
        int first = 0;
        if (start > firstTime && start - firstTime <= MAX_EDGE_NS) {
            while (first < decodable && reference.time(first) < start) {
                first++;
            }
        }
        int end = decodable;
        if (stop < lastTime && lastTime - stop <= MAX_EDGE_NS) {
            while (end > first && reference.time(end - 1) > stop) {
                end--;
            }
        }
        return new int[] {first, end};
    }
}
