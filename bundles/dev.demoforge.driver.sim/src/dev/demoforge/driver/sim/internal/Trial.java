package dev.demoforge.driver.sim.internal;

import java.util.List;

import dev.demoforge.driver.sim.SimArmModel;
import dev.demoforge.driver.sim.internal.TrialTruth.Outcome;

/**
 * One drawn trial as functions of trial time (s from its start): the leader's (operator's) posture, the follower
 * arm tracking it with a first-order lag, the object. The follower is integrated once on a 1 kHz grid at
 * construction and linearly interpolated, so every query is deterministic and cheap. Immutable, thread-safe.
 * Postures have 7 channels: 6 joint angles (rad) and the gripper (0 = closed, 1 = open).
 */
final class Trial {

    /** Follower lag time constant, s. */
    static final double LAG_S = 0.030;
    /** Integration step of the follower, s. */
    static final double STEP_S = 0.001;
    private static final double G = 9.81;
    private static final double[] TREMOR_WEIGHTS = {1.0, 1.0, 0.8, 0.6, 0.4, 0.3};

    private final TrialTruth truth;
    private final List<Segment> segments;
    private final double tremorHz;
    private final double tremorAmp;
    private final double[] tremorPhase;
    private final SimArmModel model;
    private final double duration;
    private final double[] follower;
    private final double contact;
    private double graspT = Double.NaN;
    private double releaseT = Double.NaN;
    private double[] heldOffset;
    private double[] releasedAt;

    Trial(TrialTruth truth, List<Segment> segments, double tremorHz, double tremorAmp, double[] tremorPhase,
            SimArmModel model) {
        this.truth = truth;
        this.segments = List.copyOf(segments);
        this.tremorHz = tremorHz;
        this.tremorAmp = tremorAmp;
        this.tremorPhase = tremorPhase.clone();
        this.model = model;
        this.duration = truth.durationS();
        this.contact = truth.objectSize() / TrialPlanner.MAX_OPENING;
        this.follower = integrateFollower();
        settleObject();
    }

    TrialTruth truth() {
        return truth;
    }

    double duration() {
        return duration;
    }

    /** Whether the gripper holds the object (so it moves with the tool). */
    boolean held() {
        return truth.outcome() != Outcome.FAILED_GRASP;
    }

    /** Trial time at which the fingers close on (or, for a failed grasp, past) the object's width, s. */
    double graspTime() {
        return graspT;
    }

    /** Trial time at which the fingers open past the object's width again, s. */
    double releaseTime() {
        return releaseT;
    }

    /** The operator's (leader's) posture at trial time {@code t}, clamped to the trial. */
    double[] leader(double t) {
        double tc = Math.clamp(t, 0.0, duration);
        double[] q = new double[7];
        segmentAt(tc).eval(tc, q);
        if (tremorAmp > 0) {
            double env = envelope(tc);
            for (int j = 0; j < 6; j++) {
                q[j] += env * tremorAmp * TREMOR_WEIGHTS[j] * Math.sin(2 * Math.PI * tremorHz * tc + tremorPhase[j]);
            }
        }
        return q;
    }

    /** The follower arm's posture at trial time {@code t}, clamped to the trial. */
    double[] follower(double t) {
        double x = Math.clamp(t, 0.0, duration) / STEP_S;
        int n = follower.length / 7;
        int k = Math.min((int) x, n - 2);
        double f = Math.min(1.0, x - k);
        double[] q = new double[7];
        for (int j = 0; j < 7; j++) {
            double a = follower[k * 7 + j];
            q[j] = a + (follower[(k + 1) * 7 + j] - a) * f;
        }
        return q;
    }

    /** Object centre and yaw {x, y, z, yaw} at trial time {@code t}; after the trial it stays where it landed. */
    double[] object(double t) {
        double[] start = truth.object();
        if (!held() || t < graspT) {
            return start.clone();
        }
        if (t < releaseT) {
            double[] tool = toolFrame(follower(t));
            return new double[] {tool[3] + heldOffset[0], tool[7] + heldOffset[1], tool[11] + heldOffset[2],
                start[3] + toolYaw(tool) - heldOffset[3]};
        }
        double fall = t - releaseT;
        double z = Math.max(start[2], releasedAt[2] - 0.5 * G * fall * fall);
        return new double[] {releasedAt[0], releasedAt[1], z, releasedAt[3]};
    }

    /** Whether the object moves with the tool at trial time {@code t}. */
    boolean holding(double t) {
        return held() && t >= graspT && t < releaseT;
    }

    double[] toolFrame(double[] q) {
        return model.frames(q)[model.dof() + 1];
    }

    private static double toolYaw(double[] tool) {
        return Math.atan2(tool[4], tool[0]);
    }

    private Segment segmentAt(double t) {
        for (Segment s : segments) {
            if (t < s.end()) {
                return s;
            }
        }
        return segments.get(segments.size() - 1);
    }

    /** Tremor envelope: on while the operator moves, 0.3 s ramps at the trial's two ends. */
    private double envelope(double t) {
        double reach = truth.phase("reach");
        double end = duration - segments.get(segments.size() - 1).dur();
        double up = Math.clamp((t - reach) / 0.3, 0.0, 1.0);
        double down = Math.clamp((end - t) / 0.3, 0.0, 1.0);
        return Math.min(up, down);
    }

    /**
     * Integrates the follower on the 1 kHz grid: first-order lag towards the leader; the gripper stops at the
     * object's width while it holds it, and the contact and release instants are found on the way.
     */
    private double[] integrateFollower() {
        int n = (int) Math.ceil(duration / STEP_S) + 2;
        double[] out = new double[n * 7];
        double alpha = 1 - Math.exp(-STEP_S / LAG_S);
        double[] y = leader(0);
        double closeStart = truth.phase("grasp");
        double openStart = truth.phase("release");
        boolean holding = false;
        for (int k = 0; k < n; k++) {
            double t = k * STEP_S;
            if (k > 0) {
                double[] target = leader(t);
                for (int j = 0; j < 7; j++) {
                    y[j] += alpha * (target[j] - y[j]);
                }
            }
            if (Double.isNaN(graspT) && t >= closeStart && y[6] <= contact) {
                graspT = t;
                holding = held();
            }
            if (!Double.isNaN(graspT) && Double.isNaN(releaseT) && t >= openStart && y[6] > contact) {
                releaseT = t;
                holding = false;
            }
            System.arraycopy(y, 0, out, k * 7, 7);
            if (holding) {
                out[k * 7 + 6] = Math.max(y[6], contact);
            }
        }
        if (Double.isNaN(graspT) || Double.isNaN(releaseT)) {
            throw new IllegalStateException("Trial " + truth.seed() + ": gripper never closed and reopened");
        }
        return out;
    }

    private void settleObject() {
        double[] start = truth.object();
        double[] atGrasp = toolFrame(follower(graspT));
        heldOffset = new double[] {start[0] - atGrasp[3], start[1] - atGrasp[7], start[2] - atGrasp[11],
            toolYaw(atGrasp)};
        releasedAt = held() ? object(releaseT - 1e-9) : start.clone();
    }
}
