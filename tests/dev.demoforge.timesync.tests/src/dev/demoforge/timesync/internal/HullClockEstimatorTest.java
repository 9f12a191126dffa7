package dev.demoforge.timesync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.demoforge.timesync.ClockModel;

/** The lower-envelope fit on crafted data whose answer is known. */
class HullClockEstimatorTest {

    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    @Test
    void recoversAPureOffsetToTheNanosecond() {
        Crafted c = Crafted.generate(1, 1000, 10, 1_234_567_891L, 0, Crafted.constant(0));
        ClockModel m = c.estimate(0);
        long[] e = c.errors(m, 0, c.n);
        assertTrue(Crafted.max(e) <= 1, "max error " + Crafted.max(e) + " ns");
        assertEquals(0, m.driftPpm(), 1e-6);
        assertEquals(0, m.steps());
    }

    @Test
    void recoversA50ppmDriftAndSubtractsTheFixedLatency() {
        Crafted c = Crafted.generate(2, 200, 30, -1_700_000_000L, 50, Crafted.constant(300 * US));
        ClockModel m = c.estimate(300 * US);
        assertEquals(50, m.driftPpm(), 0.001);
        long[] e = c.errors(m, 0, c.n);
        assertTrue(Crafted.max(e) <= 2, "max error " + Crafted.max(e) + " ns");
        assertEquals(0, m.residuals().maxNs(), 2);
    }

    @Test
    void oneSidedExponentialDelayLeavesOnlyMicrosecondsOfError() {
        Crafted c = Crafted.generate(3, 200, 30, 900_000_000L, -47.5,
                Crafted.exponential(200 * US, 500 * US, 3 * MS));
        ClockModel m = c.estimate(200 * US);
        long[] e = c.errors(m, 0, c.n);
        System.out.printf("exponential delay (mean 0.5 ms): capture error p99 %.1f us, max %.1f us, drift %.3f ppm;"
                + " receive delay above the line p50 %.0f us%n", Crafted.p99(e) / 1e3, Crafted.max(e) / 1e3,
                m.driftPpm(), m.residuals().p50Ns() / 1e3);
        assertTrue(Crafted.p99(e) < 20 * US, "p99 " + Crafted.p99(e));
        assertEquals(-47.5, m.driftPpm(), 0.5);
        // the median delay above the envelope is the exponential's median (0.35 ms), not zero: the fit sits under it
        assertEquals(347 * US, m.residuals().p50Ns(), 40 * US);
        assertTrue(m.residuals().minNs() >= -1 * US, "no pair below the line: " + m.residuals());
    }

    @Test
    void uniformCameraLatencyMapsToTheExposureInstantWithinAMillisecond() {
        Crafted c = Crafted.generate(4, 30, 20, 0, 50, 200 * US, Crafted.uniform(15 * MS, 25 * MS), t -> 0);
        ClockModel m = c.estimate(15 * MS);
        long[] e = c.errors(m, 0, c.n);
        System.out.printf("camera, uniform 15-25 ms latency: capture error p99 %.3f ms, max %.3f ms%n",
                Crafted.p99(e) / 1e6, Crafted.max(e) / 1e6);
        assertTrue(Crafted.p99(e) < 1 * MS, "p99 " + Crafted.p99(e));
    }

    @Test
    void impossibleEarlyPairsAreRejectedAsOutliers() {
        Crafted c = Crafted.generate(5, 1000, 20, 42 * MS, 20, Crafted.exponential(150 * US, 250 * US, 2 * MS));
        SplittableRandom rng = new SplittableRandom(5);
        int[] glitches = new int[8];
        for (int k = 0; k < glitches.length; k++) {
            int i = 1000 + k * 2300 + rng.nextInt(200);
            glitches[k] = i;
            c.device[i] += 8 * MS; // a corrupted device stamp: the pair lies 8 ms under the envelope
        }
        ClockModel m = c.estimate(150 * US);
        assertEquals(0, m.steps(), "single bad stamps are not clock steps");
        long[] e = c.errors(m, 0, c.n);
        // every pair but the corrupted ones maps to its true instant
        assertTrue(e[e.length - glitches.length - 1] < 30 * US, "error without the glitches "
                + e[e.length - glitches.length - 1]);
    }

    @Test
    void delayBurstsAboveTheEnvelopeDoNotMoveTheLine() {
        Crafted c = Crafted.generate(6, 200, 30, 0, -30, 20 * US, (rng, t) -> {
            long base = 200 * US + (long) (-500 * US * Math.log(1 - rng.nextDouble()));
            boolean congested = (t - Crafted.T0) % (6_000 * MS) < 900 * MS;
            return base + (congested ? 40 * MS : 0) + (rng.nextInt(100) == 0 ? 150 * MS : 0);
        }, t -> 0);
        ClockModel m = c.estimate(200 * US);
        assertEquals(0, m.steps(), "bursts of delay shorter than two seconds are not steps");
        long[] e = c.errors(m, 0, c.n);
        assertTrue(Crafted.p99(e) < 30 * US, "p99 " + Crafted.p99(e));
    }

    @Test
    void aLongBurstOfDelayIsUndoneWhenTheOldLineComesBack() {
        long from = Crafted.T0 + 8_000 * MS;
        long to = from + 5_000 * MS;
        Crafted c = Crafted.generate(12, 200, 25, 0, 25, 20 * US, (rng, t) -> 200 * US
                + (long) (-500 * US * Math.log(1 - rng.nextDouble())) + (t >= from && t < to ? 40 * MS : 0), t -> 0);
        ClockModel m = c.estimate(200 * US);
        assertEquals(0, m.steps(), m.toJson());
        long[] e = c.errors(m, 0, c.n);
        assertTrue(Crafted.max(e) < 30 * US, "max " + Crafted.max(e));
    }

    @Test
    void aForwardClockStepStartsANewSegmentAtTheRightSample() {
        long stepAt = Crafted.T0 + 12_000 * MS;
        Crafted c = Crafted.generate(7, 200, 25, 500 * MS, 35, 20 * US,
                Crafted.exponential(200 * US, 500 * US, 3 * MS), t -> t >= stepAt ? 50 * MS : 0);
        ClockModel m = c.estimate(200 * US);
        assertEquals(1, m.steps(), m.toJson());
        int first = firstAtOrAfter(c, stepAt);
        assertEquals(c.host[first], m.segments().get(1).fromHostNs(), "segment starts at the first stepped sample");
        long[] e = c.errors(m, 0, c.n);
        assertTrue(Crafted.max(e) < 100 * US, "max " + Crafted.max(e));
        assertEquals(35, m.driftPpm(), 2);
    }

    @Test
    void aBackwardClockStepStartsANewSegment() {
        long stepAt = Crafted.T0 + 9_000 * MS;
        Crafted c = Crafted.generate(8, 1000, 20, 0, -50, 5 * US,
                Crafted.exponential(150 * US, 250 * US, 2 * MS), t -> t >= stepAt ? -30 * MS : 0);
        ClockModel m = c.estimate(150 * US);
        assertEquals(1, m.steps(), m.toJson());
        long boundary = m.segments().get(1).fromHostNs();
        int first = firstAtOrAfter(c, stepAt);
        assertTrue(Math.abs(boundary - c.host[first]) <= 2 * MS, "boundary off by " + (boundary - c.host[first]));
        long[] e = c.errors(m, 0, c.n);
        assertTrue(Crafted.p99(e) < 50 * US, "p99 " + Crafted.p99(e));
    }

    @Test
    void aDeviceClockResetStartsANewSegmentAtOnce() {
        long resetAt = Crafted.T0 + 7_000 * MS;
        Crafted c = Crafted.generate(9, 200, 15, 3_000 * MS, 10, 20 * US,
                Crafted.exponential(200 * US, 500 * US, 3 * MS), t -> t >= resetAt ? -3_000 * MS - 7_000 * MS : 0);
        ClockModel m = c.estimate(200 * US);
        assertEquals(1, m.steps());
        assertEquals(c.host[firstAtOrAfter(c, resetAt)], m.segments().get(1).fromHostNs());
        long[] e = c.errors(m, 0, c.n);
        assertTrue(Crafted.p99(e) < 50 * US, "p99 " + Crafted.p99(e));
    }

    @Test
    void memoryStaysBoundedOverAnHourAt1kHzAndTheFitStaysSharp() {
        HullClockEstimator est = new HullClockEstimator("hour", 150 * US,
                PairHistory.ring(HullClockEstimator.RING), true);
        SplittableRandom rng = new SplittableRandom(10);
        long n = 3_600_000;
        long lastErr = 0;
        for (long i = 0; i < n; i++) {
            long t = Crafted.T0 + i * MS;
            long d = t + 77 * MS + Math.round((t - Crafted.T0) * 50e-6);
            long h = t + 150 * US + Math.min(2 * MS, (long) (-250 * US * Math.log(1 - rng.nextDouble())));
            est.add(d, h);
            if (i == n - 1) {
                lastErr = est.model().orElseThrow().captureNanos(d, h) - t;
            }
        }
        assertTrue(est.pointsHeld() <= HullClockEstimator.MAX_POINTS, "points held " + est.pointsHeld());
        ClockModel m = est.model().orElseThrow();
        assertEquals(50, m.driftPpm(), 0.01);
        assertTrue(Math.abs(lastErr) < 20 * US, "online error after an hour " + lastErr + " ns");
        assertTrue(m.residuals().count() <= HullClockEstimator.RING);
    }

    @Test
    void theOnlineEstimateSettlesWithinTwoSeconds() {
        Crafted c = Crafted.generate(11, 200, 10, -2_000 * MS, -50, 20 * US,
                Crafted.exponential(200 * US, 500 * US, 3 * MS), t -> 0);
        HullClockEstimator est = new HullClockEstimator("online", 200 * US,
                PairHistory.ring(HullClockEstimator.RING), true);
        long worst = 0;
        for (int i = 0; i < c.n; i++) {
            est.add(c.device[i], c.host[i]);
            long err = Math.abs(est.model().orElseThrow().captureNanos(c.device[i], c.host[i]) - c.trueNs[i]);
            if (c.trueNs[i] - Crafted.T0 >= 2_000 * MS) {
                worst = Math.max(worst, err);
            }
        }
        assertTrue(worst < 100 * US, "online error after 2 s " + worst + " ns");
    }

    private static int firstAtOrAfter(Crafted c, long t) {
        for (int i = 0; i < c.n; i++) {
            if (c.trueNs[i] >= t) {
                return i;
            }
        }
        throw new AssertionError("no sample after " + t);
    }
}
