package dev.demoforge.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.demoforge.driver.sim.SimArmModel;
import dev.demoforge.driver.sim.internal.TrialTruth.Outcome;

class TrialTest {

    private static final SimArmModel M = SimArmModel.DEFAULT;
    private static final double[] HOME = new SimWorld("t", M, 1).home();

    private static Trial trial(long seed) {
        return TrialPlanner.plan(seed, "episode-" + seed, M, HOME);
    }

    @Test
    void sameSeedGivesSameTruthAndTrajectory() {
        // two different worlds (different scenes and noise): the trial itself depends on the seed only
        Trial a = TrialPlanner.plan(1234, "ep", M, new SimWorld("a", M, 7).home());
        Trial b = TrialPlanner.plan(1234, "ep", M, new SimWorld("b", M, 8).home());
        assertEquals(a.truth().toJson(), b.truth().toJson());
        for (double t = 0; t <= a.duration(); t += 0.0137) {
            assertArrayEquals(a.leader(t), b.leader(t), 0.0, "leader at " + t);
            assertArrayEquals(a.follower(t), b.follower(t), 0.0, "follower at " + t);
            assertArrayEquals(a.object(t), b.object(t), 0.0, "object at " + t);
        }
        assertNotEquals(a.truth().toJson(), trial(1235).truth().toJson());
    }

    @Test
    void outcomeMixOver200SeededTrialsIsAsDesigned() {
        int success = 0, failed = 0, dropped = 0, clean = 0, hesitant = 0, jerky = 0;
        for (long seed = 0; seed < 200; seed++) {
            TrialTruth t = trial(seed).truth();
            switch (t.outcome()) {
                case SUCCESS -> success++;
                case FAILED_GRASP -> failed++;
                case DROPPED_OUTSIDE -> dropped++;
            }
            hesitant += t.hesitations().isEmpty() ? 0 : 1;
            jerky += t.jerky() ? 1 : 0;
            clean += t.outcome() == Outcome.SUCCESS && !t.jerky() && t.hesitations().isEmpty() ? 1 : 0;
            double motion = t.durationS() - t.hesitations().stream().mapToDouble(h -> h[1] - h[0] + 0.4).sum();
            assertTrue(motion >= 6.0 - 1e-9 && motion <= 9.0 + 1e-9, "seed " + seed + " moves for " + motion + " s");
        }
        String mix = "success " + success + ", failed " + failed + ", dropped " + dropped + ", clean " + clean
                + ", hesitant " + hesitant + ", jerky " + jerky;
        System.out.println("Outcome mix over 200 seeds: " + mix);
        assertTrue(success >= 140 && success <= 172, mix);
        assertTrue(failed >= 10 && failed <= 36, mix);
        assertTrue(dropped >= 10 && dropped <= 36, mix);
        assertTrue(clean >= 100 && clean <= 140, mix);
        assertTrue(hesitant >= 10 && hesitant <= 40, mix);
        assertTrue(jerky >= 10 && jerky <= 40, mix);
    }

    @Test
    void objectEndsWhereTheOutcomeSays() {
        int checked = 0;
        for (long seed = 0; seed < 200; seed++) {
            Trial trial = trial(seed);
            TrialTruth t = trial.truth();
            double[] end = trial.object(trial.duration() + 1);
            double[] bin = t.bin();
            double half = t.objectSize() / 2;
            boolean wholeInBin = Math.abs(end[0] - bin[0]) <= bin[2] - half
                    && Math.abs(end[1] - bin[1]) <= bin[3] - half;
            boolean centreInBin = Math.abs(end[0] - bin[0]) <= bin[2] && Math.abs(end[1] - bin[1]) <= bin[3];
            assertEquals(half, end[2], 1e-12, "seed " + seed + " object rests on the table");
            switch (t.outcome()) {
                case SUCCESS -> assertTrue(wholeInBin, "seed " + seed + " success ends in the bin at " + str(end));
                case DROPPED_OUTSIDE -> assertFalse(centreInBin, "seed " + seed + " dropped ends outside");
                case FAILED_GRASP -> assertArrayEquals(t.object(), end, 0.0, "seed " + seed + " never lifted");
            }
            checked++;
        }
        assertEquals(200, checked);
    }

    @Test
    void objectIsLiftedOnlyWhenGrasped() {
        for (long seed = 0; seed < 60; seed++) {
            Trial trial = trial(seed);
            double liftEnd = trial.truth().phase("place");
            double z = trial.object(liftEnd)[2];
            if (trial.truth().outcome() == Outcome.FAILED_GRASP) {
                assertEquals(0.02, z, 1e-12, "seed " + seed);
                assertTrue(trial.follower(liftEnd)[6] < 0.1, "empty gripper closes fully, seed " + seed);
            } else {
                assertTrue(z > 0.1, "seed " + seed + " lifted to " + z);
                assertEquals(0.5, trial.follower(liftEnd)[6], 0.01, "fingers stop on the cube, seed " + seed);
            }
        }
    }

    @Test
    void followerTracksLeaderWithAbout30msLag() {
        Trial trial = trial(3);
        double lagged = 0, unlagged = 0;
        for (double t = 0.5; t < trial.duration(); t += 0.002) {
            for (int j = 0; j < 6; j++) {
                double f = trial.follower(t)[j];
                lagged += sq(f - trial.leader(t - Trial.LAG_S)[j]);
                unlagged += sq(f - trial.leader(t)[j]);
            }
        }
        assertTrue(lagged < 0.1 * unlagged, "lagged " + lagged + " vs " + unlagged);
    }

    @Test
    void hesitationHoldsTheLeaderAlmostStill() {
        Trial trial = firstWhere(t -> !t.truth().hesitations().isEmpty());
        double[] span = trial.truth().hesitations().get(0);
        assertTrue(span[1] - span[0] >= 1.0 && span[1] - span[0] <= 3.0, "pause of " + (span[1] - span[0]) + " s");
        double pauseSpeed = maxSpeed(trial, span[0], span[1]);
        double reachSpeed = maxSpeed(trial, trial.truth().phase("place"), trial.truth().phase("release"));
        assertTrue(pauseSpeed < 0.1 && pauseSpeed < 0.2 * reachSpeed, pauseSpeed + " rad/s in the pause vs "
                + reachSpeed + " when placing");
    }

    @Test
    void tremorShowsAtItsFrequencyOnlyInJerkyTrials() {
        Trial shaky = firstWhere(t -> t.truth().tremorHz() > 0);
        Trial calm = firstWhere(t -> !t.truth().jerky());
        double f = shaky.truth().tremorHz();
        double amp = shaky.truth().tremorAmpRad();
        double shakyAmp = toneAmplitude(shaky, f);
        double calmAmp = toneAmplitude(calm, f);
        assertEquals(amp, shakyAmp, 0.3 * amp, "tremor of " + amp + " rad at " + f + " Hz");
        assertTrue(calmAmp < 0.15 * amp, "calm trial shows " + calmAmp + " rad at " + f + " Hz");
    }

    @Test
    void phasesComeInOrderWithinTheTrial() {
        for (long seed = 0; seed < 50; seed++) {
            TrialTruth t = trial(seed).truth();
            List<String> names = t.phases().stream().map(TrialTruth.Phase::name).toList();
            assertEquals(List.of("reach", "grasp", "lift", "place", "release", "home"), names);
            double prev = 0;
            for (TrialTruth.Phase p : t.phases()) {
                assertTrue(p.tS() > prev && p.tS() < t.durationS(), "seed " + seed + " " + p);
                prev = p.tS();
            }
        }
    }

    @Test
    void wrenchShowsWeightWhileHoldingAndSpikesAtGrasp() {
        SimWorld world = new SimWorld("ft", M, 3);
        SimWorld.Run run = world.beginTrial(firstWhere(t -> t.truth().outcome() == Outcome.SUCCESS
                && !t.truth().jerky()).truth().seed());
        Trial trial = run.trial();
        SplittableRandom rng = new SplittableRandom(1);
        double mass = trial.truth().massKg();
        // the arm stopped lowering about 0.1 s before the fingers let go; earlier the inertia still shows
        double still = trial.releaseTime() - 0.005;
        assertTrue(still - trial.truth().phase("release") > 0.06, "arm has settled");
        double fz = 0;
        for (int i = 0; i < 20; i++) {
            fz += FtDriver.wrench(world, run.instant(still - i * 0.0005), rng)[2] / 20;
        }
        assertEquals(-mass * 9.81, fz, 0.05 * mass * 9.81 + 0.06, "weight of " + mass + " kg");
        double before = Math.abs(FtDriver.wrench(world, run.instant(trial.truth().phase("reach") + 0.5), rng)[2]);
        assertTrue(before < 0.3, "no load before the grasp: " + before);
        double spike = 0;
        for (double t = trial.graspTime(); t < trial.graspTime() + 0.05; t += 0.001) {
            double[] w = FtDriver.wrench(world, run.instant(t), rng);
            spike = Math.max(spike, Math.hypot(w[0], w[1]));
        }
        assertTrue(spike > 2.0, "contact spike at grasp: " + spike + " N");
    }

    /**
     * Amplitude (rad) of a sine at {@code hz} in the shoulder-lift joint while placing: Hann-windowed single-bin DFT of
     * the joint's acceleration (where the slow, smooth motion has almost no energy at 6-10 Hz), divided by (2 pi f)^2.
     */
    private static double toneAmplitude(Trial trial, double hz) {
        double t0 = trial.truth().phase("place");
        double t1 = trial.truth().phase("release");
        int n = (int) ((t1 - t0) * 1000);
        double h = 0.001;
        double re = 0, im = 0, wsum = 0;
        for (int i = 0; i < n; i++) {
            double t = t0 + i * h;
            double acc = (trial.leader(t + h)[1] - 2 * trial.leader(t)[1] + trial.leader(t - h)[1]) / (h * h);
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            re += w * acc * Math.cos(2 * Math.PI * hz * t);
            im += w * acc * Math.sin(2 * Math.PI * hz * t);
            wsum += w;
        }
        double omega = 2 * Math.PI * hz;
        return 2 * Math.hypot(re, im) / wsum / (omega * omega);
    }

    private static double maxSpeed(Trial trial, double from, double to) {
        double max = 0;
        for (double t = from; t < to - 0.002; t += 0.002) {
            double[] a = trial.leader(t);
            double[] b = trial.leader(t + 0.002);
            for (int j = 0; j < 6; j++) {
                max = Math.max(max, Math.abs(b[j] - a[j]) / 0.002);
            }
        }
        return max;
    }

    private static Trial firstWhere(java.util.function.Predicate<Trial> p) {
        for (long seed = 0; seed < 1000; seed++) {
            Trial t = trial(seed);
            if (p.test(t)) {
                return t;
            }
        }
        throw new AssertionError("no seed below 1000 matches");
    }

    private static double sq(double x) {
        return x * x;
    }

    private static String str(double[] v) {
        return java.util.Arrays.toString(v);
    }
}
