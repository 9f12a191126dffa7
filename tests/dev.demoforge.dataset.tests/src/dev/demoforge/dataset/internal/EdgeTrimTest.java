package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which reference frames become rows when streams start and stop at different instants. */
class EdgeTrimTest {

    private static final long MS = 1_000_000L;

    /** A stream sampled every {@code periodMs} from {@code startMs} to {@code endMs} inclusive. */
    private static TimeSeries stream(double periodMs, double startMs, double endMs) {
        TimeSeries s = new TimeSeries();
        for (double t = startMs; t <= endMs + 1e-9; t += periodMs) {
            s.add(Math.round(t * MS), new double[] {0});
        }
        return s;
    }

    private static final TimeSeries CAMERA = stream(100.0 / 3, 0, 3000);

    @Test
    void rowsStartOnceEveryStreamHasDataAndEndBeforeOneStops() {
        // joints start 50 ms after the first frame and stop 40 ms before the last one
        int[] rows = EdgeTrim.rows(CAMERA, CAMERA.size(), List.of(stream(5, 50, 2960), stream(1, 0, 3000)));
        assertArrayEquals(new int[] {2, CAMERA.size() - 2}, rows, "frames at 0 and 33 ms, 2967 and 3000 ms out");
    }

    @Test
    void streamsThatCoverTheFramesTrimNothing() {
        assertArrayEquals(new int[] {0, CAMERA.size()}, EdgeTrim.rows(CAMERA, CAMERA.size(),
                List.of(stream(5, -20, 3010))));
    }

    @Test
    void aStreamMissingForMoreThanASecondIsAFaultNotTrimmed() {
        // a device that came up 1.5 s late: its rows are kept (and reported), the episode is not cut
        assertArrayEquals(new int[] {0, CAMERA.size()}, EdgeTrim.rows(CAMERA, CAMERA.size(),
                List.of(stream(5, 1500, 3000))));
    }

    @Test
    void onlyDecodableFramesBecomeRowsAndEmptyStreamsAreIgnored() {
        assertArrayEquals(new int[] {0, 50}, EdgeTrim.rows(CAMERA, 50, List.of(new TimeSeries())));
        assertArrayEquals(new int[] {0, 0}, EdgeTrim.rows(CAMERA, 0, List.of(stream(5, 50, 2960))));
    }

    @Test
    void anotherCameraCountsAsLiveFromOneFramePeriodPlusTheLatencySpreadBeforeItsFirstFrame() {
        long period = Math.round(1e9 / 30);
        // the wrist camera's first frame is exposed 40 ms after the scene's: scene frame 0 is kept
        EdgeTrim.OtherCamera wrist = new EdgeTrim.OtherCamera(stream(100.0 / 3, 40, 3040), period);
        assertArrayEquals(new int[] {0, CAMERA.size()}, EdgeTrim.rows(CAMERA, CAMERA.size(), List.of(), List.of(wrist)));
        // one that starts 100 ms late is not live at frame 0 (nor at 33 ms)
        EdgeTrim.OtherCamera late = new EdgeTrim.OtherCamera(stream(100.0 / 3, 100, 3100), period);
        assertArrayEquals(new int[] {2, CAMERA.size()}, EdgeTrim.rows(CAMERA, CAMERA.size(), List.of(), List.of(late)));
    }
}
