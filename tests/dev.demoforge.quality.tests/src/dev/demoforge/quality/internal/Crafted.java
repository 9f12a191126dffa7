package dev.demoforge.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** Crafted joint, gripper and wrench signals for the checks' unit tests, sampled like the simulated arm. */
final class Crafted {

    static final double RATE_HZ = 200;
    /** 12-bit encoder step, rad, as the simulated arm's. */
    static final double ENCODER = 2 * Math.PI / 4096;
    static final List<String> JOINTS = List.of("shoulder_pan.pos", "shoulder_lift.pos", "elbow_flex.pos",
            "wrist_flex.pos", "wrist_roll.pos", "wrist_yaw.pos");
    /** Two postures of the simulated arm about 0.2 m apart at the tool point. */
    static final double[] A = {0.0, 1.2, -1.8, 0.6, 0.0, 0.0};
    static final double[] B = {0.6, 1.5, -1.5, 0.0, 0.3, 0.0};

    private Crafted() {
    }

    /** Minimum-jerk profile 10u^3 - 15u^4 + 6u^5 of u clamped to [0, 1]. */
    static double minJerk(double u) {
        double c = Math.clamp(u, 0.0, 1.0);
        return c * c * c * (10 - 15 * c + 6 * c * c);
    }

    /** A posture between {@code from} and {@code to} at fraction {@code s}. */
    static double[] lerp(double[] from, double[] to, double s) {
        double[] q = new double[from.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = from[j] + (to[j] - from[j]) * s;
        }
        return q;
    }

    /** Samples {@code f(t)} at {@value #RATE_HZ} Hz over [0, duration], optionally quantised like 12-bit encoders. */
    static TimeSeries sample(double duration, boolean quantise, DoubleFunction<double[]> f) {
        int n = (int) Math.round(duration * RATE_HZ) + 1;
        double[] t = new double[n];
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            t[i] = i / RATE_HZ;
            double[] v = f.apply(t[i]);
            if (quantise) {
                for (int j = 0; j < v.length; j++) {
                    v[j] = Math.round(v[j] / ENCODER) * ENCODER;
                }
            }
            rows[i] = v;
        }
        return new TimeSeries(t, rows);
    }

    /** A reach A -> B as one minimum-jerk movement of {@code dur} s starting at {@code t0}, at rest otherwise. */
    static double[] reach(double t, double t0, double dur) {
        return lerp(A, B, minJerk((t - t0) / dur));
    }

    /**
     * The same reach as two overlapping sub-movements: the first (75 % of the time) stops short at {@code undershoot}
     * and off to the side by {@code lateral} rad on the shoulder and elbow; the second (from 45 %) corrects.
     */
    static double[] subMovements(double t, double t0, double dur, double undershoot, double lateral) {
        double u = (t - t0) / dur;
        double[] via = lerp(A, B, undershoot);
        via[1] += lateral;
        via[2] -= lateral;
        double s1 = minJerk(u / 0.75);
        double s2 = minJerk((u - 0.45) / 0.55);
        double[] q = new double[A.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = A[j] + (via[j] - A[j]) * s1 + (B[j] - via[j]) * s2;
        }
        return q;
    }

    /** Adds a tremor of {@code hz} and {@code amp} rad to every joint while {@code t} is within [from, to]. */
    static double[] tremor(double[] q, double t, double from, double to, double hz, double amp) {
        double[] r = q.clone();
        if (t >= from && t <= to) {
            for (int j = 0; j < 4; j++) {
                r[j] += amp * Math.sin(2 * Math.PI * hz * t + j);
            }
        }
        return r;
    }

    /** Episode data with joints only. */
    static EpisodeData joints(TimeSeries joints) {
        return new EpisodeData(TaskThresholds.SIM_ROBOT, "crafted", joints.t()[joints.size() - 1], joints, JOINTS,
                TimeSeries.EMPTY, TimeSeries.EMPTY, TimeSeries.EMPTY, List.of());
    }

    /** Episode data with joints, gripper, commanded gripper, wrench and marks. */
    static EpisodeData full(TimeSeries joints, TimeSeries gripper, TimeSeries command, TimeSeries wrench,
            List<EpisodeData.Mark> marks) {
        return new EpisodeData(TaskThresholds.SIM_ROBOT, "crafted", joints.t()[joints.size() - 1], joints, JOINTS,
                gripper, command, wrench, new ArrayList<>(marks));
    }
}
