package dev.demoforge.quality.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.demoforge.driver.sim.SimArmModel;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/** Idle spans on crafted reaches of the simulated arm. */
class HesitationTest {

    private static final TaskThresholds.Hesitation LIMITS = TaskThresholds.defaults(TaskThresholds.SIM_ROBOT)
            .hesitation();

    /** Rest, half the reach, a pause from 2.0 s to 3.5 s (plus tremor if asked), the rest of the reach, rest. */
    private static double[] pausedReach(double t, double tremorAmp) {
        double[] mid = Crafted.lerp(Crafted.A, Crafted.B, 0.5);
        double[] q = t < 2.0 ? Crafted.lerp(Crafted.A, mid, Crafted.minJerk((t - 0.5) / 1.5))
                : Crafted.lerp(mid, Crafted.B, Crafted.minJerk((t - 3.5) / 1.5));
        return Crafted.tremor(q, t, 0.5, 5.0, 8, tremorAmp);
    }

    @Test
    void findsAKnownIdleSpanAtItsTime() {
        TimeSeries joints = Crafted.sample(6.0, true, t -> pausedReach(t, 0));
        CheckResult r = HesitationCheck.analyse(Motion.of(joints, SimArmModel.DEFAULT), LIMITS);
        assertEquals(Verdict.WARN, r.verdict(), r.reasons().toString());
        Reason idle = single(r.reasons());
        assertTrue(idle.text().matches("idle \\d+\\.\\d s from \\d+\\.\\d s \\(hesitation\\)"), idle.text());
        assertEquals(2.0, idle.startSeconds(), 0.2, idle.text());
        assertEquals(3.5, idle.endSeconds(), 0.2, idle.text());
        assertEquals(String.format(java.util.Locale.ROOT, "idle %.1f s from %.1f s (hesitation)",
                idle.endSeconds() - idle.startSeconds(), idle.startSeconds()), idle.text());
        assertEquals(1 - (idle.endSeconds() - idle.startSeconds()) / 4.5, r.score(), 0.05, "score = 1 - idle fraction");
    }

    @Test
    void tremorDuringThePauseDoesNotHideIt() {
        TimeSeries joints = Crafted.sample(6.0, true, t -> pausedReach(t, 0.006));
        CheckResult r = HesitationCheck.analyse(Motion.of(joints, SimArmModel.DEFAULT), LIMITS);
        assertEquals(Verdict.WARN, r.verdict(), r.reasons().toString());
        assertEquals(2.0, single(r.reasons()).startSeconds(), 0.25);
    }

    @Test
    void aReachWithoutPausePassesAndRestAtTheEndsDoesNotCount() {
        TimeSeries joints = Crafted.sample(6.0, true, t -> Crafted.reach(t, 2.0, 2.0));
        CheckResult r = HesitationCheck.analyse(Motion.of(joints, SimArmModel.DEFAULT), LIMITS);
        assertEquals(Verdict.PASS, r.verdict(), r.reasons().toString());
        assertEquals(List.of(), r.reasons());
        assertEquals(1.0, r.score(), 1e-9);
    }

    @Test
    void mostlyIdleMotionFails() {
        double[] mid = Crafted.lerp(Crafted.A, Crafted.B, 0.5);
        TimeSeries joints = Crafted.sample(12.0, true, t -> t < 1.5
                ? Crafted.lerp(Crafted.A, mid, Crafted.minJerk((t - 0.5) / 1.0))
                : Crafted.lerp(mid, Crafted.B, Crafted.minJerk((t - 10.0) / 1.0)));
        CheckResult r = HesitationCheck.analyse(Motion.of(joints, SimArmModel.DEFAULT), LIMITS);
        assertEquals(Verdict.FAIL, r.verdict(), r.reasons().toString());
        assertTrue(r.reasons().get(0).text().matches("idle 8\\d% of the motion \\(limit 50%\\)"),
                r.reasons().get(0).text());
    }

    private static Reason single(List<Reason> reasons) {
        assertEquals(1, reasons.size(), reasons.toString());
        return reasons.get(0);
    }
}
