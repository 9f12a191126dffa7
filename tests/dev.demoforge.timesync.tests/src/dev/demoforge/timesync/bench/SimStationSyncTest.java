package dev.demoforge.timesync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.device.api.StationManager;
import dev.demoforge.timesync.TimeSyncService;

/**
 * The alignment bound on the real simulated station (its drivers through the real StationManager, clocks forced to
 * ±50 ppm, its published ground truth as the reference): fails if time sync regresses past 1 ms p99.
 */
class SimStationSyncTest {

    private static final double BOUND_MS = 1.0;
    /**
     * The live estimate (not what export uses): a 30 fps camera with 10 ms of delay spread is still settling a few
     * seconds in, 0.5–1.0 ms p99 over the 8 s measured here depending on the machine's load.
     */
    private static final double ONLINE_BOUND_MS = 2.0;
    private static SyncBenchmark.Result result;

    @BeforeAll
    static void runTheStationForTenSeconds() throws Exception {
        result = SyncBenchmark.run(service(StationManager.class), service(TimeSyncService.class),
                SyncBenchmark.Settings.of(10));
        for (SyncBenchmark.ClockResult c : result.clocks()) {
            System.out.printf("%-32s true %+8.3f ppm  estimated %+8.3f ppm  steps %d  residual p99 %.3f ms%n",
                    c.clockId(), c.trueDriftPpm(), c.estimatedDriftPpm(), c.steps(), c.residualP99Ms());
        }
        for (SyncBenchmark.StreamResult s : result.streams()) {
            System.out.printf("%-20s receive p99 %7.3f | online p99 %6.3f | episode p99 %6.3f max %6.3f | naive row"
                    + " p99 %7.3f | synced row p99 %7.3f (%s) ms%n", s.topic(), s.receive().p99Ms(), s.online().p99Ms(),
                    s.episode().p99Ms(), s.episode().maxMs(), s.naiveRow().p99Ms(), s.syncedRow().p99Ms(),
                    s.rowMethod());
        }
    }

    @Test
    void everyStreamsStoredCaptureTimeIsWithin1msP99OfTheTrueInstant() {
        assertEquals(6, result.streams().size(), "joints, gripper, action, two cameras, wrench");
        for (SyncBenchmark.StreamResult s : result.streams()) {
            assertTrue(s.episode().count() > 200, s.topic() + " measured " + s.episode().count());
            assertTrue(s.episode().p99Ms() < BOUND_MS, s.topic() + " whole-recording fit p99 " + s.episode().p99Ms());
            assertTrue(s.online().p99Ms() < ONLINE_BOUND_MS, s.topic() + " online estimate p99 " + s.online().p99Ms());
        }
    }

    @Test
    void syncedRowsHoldInterpolatedStreamsWithin1msOfTheRowTime() {
        for (SyncBenchmark.StreamResult s : result.streams()) {
            if (!s.rowMethod().equals("nearest")) {
                assertTrue(s.syncedRow().p99Ms() < BOUND_MS, s.topic() + " synced row p99 " + s.syncedRow().p99Ms());
                assertTrue(s.syncedSkew().p99Ms() < BOUND_MS, s.topic() + " skew p99 " + s.syncedSkew().p99Ms());
            } else {
                // another camera's nearest frame: at most half a frame period away (plus jitter and sync error)
                assertTrue(s.syncedRow().maxMs() < 1000 / s.nominalRateHz() / 2 + BOUND_MS, s.topic() + " nearest "
                        + s.syncedRow().maxMs());
            }
        }
    }

    @Test
    void theNaiveLoopPairsFramesWithSamplesTensOfMillisecondsApart() {
        // the benchmark's baseline must show the problem the sync removes, or the comparison means nothing
        for (SyncBenchmark.StreamResult s : result.streams()) {
            if (s.rowMethod().equals("linear")) {
                assertTrue(s.naiveSkew().p99Ms() > 10, s.topic() + ": naive skew p99 " + s.naiveSkew().p99Ms());
                assertTrue(s.naiveRow().p99Ms() > s.syncedRow().p99Ms() + 1, s.topic() + ": naive row p99 "
                        + s.naiveRow().p99Ms() + " vs synced " + s.syncedRow().p99Ms());
            }
        }
    }

    @Test
    void driftIsEstimatedWithinAFewPpmWhereSamplesAreDense() {
        for (SyncBenchmark.ClockResult c : result.clocks()) {
            assertEquals(50, Math.abs(c.trueDriftPpm()), 1e-9, c.clockId() + " was not forced to ±50 ppm");
            assertEquals(0, c.steps(), c.clockId());
            // a 30 fps camera with 10 ms of latency spread pins its drift only to tens of ppm in 10 s (the mapping,
            // checked above, stays well within the bound); the 200 Hz and 1 kHz clocks to a few ppm
            if (!c.clockId().contains("cam_")) {
                assertEquals(c.trueDriftPpm(), c.estimatedDriftPpm(), 3, c.clockId());
            }
        }
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(SyncBenchmark.class);
        ServiceTracker<T, T> t = new ServiceTracker<>(bundle.getBundleContext(), type, null);
        t.open();
        T s = t.waitForService(15_000);
        if (s == null) {
            fail("No " + type.getSimpleName() + " service within 15 s (is SCR running?)");
        }
        return s;
    }
}
