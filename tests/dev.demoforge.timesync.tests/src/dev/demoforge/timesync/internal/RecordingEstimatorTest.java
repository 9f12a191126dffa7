package dev.demoforge.timesync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.demoforge.timesync.ClockEstimator;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.DeviceClocks;

/**
 * The estimator the recorder runs while recording: fed online in bounded memory, its final model equals the
 * whole-recording fit export would otherwise compute.
 */
class RecordingEstimatorTest {

    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    private static ClockModel recorded(Crafted c, long latency) {
        ClockEstimator e = new TimeSyncServiceImpl(null).recordingEstimator("crafted", latency);
        for (int i = 0; i < c.n; i++) {
            e.add(c.device[i], c.host[i]);
        }
        return e.finish().orElseThrow();
    }

    @Test
    void theFinalModelEqualsTheWholeRecordingFit() {
        Crafted c = Crafted.generate(21, 1000, 60, 700 * MS, 50, 20 * US,
                Crafted.exponential(200 * US, 500 * US, 3 * MS), t -> 0);
        ClockModel online = recorded(c, 200 * US);
        ClockModel whole = c.estimate(200 * US);
        assertEquals(whole.segments(), online.segments());
        assertEquals(200 * US, online.fixedLatencyNs());
        long[] e = c.errors(online, 0, c.n);
        assertTrue(Crafted.p99(e) < 10 * US, "p99 " + Crafted.p99(e) + " ns");
        assertEquals(16384, online.residuals().count(), "residuals cover the last pairs only");
    }

    @Test
    void aClockStepLongAgoIsKeptWithItsBoundary() {
        long stepAt = Crafted.T0 + 12_000 * MS;
        Crafted c = Crafted.generate(22, 200, 60, 500 * MS, 35, 20 * US,
                Crafted.exponential(200 * US, 500 * US, 3 * MS), t -> t >= stepAt ? 50 * MS : 0);
        ClockModel online = recorded(c, 0);
        assertEquals(1, online.steps(), online.toJson());
        assertEquals(c.estimate(0).segments(), online.segments());
    }

    @Test
    void theEpisodeDocumentRoundTrips() {
        Crafted c = Crafted.generate(23, 30, 20, 0, -50, 200 * US, Crafted.uniform(15 * MS, 25 * MS), t -> 0);
        DeviceClocks clocks = new DeviceClocks(java.util.Map.of("cam", recorded(c, 15 * MS)));
        assertEquals(clocks, DeviceClocks.fromJson(clocks.toJson(), "test"));
    }
}
