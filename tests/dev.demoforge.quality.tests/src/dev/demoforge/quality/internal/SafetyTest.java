package dev.demoforge.quality.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/** Joint-limit, joint-speed and force excursions with their time ranges. */
class SafetyTest {

    private static final TaskThresholds.Safety LIMITS = TaskThresholds.defaults(TaskThresholds.SIM_ROBOT).safety();

    @Test
    void findsAJointLimitExcursionAtItsTime() {
        // the elbow (limit [-2.8, 0.2] rad) rises from 0 to 0.35 rad and back between 1.7 s and 2.9 s
        TimeSeries joints = Crafted.sample(4.0, true, t -> {
            double[] q = Crafted.A.clone();
            q[2] = t < 1.7 || t > 2.9 ? 0.0 : 0.35 * Math.sin(Math.PI * (t - 1.7) / 1.2);
            return q;
        });
        CheckResult r = SafetyCheck.analyse(Crafted.joints(joints), LIMITS);
        assertEquals(Verdict.FAIL, r.verdict(), r.reasons().toString());
        Reason limit = only(r.reasons(), "elbow_flex.pos beyond its limit");
        double expectedStart = 1.7 + 1.2 / Math.PI * Math.asin(0.2 / 0.35);
        assertEquals(expectedStart, limit.startSeconds(), 0.02, limit.text());
        assertEquals(1.7 + 1.2 - (expectedStart - 1.7), limit.endSeconds(), 0.02, limit.text());
        assertTrue(limit.text().contains("by 0.15"), limit.text());
        assertTrue(r.score() < 0, "beyond a limit: utilisation above 1, score " + r.score());
    }

    @Test
    void aFastJointWarnsAndAVeryFastOneFails() {
        // shoulder pan swings 1 rad in 0.25 s (minimum jerk: peak 7.5 rad/s) from 1.0 s
        TimeSeries fast = Crafted.sample(3.0, true, t -> {
            double[] q = Crafted.A.clone();
            q[0] = Crafted.minJerk((t - 1.0) / 0.25);
            return q;
        });
        CheckResult r = SafetyCheck.analyse(Crafted.joints(fast), LIMITS);
        assertEquals(Verdict.FAIL, r.verdict(), r.reasons().toString());
        Reason speed = only(r.reasons(), "shoulder_pan.pos speed");
        assertTrue(speed.startSeconds() > 1.0 && speed.endSeconds() < 1.25, speed.toString());
        TimeSeries brisk = Crafted.sample(3.0, true, t -> {
            double[] q = Crafted.A.clone();
            q[0] = Crafted.minJerk((t - 1.0) / 0.4);
            return q;
        });
        assertEquals(Verdict.WARN, SafetyCheck.analyse(Crafted.joints(brisk), LIMITS).verdict(), "peak 4.7 rad/s");
    }

    @Test
    void findsAForcePeakAtItsTime() {
        TimeSeries joints = Crafted.sample(3.0, false, t -> Crafted.A.clone());
        int n = 3001;
        double[] t = new double[n];
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            t[i] = i / 1000.0;
            double fz = t[i] >= 1.2 && t[i] < 1.4 ? -30 : -1;
            w[i] = new double[] {0.1, 0.0, fz, 0, 0, 0};
        }
        EpisodeData d = Crafted.full(joints, TimeSeries.EMPTY, TimeSeries.EMPTY, new TimeSeries(t, w), List.of());
        CheckResult r = SafetyCheck.analyse(d, LIMITS);
        assertEquals(Verdict.WARN, r.verdict(), "30 N is above 25 N but below 1.5 x 25 N: " + r.reasons());
        Reason force = only(r.reasons(), "wrist force");
        assertEquals(1.2, force.startSeconds(), 0.01);
        assertEquals(1.4, force.endSeconds(), 0.01);
    }

    @Test
    void restingArmPasses() {
        TimeSeries joints = Crafted.sample(3.0, true, t -> Crafted.reach(t, 0.5, 1.5));
        CheckResult r = SafetyCheck.analyse(Crafted.joints(joints), LIMITS);
        assertEquals(Verdict.PASS, r.verdict(), r.reasons().toString());
        assertTrue(r.score() > 0 && r.score() < 1, "score " + r.score());
    }

    private static Reason only(List<Reason> reasons, String prefix) {
        List<Reason> matching = reasons.stream().filter(x -> x.text().startsWith(prefix)).toList();
        assertEquals(1, matching.size(), reasons.toString());
        return matching.get(0);
    }
}
