package dev.demoforge.driver.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.demoforge.driver.sim.SimArmModel;
import dev.demoforge.driver.sim.internal.TrialTruth.Outcome;
import dev.demoforge.driver.sim.internal.TrialTruth.Phase;

/**
 * Draws a pick-and-place trial from a seed: outcome, operator habits (hesitation, tremor, sub-movements), scene
 * layout and timing, then the leader's waypoints through closed-form IK. Deterministic: the same seed and
 * episode id give the same trial on any JVM ({@link SplittableRandom} is specified bit for bit). Thread-safe.
 */
final class TrialPlanner {

    static final double P_SUCCESS = 0.78;
    static final double P_FAILED_GRASP = 0.11;
    static final double P_HESITATION = 0.12;
    static final double P_JERKY = 0.12;
    static final double OBJECT_SIZE = 0.04;
    /** Finger opening at gripper.pos = 1, m. */
    static final double MAX_OPENING = 0.08;
    static final double ABOVE_Z = 0.14;
    static final double RELEASE_Z = 0.08;

    private static final double[] SEGMENT_WEIGHTS = {0.35, 1.5, 0.75, 0.42, 0.75, 1.5, 0.5, 0.35, 1.25, 0.2};

    private TrialPlanner() {
    }

    static Trial plan(long seed, String episodeId, SimArmModel model, double[] home) {
        SplittableRandom rng = new SplittableRandom(seed);
        double draw = rng.nextDouble();
        Outcome outcome = draw < P_SUCCESS ? Outcome.SUCCESS
                : draw < P_SUCCESS + P_FAILED_GRASP ? Outcome.FAILED_GRASP : Outcome.DROPPED_OUTSIDE;
        boolean hesitate = rng.nextDouble() < P_HESITATION;
        boolean jerky = rng.nextDouble() < P_JERKY;
        double kind = rng.nextDouble();
        boolean tremor = jerky && kind < 0.7;
        boolean sub = jerky && kind >= 0.4;

        double half = OBJECT_SIZE / 2;
        double[] object = {uni(rng, 0.22, 0.32), uni(rng, -0.20, -0.08), half, uni(rng, -Math.PI / 4, Math.PI / 4)};
        double mass = uni(rng, 0.05, 0.25);
        double[] bin = {uni(rng, 0.16, 0.22), uni(rng, 0.14, 0.20), 0, 0};
        bin[2] = uni(rng, 0.055, 0.07);
        bin[3] = uni(rng, 0.055, 0.07);

        double offAngle = uni(rng, 0, 2 * Math.PI);
        double offRadius = outcome == Outcome.FAILED_GRASP ? uni(rng, 0.035, 0.05) : uni(rng, 0, 0.004);
        double[] off = {offRadius * Math.cos(offAngle), offRadius * Math.sin(offAngle)};

        double[] release = {0, 0, RELEASE_Z};
        if (outcome == Outcome.DROPPED_OUTSIDE) {
            do {
                double a = uni(rng, 0, 2 * Math.PI);
                double d = uni(rng, 0.10, 0.13);
                release[0] = bin[0] + d * Math.cos(a);
                release[1] = bin[1] + d * Math.sin(a);
            } while (!reachable(release[0] - off[0], release[1] - off[1]));
        } else {
            double sx = Math.min(bin[2], bin[3]) - half - 0.015;
            release[0] = bin[0] + uni(rng, -sx, sx);
            release[1] = bin[1] + uni(rng, -sx, sx);
        }

        double gx = object[0] + off[0];
        double gy = object[1] + off[1];
        double rx = release[0] - off[0];
        double ry = release[1] - off[1];
        double[] aboveObj = pose(model, gx, gy, half + 0.10, object[3], 1.0);
        double[] grasp = pose(model, gx, gy, half, object[3], 1.0);
        double[] closed = with(grasp, 0.0);
        double[] lift = pose(model, gx, gy, ABOVE_Z, object[3], 0.0);
        double[] aboveBin = keepRoll(pose(model, rx, ry, ABOVE_Z, 0, 0.0), grasp);
        double[] lowered = keepRoll(pose(model, rx, ry, RELEASE_Z, 0, 0.0), grasp);
        double[] opened = with(lowered, 1.0);

        double[] dur = new double[SEGMENT_WEIGHTS.length];
        double sum = 0;
        for (int i = 0; i < dur.length; i++) {
            dur[i] = SEGMENT_WEIGHTS[i] * uni(rng, 0.85, 1.15);
            sum += dur[i];
        }
        double base = uni(rng, 6.0, 9.0);
        for (int i = 0; i < dur.length; i++) {
            dur[i] *= base / sum;
        }
        double hesAt = uni(rng, 0.35, 0.65);
        double hesDur = uni(rng, 1.0, 3.0);
        double[] drift = new double[7];
        for (int j = 0; j < 6; j++) {
            drift[j] = uni(rng, -0.02, 0.02);
        }
        double tremorHz = tremor ? uni(rng, 6.0, 10.0) : 0;
        double tremorAmp = tremor ? uni(rng, 0.004, 0.010) : 0;
        double[] tremorPhase = new double[6];
        for (int j = 0; j < 6; j++) {
            tremorPhase[j] = uni(rng, 0, 2 * Math.PI);
        }
        boolean subPlace = sub && rng.nextBoolean();
        double[] reachErr = subError(rng);
        double[] placeErr = subError(rng);
        double undershoot = uni(rng, 0.70, 0.85);

        List<Segment> segs = new ArrayList<>();
        List<double[]> hesitations = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        double t = 0;
        t = add(segs, t, dur[0], home, home, null, null);
        phases.add(new Phase("reach", t));
        if (hesitate) {
            double[] mid = lerp(home, aboveObj, hesAt);
            t = add(segs, t, dur[1] * hesAt + 0.2, home, mid, null, null);
            hesitations.add(new double[] {t, t + hesDur});
            t = add(segs, t, hesDur, mid, mid, null, drift);
            t = add(segs, t, dur[1] * (1 - hesAt) + 0.2, mid, aboveObj, sub ? via(mid, aboveObj, undershoot, reachErr)
                    : null, null);
        } else {
            t = add(segs, t, dur[1], home, aboveObj, sub ? via(home, aboveObj, undershoot, reachErr) : null, null);
        }
        t = add(segs, t, dur[2], aboveObj, grasp, null, null);
        phases.add(new Phase("grasp", t));
        t = add(segs, t, dur[3], grasp, closed, null, null);
        phases.add(new Phase("lift", t));
        t = add(segs, t, dur[4], closed, lift, null, null);
        phases.add(new Phase("place", t));
        t = add(segs, t, dur[5], lift, aboveBin, subPlace ? via(lift, aboveBin, undershoot, placeErr) : null, null);
        t = add(segs, t, dur[6], aboveBin, lowered, null, null);
        phases.add(new Phase("release", t));
        t = add(segs, t, dur[7], lowered, opened, null, null);
        phases.add(new Phase("home", t));
        t = add(segs, t, dur[8], opened, home, null, null);
        t = add(segs, t, dur[9], home, home, null, null);

        TrialTruth truth = new TrialTruth(seed, episodeId, outcome, t, hesitations, tremorHz, tremorAmp,
                sub ? (subPlace ? 2 : 1) : 0, object, OBJECT_SIZE, mass, bin, release, off, phases);
        return new Trial(truth, segs, tremorHz, tremorAmp, tremorPhase, model);
    }

    private static double add(List<Segment> segs, double t, double dur, double[] from, double[] to, double[] via,
            double[] drift) {
        segs.add(new Segment(t, dur, from, to, via, drift));
        return t + dur;
    }

    private static boolean reachable(double x, double y) {
        double r = Math.hypot(x, y);
        return r > 0.14 && r < 0.44;
    }

    private static double[] pose(SimArmModel model, double x, double y, double z, double yaw, double gripper) {
        double[] q = ArmIk.solveDown(model, x, y, z, yaw);
        double[] p = new double[7];
        System.arraycopy(q, 0, p, 0, 6);
        p[6] = gripper;
        return p;
    }

    /** Same posture with the wrist roll of {@code ref}: the operator carries the object without turning it. */
    private static double[] keepRoll(double[] p, double[] ref) {
        double[] r = p.clone();
        r[4] = ref[4];
        return r;
    }

    private static double[] with(double[] p, double gripper) {
        double[] r = p.clone();
        r[6] = gripper;
        return r;
    }

    private static double[] lerp(double[] a, double[] b, double f) {
        double[] r = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            r[j] = a[j] + (b[j] - a[j]) * f;
        }
        return r;
    }

    /** First sub-movement target: short of the goal by {@code undershoot} and off to the side by {@code err}. */
    private static double[] via(double[] from, double[] to, double undershoot, double[] err) {
        double[] v = lerp(from, to, undershoot);
        for (int j = 0; j < err.length; j++) {
            v[j] += err[j];
        }
        return v;
    }

    private static double[] subError(SplittableRandom rng) {
        double[] e = new double[7];
        for (int j = 0; j < 4; j++) {
            e[j] = uni(rng, -0.04, 0.04);
        }
        return e;
    }

    static double uni(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
