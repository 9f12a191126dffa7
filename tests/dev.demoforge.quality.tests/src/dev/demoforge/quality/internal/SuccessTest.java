package dev.demoforge.quality.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.demoforge.driver.sim.SimArmModel;
import dev.demoforge.quality.api.CheckResult;
import dev.demoforge.quality.api.Reason;
import dev.demoforge.quality.api.Verdict;

/**
 * The pick-and-place criterion on crafted recordings: open at A, close on the object at 1.5 s, carry it to B from
 * 2.0 s to 4.0 s, release at 4.0 s, then (optionally) return to A.
 */
class SuccessTest {

    private static final double RELEASE = 4.0;
    /** The gripper passes the open threshold (0.75) 0.19 s into its 0.3 s minimum-jerk opening from 0.5. */
    private static final double OPENED = 4.19;

    private static double ramp(double t, double t0, double dur, double from, double to) {
        return from + (to - from) * Crafted.minJerk((t - t0) / dur);
    }

    /** Commanded gripper: 0.5 at rest, open from 0.5 s, closed from 1.5 s, open at 4.0 s, 0.5 from 4.6 s. */
    private static double command(double t) {
        if (t < 1.5) {
            return ramp(t, 0.5, 0.4, 0.5, 1.0);
        }
        if (t < RELEASE) {
            return ramp(t, 1.5, 0.4, 1.0, 0.0);
        }
        return t < 4.6 ? ramp(t, RELEASE, 0.3, 0.0, 1.0) : ramp(t, 4.6, 0.4, 1.0, 0.5);
    }

    private static EpisodeData episode(boolean holdsObject, boolean returnToA, double end, boolean withSensors) {
        TimeSeries joints = Crafted.sample(end, true, t -> {
            double[] q = Crafted.lerp(Crafted.A, Crafted.B, Crafted.minJerk((t - 2.0) / 2.0));
            return returnToA && t > 4.5 ? Crafted.lerp(Crafted.B, Crafted.A, Crafted.minJerk((t - 4.5) / 1.5)) : q;
        });
        TimeSeries command = Crafted.sample(end, false, t -> new double[] {command(t)});
        // holding the 4 cm cube, the fingers stop at 0.5 however far the leader closes
        TimeSeries gripper = Crafted.sample(end, false, t -> new double[] {holdsObject && t > 1.5
                ? Math.max(command(t), 0.5) : command(t)});
        int n = (int) (end * 1000);
        double[] wt = new double[n];
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            wt[i] = i / 1000.0;
            boolean loaded = holdsObject && wt[i] > 1.7 && wt[i] < RELEASE;
            w[i] = new double[] {0, 0, (loaded ? -1.2 : 0) + 0.03 * Math.sin(i), 0, 0, 0};
        }
        return Crafted.full(joints, gripper, withSensors ? command : TimeSeries.EMPTY,
                withSensors ? new TimeSeries(wt, w) : TimeSeries.EMPTY, List.of());
    }

    /** A bin of 3 cm half-width around the tool point at a posture. */
    private static TaskThresholds.Success binAround(double[] posture) {
        double[] p = SimArmModel.DEFAULT.forwardKinematics(posture);
        TaskThresholds.Success d = TaskThresholds.defaults(TaskThresholds.SIM_ROBOT).success();
        return new TaskThresholds.Success(d.openAbove(), d.closedMinS(), d.stallMinOpening(), d.stallMargin(),
                d.minLoadN(), new TaskThresholds.Bin(p[0], p[1], 0.03, 0.03, p[2] + 0.05));
    }

    private static CheckResult check(EpisodeData d, TaskThresholds.Success s) {
        return SuccessCheck.analyse(d, Motion.of(d.joints(), SimArmModel.DEFAULT), s);
    }

    @Test
    void objectReleasedInsideTheRegionSucceeds() {
        CheckResult r = check(episode(true, false, 6, true), binAround(Crafted.B));
        assertEquals(Verdict.PASS, r.verdict(), r.reasons().toString());
        assertEquals(1.0, r.score());
        Reason released = find(r, "released inside the target region");
        assertEquals(OPENED, released.startSeconds(), 0.02);
        Reason grasp = find(r, "grasped");
        assertEquals(1.5, grasp.startSeconds(), 0.3);
        assertTrue(grasp.text().contains("commanded 0.00") && grasp.text().contains("wrist load change 1.2"),
                grasp.text());
    }

    @Test
    void releaseOutsideTheRegionFailsWithTheDistance() {
        CheckResult r = check(episode(true, false, 6, true), binAround(Crafted.A));
        assertEquals(Verdict.FAIL, r.verdict(), r.reasons().toString());
        Reason outside = find(r, "released ");
        double[] a = SimArmModel.DEFAULT.forwardKinematics(Crafted.A);
        double[] b = SimArmModel.DEFAULT.forwardKinematics(Crafted.B);
        double dx = Math.max(0, Math.abs(a[0] - b[0]) - 0.03);
        double dy = Math.max(0, Math.abs(a[1] - b[1]) - 0.03);
        var m = java.util.regex.Pattern.compile("released (\\d+\\.\\d) cm outside the target region at .*")
                .matcher(outside.text());
        assertTrue(m.matches(), outside.text());
        assertEquals(100 * Math.hypot(dx, dy), Double.parseDouble(m.group(1)), 0.2, outside.text());
        assertEquals(OPENED, outside.startSeconds(), 0.02);
    }

    @Test
    void openingBeforeReachingTheRegionSaysHowEarly() {
        CheckResult r = check(episode(true, true, 7, true), binAround(Crafted.A));
        assertEquals(Verdict.FAIL, r.verdict(), r.reasons().toString());
        Reason early = find(r, "gripper opened");
        assertTrue(early.text().matches("gripper opened \\d\\.\\d s before the target region, at 4\\.\\d s .*"),
                early.text());
        assertEquals(OPENED, early.startSeconds(), 0.02);
        assertTrue(early.endSeconds() > 5.0 && early.endSeconds() < 6.1, early.toString());
    }

    @Test
    void gripperClosingOnNothingFails() {
        CheckResult r = check(episode(false, false, 6, true), binAround(Crafted.B));
        assertEquals(Verdict.FAIL, r.verdict(), r.reasons().toString());
        Reason empty = find(r, "gripper closed empty at");
        assertEquals(1.5, empty.startSeconds(), 0.3);
        assertTrue(empty.text().contains("fingers at 0.00"), empty.text());
    }

    @Test
    void stallAloneIsEvidenceOfAGraspWithoutLeaderOrWrench() {
        CheckResult held = check(episode(true, false, 6, false), binAround(Crafted.B));
        assertEquals(Verdict.PASS, held.verdict(), held.reasons().toString());
        CheckResult empty = check(episode(false, false, 6, false), binAround(Crafted.B));
        assertEquals(Verdict.FAIL, empty.verdict(), empty.reasons().toString());
    }

    @Test
    void recordingThatEndsWhileHoldingFails() {
        CheckResult r = check(episode(true, false, 3.5, true), binAround(Crafted.B));
        assertEquals(Verdict.FAIL, r.verdict(), r.reasons().toString());
        find(r, "the recording ended holding the object");
    }

    @Test
    void operatorMarksTakePrecedence() {
        EpisodeData good = episode(true, false, 6, true);
        EpisodeData markedFailed = Crafted.full(good.joints(), good.gripper(), good.gripperCommand(), good.wrench(),
                List.of(new EpisodeData.Mark(5.5, false, "failure")));
        CheckResult r = check(markedFailed, binAround(Crafted.B));
        assertEquals(Verdict.FAIL, r.verdict());
        assertEquals("operator marked failure at 5.5 s", r.reasons().get(0).text());
        EpisodeData bad = episode(false, false, 6, true);
        EpisodeData markedGood = Crafted.full(bad.joints(), bad.gripper(), bad.gripperCommand(), bad.wrench(),
                List.of(new EpisodeData.Mark(5.0, true, "{\"mark\":\"success\"}")));
        CheckResult w = check(markedGood, binAround(Crafted.B));
        assertEquals(Verdict.WARN, w.verdict(), w.reasons().toString());
        assertTrue(w.reasons().get(0).text().endsWith("the recorded state disagrees"), w.reasons().toString());
    }

    @Test
    void marksAreReadFromTextOrJson() {
        assertEquals(Boolean.TRUE, EpisodeData.parseMark(" Success "));
        assertEquals(Boolean.FALSE, EpisodeData.parseMark("failed"));
        assertEquals(Boolean.FALSE, EpisodeData.parseMark("{\"success\": false}"));
        assertEquals(Boolean.TRUE, EpisodeData.parseMark("{\"mark\": \"success\", \"by\": \"ana\"}"));
        assertNull(EpisodeData.parseMark("phase: grasp"));
        assertNull(EpisodeData.parseMark("{not json"));
    }

    private static Reason find(CheckResult r, String prefix) {
        return r.reasons().stream().filter(x -> x.text().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no reason '" + prefix + "…' in " + r.reasons()));
    }
}
