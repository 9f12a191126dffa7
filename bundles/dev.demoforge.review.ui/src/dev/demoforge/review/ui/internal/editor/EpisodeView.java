package dev.demoforge.review.ui.internal.editor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.demoforge.catalog.api.EpisodeRecord;

/**
 * What the editor shows of one episode, loaded off the UI thread. Every time is in seconds from the episode start
 * on the host time base (host receive time − the manifest's {@code startHostNanos}), the base of check reasons.
 *
 * @param record   the catalog row
 * @param duration the episode's length, s
 * @param cameras  every camera, with the time of each MP4 frame
 * @param plots    joints, gripper, wrench, speed (those recorded)
 * @param regions  the stored check results' reasons with their time ranges
 */
record EpisodeView(EpisodeRecord record, double duration, List<Camera> cameras, List<Plot> plots,
        List<Region> regions) {

    /** One camera: MP4 frame {@code i} was received at {@code frameSeconds[i]}. */
    record Camera(String topic, Path video, double[] frameSeconds) {

        /** The frame shown at an instant: the last one received at or before it (the first before it starts). */
        int frameAt(double seconds) {
            int i = Arrays.binarySearch(frameSeconds, seconds);
            int index = i >= 0 ? i : -i - 2;
            return Math.max(0, Math.min(frameSeconds.length - 1, index));
        }
    }

    /** Series sharing one time axis: {@code values[k][j]} is series {@code k} at {@code seconds[j]}. */
    record Plot(String title, String units, double[] seconds, List<String> names, double[][] values) {
    }

    /** A check's reason over a time range; {@code verdict} PASS, WARN or FAIL. */
    record Region(String checkId, String verdict, String text, double start, double end) {
    }

    /** The reference camera (the first), whose frames are the editor's steps; null without cameras. */
    Camera reference() {
        return cameras.isEmpty() ? null : cameras.get(0);
    }
}
